#pragma once

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/LocalQueryRunner.h"
#include "exec/OperatorStats.h"
#include "exec/Task.h"

namespace presto::engine {

/// What the scheduler knows of a task right now.
struct QueryTaskStatus {
  /// The task will not change any more (finished, canceled, aborted or failed).
  bool done = false;
  /// Why it failed; null unless it did.
  std::exception_ptr error;
  /// Splits handed to it and not yet taken by a driver (for shortest-queue assignment).
  int64_t queuedSplits = 0;
  /// User memory it holds now.
  int64_t memoryBytes = 0;
};

/// One task of a query as the query's scheduler drives it, wherever it runs: in this process
/// (LocalQueryTask) or on another node through the task API. Thread-safe.
class QueryTask {
 public:
  virtual ~QueryTask() = default;

  virtual const std::string& taskId() const = 0;
  /// The node running it.
  virtual const std::string& nodeId() const = 0;
  /// Where consumers on other nodes read its output buffers (`http://host:port/v1/task/{id}`);
  /// empty when only this process can.
  virtual std::string location() const = 0;
  /// True for a task running in this process (its exchanges with other local tasks stay in-process).
  virtual bool isLocal() const = 0;
  /// Hands it splits of the table scan or exchange `planNodeId`; `noMoreSplits` closes that source.
  virtual void addSplits(const std::string& planNodeId, std::vector<exec::Split> splits, bool noMoreSplits) = 0;
  /// Waits until the task exists where it runs (its creation was acknowledged, or it failed), so
  /// that consumers may ask for its output; false if that took longer than `timeout`.
  virtual bool waitUntilCreated(std::chrono::milliseconds /*timeout*/) { return true; }
  /// Cheap: the scheduler asks it often.
  virtual QueryTaskStatus status() const = 0;
  /// What it did so far (drivers as splits, CPU, scanned rows and bytes, peak memory).
  virtual StatementProgress progress() const = 0;
  /// Operator statistics, where they are known (tasks of this process).
  virtual std::optional<exec::TaskStats> stats() const = 0;
  /// Stops it and frees its memory; a task already done is left as it is.
  virtual void cancel() = 0;
  /// Waits until it is done; false if it is still running after `timeout`.
  virtual bool waitForCompletion(std::chrono::milliseconds timeout) = 0;
  /// The output buffers of a local task (null for remote ones): the root task's are read here.
  virtual exec::OutputBufferPtr outputBuffer() const { return nullptr; }
};

using QueryTaskPtr = std::shared_ptr<QueryTask>;

/// A task of this process: an exec::Task.
class LocalQueryTask : public QueryTask {
 public:
  /// `location` is where other nodes read it (empty without a cluster).
  LocalQueryTask(exec::TaskPtr task, std::string nodeId, std::string location)
      : task_(std::move(task)), nodeId_(std::move(nodeId)), location_(std::move(location)) {}

  const std::string& taskId() const override { return task_->taskId(); }
  const std::string& nodeId() const override { return nodeId_; }
  std::string location() const override { return location_; }
  bool isLocal() const override { return true; }
  void addSplits(const std::string& planNodeId, std::vector<exec::Split> splits, bool noMoreSplits) override;
  QueryTaskStatus status() const override;
  StatementProgress progress() const override;
  std::optional<exec::TaskStats> stats() const override { return task_->stats(); }
  void cancel() override { task_->cancel(); }
  bool waitForCompletion(std::chrono::milliseconds timeout) override { return task_->waitForCompletion(timeout); }
  exec::OutputBufferPtr outputBuffer() const override { return task_->outputBuffer(); }

  const exec::TaskPtr& task() const { return task_; }

 private:
  const exec::TaskPtr task_;
  const std::string nodeId_;
  const std::string location_;
};

} // namespace presto::engine
