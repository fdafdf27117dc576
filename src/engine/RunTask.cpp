#include <condition_variable>

#include "common/Check.h"
#include "common/PrestoException.h"
#include "engine/LocalQueryRunnerImpl.h"
#include "exec/Task.h"

namespace presto::engine {
namespace {

/// Blocks the calling (non-executor) thread until `future` completes or `canceled` turns true
/// (polled every 50 ms).
void waitFor(const exec::ContinueFuture& future, const std::function<bool()>& canceled) {
  auto mutex = std::make_shared<std::mutex>();
  auto ready = std::make_shared<bool>(false);
  auto condition = std::make_shared<std::condition_variable>();
  future.then([mutex, ready, condition] {
    std::lock_guard<std::mutex> lock(*mutex);
    *ready = true;
    condition->notify_all();
  });
  std::unique_lock<std::mutex> lock(*mutex);
  while (!condition->wait_for(lock, std::chrono::milliseconds(50), [&] { return *ready; })) {
    if (canceled()) {
      return;
    }
  }
}

/// Hands every split of every scan to the task.
void addSplits(exec::Task& task, const PhysicalPlan& plan) {
  for (const auto& scan : plan.scans) {
    auto source = scan.connector->splitManager().getSplits(scan.table, connector::SplitContext{{"local"}});
    int64_t sequence = 0;
    while (!source->isFinished()) {
      for (auto& split : source->getNextBatch(1000)) {
        task.addSplit(scan.planNodeId, exec::Split{sequence++, std::move(split)});
      }
    }
    task.noMoreSplits(scan.planNodeId);
  }
}

} // namespace

exec::TaskStats LocalQueryRunnerImpl::runTask(const PhysicalPlan& plan, const std::string& queryId, int32_t concurrency,
    const std::function<void(PagePtr)>& consume, const StatementListener* listener) {
  exec::TaskConfig config;
  config.concurrency = concurrency;
  config.maxTaskMemoryBytes = options_.maxQueryMemoryBytes;
  exec::TaskServices services;
  services.connectors = [connectors = plan.connectors](const std::string& catalog) -> connector::ConnectorPtr {
    auto it = connectors.find(catalog);
    return it == connectors.end() ? nullptr : it->second;
  };
  services.functions = functions_;
  services.aggregates = aggregates_;
  auto task = exec::Task::create(queryId + ".0.0", plan.root, config, exec::OutputBufferSpec{}, services,
      nodePool_, executor_.get());
  task->start();
  auto canceled = [&] { return listener != nullptr && listener->isCanceled(); };
  try {
    addSplits(*task, plan);
    int64_t token = 0;
    for (;;) {
      if (canceled()) {
        throw PrestoException(errors::USER_CANCELED, "Query was canceled");
      }
      exec::OutputBuffer::Result result;
      exec::ContinueFuture future;
      if (!task->outputBuffer()->getPages(0, token, 1 << 20, result, &future)) {
        waitFor(future, canceled);
        continue;
      }
      for (auto& page : result.pages) {
        consume(std::move(page));
      }
      token = result.nextToken;
      if (result.complete) {
        task->outputBuffer()->acknowledge(0, token);
        break;
      }
    }
  } catch (...) {
    task->cancel();
    throw;
  }
  task->waitForCompletion(std::chrono::hours(24));
  if (auto error = task->error()) {
    std::rethrow_exception(error);
  }
  PRESTO_CHECK(task->state() == exec::TaskState::kFinished, "task ended {}", exec::taskStateName(task->state()));
  return task->stats();
}

} // namespace presto::engine
