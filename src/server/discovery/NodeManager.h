#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/discovery/Announcement.h"
#include "server/discovery/ClusterNode.h"
#include "server/discovery/NodeManagerConfig.h"

namespace presto::server::http {
class AsyncHttpClient;
}

namespace presto::server::discovery {

/// The coordinator's view of the cluster: the discovery server's store of announcements and the
/// failure detector over the announced nodes (docs/dev/discovery.md).
///
/// Every heartbeat interval the manager sends `GET {http}/v1/info/state` to every announced node
/// but itself. Any HTTP reply is a success (a `"SHUTTING_DOWN"` reply marks the node as shutting
/// down); only transport errors are failures. A node is failed when its recent failure ratio is
/// above the threshold, when its heartbeats have all failed for longer than the failure timeout,
/// or when its announcement was not renewed within the maximum age. A node is active when it is
/// not failed and has answered heartbeats for the whole warm-up interval. A node that announces a
/// new service id (a restarted process), or announces again while failed, starts with a fresh
/// history (and a new warm-up).
///
/// Thread-safe. Destruction stops the heartbeats; replies arriving later are dropped.
class NodeManager {
 public:
  /// `self` is the coordinator's own node: always active, never sent heartbeats. Starts the
  /// heartbeat loop on `client`'s threads.
  NodeManager(NodeManagerConfig config, ClusterNode self, std::shared_ptr<http::AsyncHttpClient> client);
  ~NodeManager();

  NodeManager(const NodeManager&) = delete;
  NodeManager& operator=(const NodeManager&) = delete;

  /// Records or renews the announcement of `nodeId`. Throws a user error (INVALID_ARGUMENTS) when
  /// the announcement is for another environment or has no `presto` service with an `http` URI.
  void announce(const std::string& nodeId, const Announcement& announcement);
  /// Forgets `nodeId` (a node leaving gracefully). Unknown ids are ignored.
  void unannounce(const std::string& nodeId);

  /// The coordinator and every active node, sorted by node id.
  std::vector<ClusterNode> activeNodes() const;
  /// Every known node with its state, sorted by node id (`system.runtime.nodes`).
  std::vector<ClusterNode> allNodes() const;
  bool isActive(const std::string& nodeId) const;
  /// Why `nodeId` is considered gone (`Connection refused for 1.20s`, an expired announcement, not
  /// announced at all), or nullopt when it is not failed (active, warming up or shutting down).
  /// Lets a scheduler fail the tasks of a dead node quickly.
  std::optional<std::string> failureOf(const std::string& nodeId) const;

  /// `GET /v1/node` (every monitored node) or `GET /v1/node/failed` (`failedOnly`: the inactive
  /// ones): a JSON array of heartbeat statistics.
  std::string nodesJson(bool failedOnly) const;
  /// Every announcement that has not expired, by node id (`GET /v1/service/presto`).
  std::map<std::string, Announcement> announcements() const;
  const std::string& environment() const;

 private:
  class State;
  std::shared_ptr<State> state_;
};

} // namespace presto::server::discovery
