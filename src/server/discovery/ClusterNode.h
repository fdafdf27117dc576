#pragma once

#include <string>
#include <string_view>

namespace presto::server::discovery {

/// How the coordinator sees a node.
enum class ClusterNodeState {
  /// Announced, answering heartbeats and past its warm-up: tasks may be scheduled on it.
  kActive,
  /// Failed, not answering, announcement expired, or not yet warmed up.
  kInactive,
  /// Answering, but draining for a graceful shutdown: no new tasks.
  kShuttingDown,
};

/// `active`, `inactive` or `shutting_down`, as `system.runtime.nodes` shows states.
constexpr std::string_view clusterNodeStateName(ClusterNodeState state) {
  switch (state) {
    case ClusterNodeState::kActive:
      return "active";
    case ClusterNodeState::kInactive:
      return "inactive";
    case ClusterNodeState::kShuttingDown:
      return "shutting_down";
  }
  return "inactive";
}

/// One node of the cluster as the node manager knows it.
struct ClusterNode {
  std::string nodeId;
  /// Base URI of the node's HTTP server (`http://10.0.0.5:8080`), from its announcement.
  std::string uri;
  std::string version;
  bool coordinator = false;
  ClusterNodeState state = ClusterNodeState::kActive;

  bool operator==(const ClusterNode&) const = default;
};

} // namespace presto::server::discovery
