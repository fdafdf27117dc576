#pragma once

#include <string>

#include "common/Config.h"
#include "server/coordinator/QueryManagerConfig.h"
#include "server/discovery/NodeManagerConfig.h"
#include "server/http/HttpServer.h"

namespace presto::server {

/// Everything `presto-server` reads from `etc/config.properties` and `etc/node.properties`, typed
/// and validated once at start-up. Unknown properties fail the start (a misspelt property must
/// never be silently ignored).
struct ServerConfig {
  // config.properties
  bool coordinator = true;
  bool includeCoordinator = true;
  /// The coordinator embeds the discovery server (`discovery-server.enabled`): workers announce
  /// themselves to it and queries run on them.
  bool discoveryServerEnabled = false;
  /// Where this node announces itself (`discovery.uri`, `http://coordinator:port`).
  std::string discoveryUri;
  /// Splits queued on one task beyond which the scheduler gives it no more
  /// (`node-scheduler.max-pending-splits-per-task`).
  int64_t maxPendingSplitsPerTask = 10;
  /// Splits queued on one node by a query's tasks beyond which they get no more
  /// (`node-scheduler.max-splits-per-node`).
  int64_t maxSplitsPerNode = 100;
  /// Internal requests carry and require a token signed with this secret when set
  /// (`internal-communication.shared-secret`).
  std::string sharedSecret;
  discovery::NodeManagerConfig discovery;
  DataSize queryMaxMemory{20ULL << 30};
  DataSize queryMaxMemoryPerNode{1ULL << 30};
  DataSize queryMaxTotalMemory{40ULL << 30};
  DataSize queryMaxTotalMemoryPerNode{2ULL << 30};
  int64_t taskConcurrency = 16;
  int64_t taskMaxWorkerThreads = 0;
  http::HttpServerConfig http;
  QueryManagerConfig queries;

  // node.properties
  std::string environment;
  std::string nodeId;
  std::string dataDir;
  /// The address other nodes reach this one at (`node.internal-address`).
  std::string internalAddress;

  /// True when this node takes part in a cluster (a discovery server or a worker).
  bool isClustered() const { return !coordinator || discoveryServerEnabled; }
  /// `http://{internalAddress}:{port}`.
  std::string internalUri() const;

  /// Reads `DIR/config.properties` and `DIR/node.properties`.
  static ServerConfig load(const std::string& etcDirectory);
};

} // namespace presto::server
