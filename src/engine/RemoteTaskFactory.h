#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/QueryTask.h"
#include "exec/ExchangeSource.h"
#include "exec/Task.h"

namespace presto::sql {
class Session;
struct PlanFragment;
} // namespace presto::sql

namespace presto::engine {

/// A node of the cluster that takes tasks.
struct WorkerNode {
  std::string nodeId;
  /// `http://host:port`.
  std::string uri;
};

/// What a task on another node runs.
struct RemoteTaskSpec {
  std::string queryId;
  std::string taskId;
  const sql::Session& session;
  const sql::PlanFragment& fragment;
  exec::OutputBufferSpec output;
  /// The catalog of each table scan (by plan node id), whose connector decodes its splits.
  std::map<std::string, std::string> scanCatalogs;
};

/// How a coordinator's engine reaches its cluster: the nodes tasks may run on and how a task is
/// created on one of them. With one set (LocalQueryRunner::setRemoteTaskFactory), the engine runs
/// every fragment that any node can run (no scan or write of a connector whose data lives in this
/// process, not the root) as tasks on the workers, and the rest in-process. Thread-safe.
class RemoteTaskFactory {
 public:
  virtual ~RemoteTaskFactory() = default;

  /// The nodes taking tasks now, in a stable order; empty when none is available.
  virtual std::vector<WorkerNode> workers() const = 0;
  /// Creates the task `spec` describes on `node`. The task follows its remote state by itself;
  /// creation failures show in its status.
  virtual QueryTaskPtr createTask(const WorkerNode& node, const RemoteTaskSpec& spec) = 0;
  /// Why `nodeId` is considered gone (it stopped answering heartbeats), nullopt while it is healthy.
  virtual std::optional<std::string> nodeFailure(const std::string& nodeId) const = 0;
  /// This node's id and URI: where workers read the output of this process's tasks.
  virtual WorkerNode self() const = 0;
  /// Exchange sources for this process's tasks: remote splits with a location are read over
  /// HTTP, the others through `inProcess`.
  virtual exec::ExchangeSourceFactory exchangeSources(exec::ExchangeSourceFactory inProcess) const = 0;
  /// The user memory a query may hold summed over every node (`query.max-memory`).
  virtual int64_t maxQueryMemoryBytes() const = 0;
  /// Splits queued on one task beyond which no more are assigned to it
  /// (`node-scheduler.max-pending-splits-per-task`).
  virtual int64_t maxPendingSplitsPerTask() const { return 10; }
  /// Splits queued on one node by the tasks of a query beyond which none of them gets more
  /// (`node-scheduler.max-splits-per-node`).
  virtual int64_t maxSplitsPerNode() const { return 100; }
};

} // namespace presto::engine
