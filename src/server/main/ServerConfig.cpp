#include "server/main/ServerConfig.h"

#include <thread>

#include "common/Check.h"

namespace presto::server {

ServerConfig ServerConfig::load(const std::string& etcDirectory) {
  ServerConfig config;
  ConfigReader properties(PropertiesFile::load(etcDirectory + "/config.properties"));
  config.coordinator = properties.getBool("coordinator", true);
  config.includeCoordinator = properties.getBool("node-scheduler.include-coordinator", true);
  config.discoveryUri = properties.getString("discovery.uri", "");
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
  PRESTO_USER_CHECK(config.coordinator, errors::CONFIGURATION_INVALID,
      "{}: coordinator=false (worker nodes) is not supported yet", properties.source());

  ConfigReader node(PropertiesFile::load(etcDirectory + "/node.properties"));
  config.environment = node.getRequired("node.environment");
  config.nodeId = node.getString("node.id", "presto-node");
  config.dataDir = node.getString("node.data-dir", "");
  node.checkAllUsed();
  bool validEnvironment = !config.environment.empty() &&
      config.environment.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
  PRESTO_USER_CHECK(validEnvironment, errors::CONFIGURATION_INVALID,
      "{}: node.environment must be lower-case letters, digits and underscores", node.source());
  return config;
}

} // namespace presto::server
