#pragma once

#include <memory>

#include "exec/ExchangeSource.h"

namespace presto::exec {

class Task;
class TaskRegistry;

/// Reads an output buffer of a task running in this process, straight from its OutputBuffer (no
/// serialization). Keeps the upstream task alive while open. A buffer that ends because its task
/// failed, was canceled or aborted fails the reader with the task's error (REMOTE_TASK_ERROR when
/// the task has none) instead of looking complete.
class InProcessExchangeSource : public ExchangeSource {
 public:
  InProcessExchangeSource(std::shared_ptr<Task> task, int32_t bufferId);

  bool getPages(int64_t token, int64_t maxBytes, ExchangePages& result, ContinueFuture* future) override;
  void acknowledge(int64_t token) override;
  void close() override;

 private:
  /// Throws if the upstream task ended abnormally.
  void checkUpstream() const;

  std::shared_ptr<Task> task_;
  const int32_t bufferId_;
};

/// A factory opening InProcessExchangeSources on the tasks of `registry`. A split naming a task the
/// registry does not know fails with REMOTE_TASK_ERROR: register producers before handing out
/// their splits.
ExchangeSourceFactory inProcessExchangeSources(std::shared_ptr<const TaskRegistry> registry);

} // namespace presto::exec
