#pragma once

#include <chrono>
#include <cstdint>

#include "common/Config.h"

namespace presto::server {

/// The query manager's limits, read once from `config.properties`.
struct QueryManagerConfig {
  /// `query.max-concurrent-queries`: queries running at once; the rest wait in the queue.
  int64_t maxConcurrentQueries = 1000;
  /// `query.max-queued-queries`: queue length beyond which new queries fail with QUERY_QUEUE_FULL.
  int64_t maxQueuedQueries = 5000;
  /// `query.client.timeout`: a query whose client has not polled for this long is ABANDONED_QUERY.
  Duration clientTimeout{std::chrono::minutes(5)};
  /// `query.max-execution-time`: run time (after the queue) before EXCEEDED_TIME_LIMIT.
  Duration maxExecutionTime{std::chrono::hours(24 * 100)};
  /// `query.min-expire-age`: finished queries stay visible at least this long...
  Duration minExpireAge{std::chrono::minutes(15)};
  /// `query.max-history`: ...unless more than this many finished queries are kept.
  int64_t maxHistory = 100;
  /// `query.max-length`: longest SQL text accepted (QUERY_TEXT_TOO_LARGE beyond).
  int64_t maxQueryLength = 1'000'000;
  /// Longest long-poll a client may ask for with `maxWait` (and the default when it does not ask).
  Duration maxWait{std::chrono::seconds(1)};
  /// Bytes of result pages per reply (about; at least one page is sent).
  uint64_t targetResultBytes = 1 << 20;
  /// How long data waits for more (or for the end of the query) before a long poll returns it,
  /// so that small results finish in one reply.
  Duration dataLinger{std::chrono::milliseconds(20)};
  /// Period of the checks for abandoned, overtime and expired queries.
  Duration checkInterval{std::chrono::milliseconds(100)};

  /// Reads the `query.*` properties the manager understands.
  static QueryManagerConfig read(ConfigReader& reader);
};

} // namespace presto::server
