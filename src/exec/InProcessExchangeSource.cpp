#include "exec/InProcessExchangeSource.h"

#include <fmt/format.h>

#include "common/Check.h"
#include "common/PrestoException.h"
#include "exec/RemoteSplit.h"
#include "exec/Task.h"
#include "exec/TaskRegistry.h"

namespace presto::exec {

InProcessExchangeSource::InProcessExchangeSource(std::shared_ptr<Task> task, int32_t bufferId)
    : task_(std::move(task)), bufferId_(bufferId) {
  PRESTO_CHECK(bufferId_ >= 0 && bufferId_ < task_->outputBuffer()->numBuffers(), "task {} has no output buffer {}",
      task_->taskId(), bufferId_);
}

void InProcessExchangeSource::checkUpstream() const {
  // A task moves to its terminal state before it terminates its buffer, so a buffer that ended
  // because of a failure is always seen here as a terminating task.
  if (!task_->isTerminating()) {
    return;
  }
  if (auto error = task_->error()) {
    std::rethrow_exception(error);
  }
  throw PrestoException(
      errors::REMOTE_TASK_ERROR, fmt::format("Upstream task {} is {}", task_->taskId(), taskStateName(task_->state())));
}

bool InProcessExchangeSource::getPages(
    int64_t token, int64_t maxBytes, ExchangePages& result, ContinueFuture* future) {
  bool available = task_->outputBuffer()->getPages(bufferId_, token, maxBytes, result, future);
  checkUpstream();
  return available;
}

void InProcessExchangeSource::acknowledge(int64_t token) {
  task_->outputBuffer()->acknowledge(bufferId_, token);
}

void InProcessExchangeSource::close() {
  task_->outputBuffer()->abort(bufferId_);
}

ExchangeSourceFactory inProcessExchangeSources(std::shared_ptr<const TaskRegistry> registry) {
  return [registry = std::move(registry)](
             const RemoteSplit& split, const std::vector<TypePtr>& /*types*/) -> std::unique_ptr<ExchangeSource> {
    auto task = registry->find(split.taskId());
    if (task == nullptr) {
      throw PrestoException(errors::REMOTE_TASK_ERROR, fmt::format("Upstream task {} not found", split.taskId()));
    }
    return std::make_unique<InProcessExchangeSource>(std::move(task), split.bufferId());
  };
}

} // namespace presto::exec
