#include "server/main/ServerConfig.h"

#include <thread>

#include "common/Check.h"

namespace presto::server {

std::string ServerConfig::internalUri() const {
  return "http://" + internalAddress + ":" + std::to_string(http.port);
}

ServerConfig ServerConfig::load(const std::string& etcDirectory) {
  ServerConfig config;
  ConfigReader node(PropertiesFile::load(etcDirectory + "/node.properties"));
  config.environment = node.getRequired("node.environment");
  config.nodeId = node.getString("node.id", "presto-node");
  config.dataDir = node.getString("node.data-dir", "");
  config.internalAddress = node.getString("node.internal-address", "127.0.0.1");
  node.checkAllUsed();
  bool validEnvironment = !config.environment.empty() &&
      config.environment.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
  PRESTO_USER_CHECK(validEnvironment, errors::CONFIGURATION_INVALID,
      "{}: node.environment must be lower-case letters, digits and underscores", node.source());

  ConfigReader properties(PropertiesFile::load(etcDirectory + "/config.properties"));
  config.coordinator = properties.getBool("coordinator", true);
  config.includeCoordinator = properties.getBool("node-scheduler.include-coordinator", true);
  config.discoveryServerEnabled = properties.getBool("discovery-server.enabled", false);
  config.discoveryUri = properties.getString("discovery.uri", "");
  config.maxPendingSplitsPerTask =
      properties.getInt("node-scheduler.max-pending-splits-per-task", config.maxPendingSplitsPerTask);
  config.maxSplitsPerNode = properties.getInt("node-scheduler.max-splits-per-node", config.maxSplitsPerNode);
  config.sharedSecret = properties.getString("internal-communication.shared-secret", "");
  config.discovery = discovery::NodeManagerConfig::read(properties, config.environment);
  config.queryMaxMemory = properties.getDataSize("query.max-memory", config.queryMaxMemory);
  config.queryMaxMemoryPerNode = properties.getDataSize("query.max-memory-per-node", config.queryMaxMemoryPerNode);
  config.queryMaxTotalMemory =
      properties.getDataSize("query.max-total-memory", DataSize(config.queryMaxMemory.bytes() * 2));
  config.queryMaxTotalMemoryPerNode =
      properties.getDataSize("query.max-total-memory-per-node", DataSize(config.queryMaxMemoryPerNode.bytes() * 2));
  config.taskConcurrency = properties.getInt("task.concurrency", config.taskConcurrency);
  config.taskMaxWorkerThreads = properties.getInt(
      "task.max-worker-threads", static_cast<int64_t>(std::max(1u, std::thread::hardware_concurrency()) * 2));
  int64_t port = properties.getInt("http-server.http.port", 8080);
  config.http.threads = static_cast<int>(properties.getInt("http-server.threads", 2));
  config.http.maxBodyBytes = properties.getDataSize("http-server.max-request-size", DataSize(16ULL << 20)).bytes();
  config.http.idleTimeout = properties.getDuration("http-server.idle-timeout", config.http.idleTimeout);
  config.queries = QueryManagerConfig::read(properties);
  properties.checkAllUsed();

  PRESTO_USER_CHECK(port >= 0 && port <= 65535, errors::CONFIGURATION_INVALID,
      "{}: http-server.http.port must be between 0 and 65535", properties.source());
  config.http.port = static_cast<uint16_t>(port);
  PRESTO_USER_CHECK(config.http.threads > 0, errors::CONFIGURATION_INVALID, "{}: http-server.threads must be positive",
      properties.source());
  PRESTO_USER_CHECK(config.taskConcurrency > 0 && (config.taskConcurrency & (config.taskConcurrency - 1)) == 0,
      errors::CONFIGURATION_INVALID, "{}: task.concurrency must be a power of two", properties.source());
  PRESTO_USER_CHECK(config.maxPendingSplitsPerTask > 0, errors::CONFIGURATION_INVALID,
      "{}: node-scheduler.max-pending-splits-per-task must be positive", properties.source());
  PRESTO_USER_CHECK(config.maxSplitsPerNode > 0, errors::CONFIGURATION_INVALID,
      "{}: node-scheduler.max-splits-per-node must be positive", properties.source());
  PRESTO_USER_CHECK(config.coordinator || !config.discoveryServerEnabled, errors::CONFIGURATION_INVALID,
      "{}: discovery-server.enabled requires coordinator=true", properties.source());
  PRESTO_USER_CHECK(config.coordinator || !config.discoveryUri.empty(), errors::CONFIGURATION_INVALID,
      "{}: a worker (coordinator=false) needs discovery.uri", properties.source());
  PRESTO_USER_CHECK(!config.isClustered() || port != 0, errors::CONFIGURATION_INVALID,
      "{}: a node of a cluster needs a fixed http-server.http.port (other nodes must know it)", properties.source());
  return config;
}

} // namespace presto::server
