#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/RemoteTaskFactory.h"
#include "server/cluster/HttpRemoteTask.h"

namespace presto::server::http {
class AsyncHttpClient;
}

namespace presto::server::cluster {

/// Settings of a coordinator's cluster scheduling.
struct ClusterSchedulingConfig {
  /// `query.max-memory`: user memory of one query summed over the nodes.
  int64_t maxQueryMemoryBytes = int64_t{20} << 30;
  /// `node-scheduler.max-pending-splits-per-task`.
  int64_t maxPendingSplitsPerTask = 10;
  /// `node-scheduler.max-splits-per-node`.
  int64_t maxSplitsPerNode = 100;
  HttpRemoteTaskOptions task;
};

/// The coordinator's view of its cluster for the engine: workers from the node set (a
/// function, so that the node manager decides who is active), tasks created on them as
/// HttpRemoteTasks, and HTTP exchanges for the coordinator's own tasks.
class ClusterTaskFactory : public engine::RemoteTaskFactory {
 public:
  using WorkersFunction = std::function<std::vector<engine::WorkerNode>()>;
  using NodeFailureFunction = std::function<std::optional<std::string>(const std::string& nodeId)>;

  ClusterTaskFactory(std::shared_ptr<http::AsyncHttpClient> client, engine::WorkerNode self, WorkersFunction workers,
      NodeFailureFunction nodeFailure, ClusterSchedulingConfig config);

  std::vector<engine::WorkerNode> workers() const override { return workers_(); }
  engine::QueryTaskPtr createTask(const engine::WorkerNode& node, const engine::RemoteTaskSpec& spec) override;
  std::optional<std::string> nodeFailure(const std::string& nodeId) const override { return nodeFailure_(nodeId); }
  engine::WorkerNode self() const override { return self_; }
  exec::ExchangeSourceFactory exchangeSources(exec::ExchangeSourceFactory inProcess) const override;
  int64_t maxQueryMemoryBytes() const override { return config_.maxQueryMemoryBytes; }
  int64_t maxPendingSplitsPerTask() const override { return config_.maxPendingSplitsPerTask; }
  int64_t maxSplitsPerNode() const override { return config_.maxSplitsPerNode; }

 private:
  const std::shared_ptr<http::AsyncHttpClient> client_;
  const engine::WorkerNode self_;
  const WorkersFunction workers_;
  const NodeFailureFunction nodeFailure_;
  const ClusterSchedulingConfig config_;
};

} // namespace presto::server::cluster
