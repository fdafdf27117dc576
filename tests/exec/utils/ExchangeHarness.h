#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "exec/Task.h"
#include "exec/TaskRegistry.h"

namespace presto::exec::test {

/// Runs the tasks of one query in this process, connected by in-process exchanges, the way a
/// scheduler would: create producers, hand their buffers to consumers as RemoteSplits, read the
/// root task's output.
///
///   ExchangeHarness harness;
///   auto producer = harness.start(producerPlan, {OutputBufferKind::kPartitioned, 3, {0}});
///   auto consumer = harness.start(consumerPlan);
///   harness.connect(consumer, exchangeId, {producer}, 0);
///   auto rows = toRows(harness.results(consumer));
///
/// Every task hangs off one root pool; the destructor cancels the tasks still running.
class ExchangeHarness {
 public:
  /// `connectors` serves the tasks' table scans (none by default).
  explicit ExchangeHarness(std::function<connector::ConnectorPtr(const std::string&)> connectors = nullptr);
  ~ExchangeHarness();

  /// Makes the tasks started from now on read their upstreams through `exchangeSources` instead of
  /// in process, with splits (and results()) naming an upstream task by `location(taskId)`.
  void setTransport(ExchangeSourceFactory exchangeSources, std::function<std::string(const std::string&)> location);

  /// Services whose exchange sources read the tasks of this harness.
  const TaskServices& services() const { return services_; }
  /// Where the harness registers its tasks.
  const std::shared_ptr<TaskRegistry>& registry() const { return registry_; }
  const MemoryPoolPtr& rootPool() const { return rootPool_; }

  /// Creates, registers and starts a task (ids `task.0`, `task.1`, ...).
  TaskPtr start(PlanNodePtr plan, OutputBufferSpec output = {}, TaskConfig config = {});
  /// Adds one split per upstream task, reading its buffer `bufferId`, to `exchangeNodeId` of
  /// `consumer`, then closes the node's splits.
  void connect(const TaskPtr& consumer, const std::string& exchangeNodeId, const std::vector<TaskPtr>& upstreams,
      int32_t bufferId);
  /// Reads buffer `bufferId` of `task` to completion through an exchange source, waits for the task
  /// to end and rethrows its error (or the error the read failed with).
  std::vector<PagePtr> results(const TaskPtr& task, int32_t bufferId = 0);
  /// Cancels every task.
  void cancelAll();

 private:
  std::shared_ptr<TaskRegistry> registry_;
  TaskServices services_;
  std::function<std::string(const std::string&)> location_;
  MemoryPoolPtr rootPool_;
  std::vector<TaskPtr> tasks_;
  std::chrono::milliseconds timeout_{60'000};
};

} // namespace presto::exec::test
