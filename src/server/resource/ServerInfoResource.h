#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "server/coordinator/NodeLifecycle.h"
#include "server/http/Router.h"

namespace presto::server {

/// Who this node is, as `/v1/info`, `/v1/status` and `/v1/node` report it.
struct NodeIdentity {
  std::string nodeId;
  std::string environment;
  std::string version;
  bool coordinator = true;
  std::chrono::steady_clock::time_point startTime = std::chrono::steady_clock::now();
};

/// `GET /v1/info`, `GET /v1/info/state` (`"ACTIVE"` or `"SHUTTING_DOWN"`), `PUT /v1/info/state`
/// with `"SHUTTING_DOWN"` (graceful shutdown: new queries are refused, running ones finish,
/// then `onDrained` runs) and `GET`/`HEAD /v1/status`; on a node without discovery, a `GET /v1/node`
/// listing no other node.
class ServerInfoResource {
 public:
  ServerInfoResource(NodeIdentity identity, NodeLifecycle& node, std::function<void()> onDrained)
      : identity_(std::move(identity)), queries_(node), onDrained_(std::move(onDrained)) {}

  /// Adds the info and status routes.
  void addRoutes(http::Router& router);
  /// Adds `GET /v1/node` for a node without a discovery server (an empty failure-detector list).
  void addSingleNodeListRoute(http::Router& router);

 private:
  int64_t uptimeMillis() const;

  const NodeIdentity identity_;
  NodeLifecycle& queries_;
  const std::function<void()> onDrained_;
};

} // namespace presto::server
