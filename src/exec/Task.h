#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/memory/MemoryPool.h"
#include "connector/spi/ConnectorHandles.h"
#include "exec/Driver.h"
#include "exec/OutputBuffer.h"
#include "exec/TaskConfig.h"
#include "exec/TaskServices.h"
#include "exec/plan/PlanNode.h"

namespace presto::exec {

class TaskExecutor;
class TaskHandle;
class LocalExchange;
class HashJoinBridge;

/// PLANNED -> RUNNING -> FINISHED | CANCELED | ABORTED | FAILED.
enum class TaskState { kPlanned, kRunning, kFinished, kCanceled, kAborted, kFailed };

std::string_view taskStateName(TaskState state);

/// A unit of work for a table scan, numbered by the scheduler. Splits may arrive in any order and
/// more than once (retries): a sequence id already seen is ignored.
struct Split {
  int64_t sequenceId = 0;
  connector::ConnectorSplitPtr connectorSplit;
};

/// How the task's output leaves it.
struct OutputBufferSpec {
  OutputBufferKind kind = OutputBufferKind::kArbitrary;
  int32_t numBuffers = 1;
  /// Partitioning columns for kPartitioned (empty: round-robin).
  std::vector<int32_t> partitionChannels;
};

/// One plan fragment executing on a worker: its pipelines and drivers, its splits, its output
/// buffer, its memory pool and its statistics. Created with the fragment's plan, started once,
/// then fed splits until noMoreSplits. Terminal states free every driver's memory.
class Task : public std::enable_shared_from_this<Task> {
 public:
  static std::shared_ptr<Task> create(std::string taskId, PlanNodePtr plan, TaskConfig config,
      OutputBufferSpec output, TaskServices services, MemoryPoolPtr parentPool, TaskExecutor* executor);
  ~Task();

  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;

  /// Plans the fragment into pipelines, creates the drivers and queues them. A planning error
  /// fails the task and is rethrown.
  void start();

  /// Splits for the table scan `planNodeId`.
  void addSplit(const std::string& planNodeId, Split split);
  void noMoreSplits(const std::string& planNodeId);
  /// Takes the next split of `planNodeId`: true with a split; true with a null split when there
  /// will be no more; false with `future` set when the scan must wait.
  bool nextSplit(const std::string& planNodeId, Split& split, ContinueFuture* future);

  TaskState state() const;
  /// True once the task is in a terminal state other than FINISHED (drivers must stop).
  bool isTerminating() const { return terminating_.load(std::memory_order_relaxed); }
  /// The error that failed the task, if any.
  std::exception_ptr error() const;
  /// Records a failure (the first wins) and terminates the task as FAILED.
  void setError(std::exception_ptr error);
  void cancel();
  void abort();
  /// Completes once the task is in a terminal state (at once if it is): lets a server wait for
  /// the end of a task without a thread.
  ContinueFuture terminalFuture();
  /// Blocks the calling (non-executor) thread until the task is in a terminal state or `timeout`
  /// passes; returns whether it is terminal.
  bool waitForCompletion(std::chrono::milliseconds timeout);

  const std::string& taskId() const { return taskId_; }
  /// A random id (UUID text) telling this task apart from an earlier or later task of the same id,
  /// e.g. one recreated after a worker restart (`X-Presto-Task-Instance-Id`).
  const std::string& instanceId() const { return instanceId_; }
  /// The plan fragment the task runs.
  const PlanNodePtr& plan() const { return plan_; }
  const TaskConfig& config() const { return config_; }
  const TaskServices& services() const { return services_; }
  const MemoryPoolPtr& pool() const { return pool_; }
  const OutputBufferPtr& outputBuffer() const { return outputBuffer_; }
  const OutputBufferSpec& outputSpec() const { return outputSpec_; }
  TaskExecutor* executor() const { return executor_; }
  const std::shared_ptr<TaskHandle>& handle() const { return handle_; }

  /// Registries filled by the local planner (before drivers run), read by operators.
  void addLocalExchange(const std::string& id, std::shared_ptr<LocalExchange> exchange);
  const std::shared_ptr<LocalExchange>& localExchange(const std::string& id) const;
  void addJoinBridge(const std::string& planNodeId, std::shared_ptr<HashJoinBridge> bridge);
  const std::shared_ptr<HashJoinBridge>& joinBridge(const std::string& planNodeId) const;

  /// Statistics rolled up from operators to pipelines to the task.
  TaskStats stats() const;
  int32_t numDrivers() const;
  /// Splits added and not yet taken by a driver, over every source.
  int64_t queuedSplits() const;

  /// Called by a driver when it has closed its operators; the last one finishes the task.
  void onDriverClosed(bool finished);

 private:
  Task(std::string taskId, PlanNodePtr plan, TaskConfig config, OutputBufferSpec output, TaskServices services,
      MemoryPoolPtr parentPool, TaskExecutor* executor);

  struct SplitQueue {
    std::deque<Split> splits;
    std::set<int64_t> seenSequenceIds;
    bool noMoreSplits = false;
    std::vector<ContinuePromise> waiters;
  };

  /// Moves to a terminal state (once), closes idle drivers and wakes every waiter.
  void terminate(TaskState state);

  const std::string taskId_;
  const std::string instanceId_;
  const PlanNodePtr plan_;
  const TaskConfig config_;
  const OutputBufferSpec outputSpec_;
  const TaskServices services_;
  TaskExecutor* const executor_;
  MemoryPoolPtr pool_;
  OutputBufferPtr outputBuffer_;
  std::shared_ptr<TaskHandle> handle_;

  std::map<std::string, std::shared_ptr<LocalExchange>> localExchanges_;
  std::map<std::string, std::shared_ptr<HashJoinBridge>> joinBridges_;
  std::vector<DriverFactory> driverFactories_;

  std::atomic<bool> terminating_{false};
  mutable std::mutex mutex_;
  std::condition_variable stateChanged_;
  std::vector<ContinuePromise> terminalWaiters_;
  TaskState state_ = TaskState::kPlanned;
  std::exception_ptr error_;
  std::vector<DriverPtr> drivers_;
  int32_t numClosedDrivers_ = 0;
  int64_t numSplits_ = 0;
  std::chrono::steady_clock::time_point startTime_;
  int64_t wallNanos_ = 0;
  std::map<std::string, SplitQueue> splitQueues_;
};

using TaskPtr = std::shared_ptr<Task>;

} // namespace presto::exec
