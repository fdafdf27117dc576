#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "exec/Task.h"
#include "exec/TaskExecutor.h"
#include "type/Value.h"

namespace presto::exec::test {

/// A task executor shared by the tests of a binary (one thread per core).
TaskExecutor& sharedExecutor();
/// Services for test tasks: builtin functions, the test aggregates, and `connectors`.
TaskServices testServices(std::function<connector::ConnectorPtr(const std::string&)> connectors = nullptr);

/// Runs a plan in a Task on an executor and collects the result pages:
///
///   auto rows = QueryRunner(plan).concurrency(2).rows();
///
/// Splits can be added before the run; run() rethrows the task's error.
class QueryRunner {
 public:
  explicit QueryRunner(PlanNodePtr plan) : plan_(std::move(plan)) {}

  QueryRunner& concurrency(int32_t concurrency) {
    config_.concurrency = concurrency;
    return *this;
  }
  QueryRunner& config(const TaskConfig& config) {
    config_ = config;
    return *this;
  }
  QueryRunner& maxMemory(int64_t bytes) {
    config_.maxTaskMemoryBytes = bytes;
    return *this;
  }
  QueryRunner& executor(TaskExecutor* executor) {
    executor_ = executor;
    return *this;
  }
  QueryRunner& services(TaskServices services) {
    services_ = std::move(services);
    return *this;
  }
  QueryRunner& splits(const std::string& planNodeId, std::vector<connector::ConnectorSplitPtr> splits) {
    splits_[planNodeId] = std::move(splits);
    return *this;
  }
  QueryRunner& timeout(std::chrono::milliseconds timeout) {
    timeout_ = timeout;
    return *this;
  }

  /// Runs to completion and returns the result pages (rethrows the task's error).
  std::vector<PagePtr> run();
  /// Runs and returns the rows as values.
  std::vector<std::vector<Value>> rows();
  /// The task of the last run.
  const TaskPtr& task() const { return task_; }
  /// The pool the task's pool hangs off (to check that everything was freed).
  const MemoryPoolPtr& rootPool() const { return rootPool_; }

 private:
  PlanNodePtr plan_;
  TaskConfig config_;
  TaskExecutor* executor_ = nullptr;
  std::optional<TaskServices> services_;
  std::map<std::string, std::vector<connector::ConnectorSplitPtr>> splits_;
  std::chrono::milliseconds timeout_{120'000};
  TaskPtr task_;
  MemoryPoolPtr rootPool_;
};

/// Blocks the calling (non-executor) thread until `future` completes or `deadline` passes; returns
/// whether it completed.
bool waitUntil(const ContinueFuture& future, std::chrono::steady_clock::time_point deadline);

/// Waits until every driver of `task` has closed (and freed its memory); returns whether they did
/// within `timeout`.
bool waitForDrivers(const TaskPtr& task, std::chrono::milliseconds timeout = std::chrono::seconds(10));

/// Rows of `pages` as values.
std::vector<std::vector<Value>> toRows(const std::vector<PagePtr>& pages);
/// Renders rows for comparison (`1|abc|NULL`), given the column types.
std::vector<std::string> renderRows(const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows);
/// Expects the same multiset of rows (or the same sequence when `ordered`).
void assertSameRows(const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& actual,
    const std::vector<std::vector<Value>>& expected, bool ordered = false);

} // namespace presto::exec::test
