#pragma once

#include <string>

#include "common/Config.h"
#include "server/coordinator/QueryManagerConfig.h"
#include "server/http/HttpServer.h"

namespace presto::server {

/// Everything `presto-server` reads from `etc/config.properties` and `etc/node.properties`, typed
/// and validated once at start-up. Unknown properties fail the start (a misspelt property must
/// never be silently ignored).
struct ServerConfig {
  // config.properties
  bool coordinator = true;
  bool includeCoordinator = true;
  std::string discoveryUri;
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

  /// Reads `DIR/config.properties` and `DIR/node.properties`.
  static ServerConfig load(const std::string& etcDirectory);
};

} // namespace presto::server
