#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "connector/spi/ConnectorSplitManager.h"
#include "engine/ExecutionPhases.h"
#include "engine/LocalQueryRunner.h"
#include "engine/PlanTranslator.h"
#include "engine/QueryTask.h"
#include "engine/RemoteTaskFactory.h"
#include "exec/TaskConfig.h"
#include "exec/TaskExecutor.h"
#include "exec/TaskRegistry.h"
#include "exec/TaskServices.h"

namespace presto::engine {

/// Statistics of a query's tasks, by task id.
using TaskStatistics = std::map<std::string, exec::TaskStats>;

/// What tasks of this process are created with.
struct LocalTaskContext {
  exec::TaskConfig config;
  exec::TaskServices services;
  MemoryPoolPtr pool;
  exec::TaskExecutor* executor = nullptr;
  /// Where local tasks are registered for in-process exchanges and the results endpoints.
  std::shared_ptr<exec::TaskRegistry> registry;
  std::string nodeId;
};

/// Creates the tasks of one query and feeds them: the fragments any node can run on the
/// cluster's workers (when there is a cluster), the others in this process; connects every
/// exchange to its producers' output buffers; hands out table splits, all at once to local tasks
/// and lazily in small batches to remote ones (each split to the task with the shortest queue,
/// none beyond `maxPendingSplitsPerTask` per task nor `maxSplitsPerNode` per node), every scan at once (`execution_policy` `all-at-once`)
/// or phase after phase (`phased`, see executionPhases()); watches for failures, for nodes that are gone and for
/// the query's memory summed over nodes. Used by one thread.
class QueryScheduler {
 public:
  /// `cluster` may be null: everything runs in this process.
  QueryScheduler(const PhysicalPlan& plan, const sql::Session& session, std::string queryId, LocalTaskContext local,
      RemoteTaskFactory* cluster);
  /// Forgets the local tasks (they stop once nobody holds them).
  ~QueryScheduler();

  /// Creates and starts every task and gives every exchange its sources. Throws NO_NODES_AVAILABLE
  /// when remote fragments find no worker.
  void start();
  /// Hands out the splits tasks have room for; cheap when there are none left.
  void scheduleSplits();
  /// True while some table still has splits to hand out.
  bool hasSplitsToSchedule() const;
  /// The output buffers of the root task (in this process), which produce the result.
  exec::OutputBufferPtr rootOutput() const;

  /// The error that fails the query: the first task failure that is not a consequence of
  /// another's (REMOTE_TASK_ERROR), a node gone (REMOTE_HOST_GONE) or the query's memory over
  /// the cluster limit (EXCEEDED_GLOBAL_MEMORY_LIMIT); null while none.
  std::exception_ptr failure();
  /// Cancels every task (after a failure or a cancellation).
  void abort();
  /// Waits for every task to end once the result was read (producers stopped early by a LIMIT
  /// are canceled after a grace period) and returns the statistics of the local tasks.
  TaskStatistics finish();
  /// The root task's error, if it failed.
  std::exception_ptr rootError() const;

  /// Progress summed over every task.
  StatementProgress progress() const;

 private:
  /// The splits of one table scan, handed out as its tasks have room (local tasks: all at once).
  struct PendingScan {
    std::string planNodeId;
    std::vector<QueryTaskPtr> tasks;
    std::unique_ptr<connector::SplitSource> source;
    std::vector<int64_t> nextSequenceId;
    /// Splits queued on one task, and on one node by the query's tasks there, beyond which a
    /// task gets no more.
    int64_t maxQueuedSplits = 0;
    int64_t maxQueuedSplitsPerNode = 0;
    /// Its fragment's execution phase: no split before every earlier phase has finished.
    int32_t phase = 0;
  };

  bool runsRemotely(const PhysicalFragment& fragment) const;
  std::vector<WorkerNode> placeTasks(const PhysicalFragment& fragment, const std::vector<WorkerNode>& workers) const;
  void createTasks();
  void addRemoteSplits();
  void addScanSplits();
  /// Hands out what `scan`'s tasks have room for; true once its source is exhausted.
  bool schedule(PendingScan& scan);
  std::exception_ptr taskFailure() const;
  std::exception_ptr clusterFailure();

  const PhysicalPlan& plan_;
  const sql::Session& session_;
  const std::string queryId_;
  LocalTaskContext local_;
  RemoteTaskFactory* const cluster_;
  std::vector<WorkerNode> workers_;
  /// Per fragment: its tasks, and whether they run on workers.
  std::vector<std::vector<QueryTaskPtr>> tasks_;
  std::vector<bool> remote_;
  std::vector<PendingScan> pendingScans_;
  /// All in phase 0 unless the session's `execution_policy` is `phased`.
  ExecutionPhases phases_;
  std::chrono::steady_clock::time_point nextClusterCheck_;
  /// A node gone or the memory limit exceeded, once seen.
  std::exception_ptr clusterError_;
};

} // namespace presto::engine
