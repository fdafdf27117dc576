#include "server/discovery/NodeManagerConfig.h"

#include "common/Check.h"

namespace presto::server::discovery {
namespace {

void checkPositive(const ConfigReader& reader, const char* key, Duration value) {
  PRESTO_USER_CHECK(value.nanos() > 0, errors::CONFIGURATION_INVALID, "{}: {} must be positive", reader.source(), key);
}

} // namespace

NodeManagerConfig NodeManagerConfig::read(ConfigReader& reader, std::string environment) {
  NodeManagerConfig config;
  config.environment = std::move(environment);
  config.heartbeatInterval = reader.getDuration("failure-detector.heartbeat-interval", config.heartbeatInterval);
  config.failureRatioThreshold = reader.getDouble("failure-detector.threshold", config.failureRatioThreshold);
  config.warmupInterval = reader.getDuration("failure-detector.warmup-interval", config.warmupInterval);
  config.failureTimeout = reader.getDuration("failure-detector.failure-timeout", config.failureTimeout);
  config.announcementMaxAge = reader.getDuration("discovery.max-age", config.announcementMaxAge);
  config.inactiveRetention =
      reader.getDuration("failure-detector.expiration-grace-interval", config.inactiveRetention);
  checkPositive(reader, "failure-detector.heartbeat-interval", config.heartbeatInterval);
  checkPositive(reader, "failure-detector.failure-timeout", config.failureTimeout);
  checkPositive(reader, "discovery.max-age", config.announcementMaxAge);
  PRESTO_USER_CHECK(config.failureRatioThreshold >= 0 && config.failureRatioThreshold <= 1,
      errors::CONFIGURATION_INVALID, "{}: failure-detector.threshold must be between 0 and 1", reader.source());
  return config;
}

} // namespace presto::server::discovery
