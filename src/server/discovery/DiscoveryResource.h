#pragma once

#include <memory>

#include "server/http/Router.h"

namespace presto::server::discovery {

class NodeManager;

/// The discovery server embedded in the coordinator, over a NodeManager (docs/dev/discovery.md):
///
/// - `PUT /v1/announcement/{nodeId}` with an Announcement -> 202; 400 with the problem as text
///   when the body is malformed or the environment is not the coordinator's.
/// - `DELETE /v1/announcement/{nodeId}` -> 204.
/// - `GET /v1/service/presto` -> `{"environment", "services": [{id, nodeId, type, pool, location,
///   properties}]}`, every announced `presto` service.
/// - `GET /v1/node` and `GET /v1/node/failed` -> the failure detector's statistics per node.
class DiscoveryResource {
 public:
  explicit DiscoveryResource(std::shared_ptr<NodeManager> manager) : manager_(std::move(manager)) {}

  /// The routes hold the manager; they may outlive this object.
  void addRoutes(http::Router& router) const;

 private:
  const std::shared_ptr<NodeManager> manager_;
};

} // namespace presto::server::discovery
