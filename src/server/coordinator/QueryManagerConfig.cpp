#include "server/coordinator/QueryManagerConfig.h"

#include "common/Check.h"

namespace presto::server {

QueryManagerConfig QueryManagerConfig::read(ConfigReader& reader) {
  QueryManagerConfig config;
  config.maxConcurrentQueries = reader.getInt("query.max-concurrent-queries", config.maxConcurrentQueries);
  config.maxQueuedQueries = reader.getInt("query.max-queued-queries", config.maxQueuedQueries);
  config.clientTimeout = reader.getDuration("query.client.timeout", config.clientTimeout);
  config.maxExecutionTime = reader.getDuration("query.max-execution-time", config.maxExecutionTime);
  config.minExpireAge = reader.getDuration("query.min-expire-age", config.minExpireAge);
  config.maxHistory = reader.getInt("query.max-history", config.maxHistory);
  config.maxQueryLength = reader.getInt("query.max-length", config.maxQueryLength);
  PRESTO_USER_CHECK(config.maxConcurrentQueries > 0, errors::CONFIGURATION_INVALID,
      "{}: query.max-concurrent-queries must be positive", reader.source());
  PRESTO_USER_CHECK(config.maxQueuedQueries >= 0, errors::CONFIGURATION_INVALID,
      "{}: query.max-queued-queries must not be negative", reader.source());
  PRESTO_USER_CHECK(config.maxHistory >= 0, errors::CONFIGURATION_INVALID,
      "{}: query.max-history must not be negative", reader.source());
  PRESTO_USER_CHECK(config.maxQueryLength > 0, errors::CONFIGURATION_INVALID,
      "{}: query.max-length must be positive", reader.source());
  return config;
}

} // namespace presto::server
