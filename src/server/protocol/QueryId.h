#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

namespace presto::server {

/// Creates query ids the way Presto does: `20261122_031500_00001_abcde`, i.e. the UTC start time
/// of the query (date and time of day), a counter that restarts each day, and five random
/// characters drawn once per process so that ids of two coordinators do not collide. Thread-safe.
class QueryIdGenerator {
 public:
  QueryIdGenerator();
  /// A generator with a fixed process suffix (tests).
  explicit QueryIdGenerator(std::string suffix);

  std::string next();
  /// Same as next() for a given wall-clock time (tests).
  std::string nextAt(std::chrono::system_clock::time_point now);

 private:
  std::mutex mutex_;
  const std::string suffix_;
  int64_t day_ = -1;
  int64_t counter_ = 0;
};

/// Whether `text` has the shape of a query id (`YYYYMMDD_HHMMSS_NNNNN_xxxxx`, lower-case letters and
/// digits in the suffix). Request paths are checked with this before any lookup.
bool isValidQueryId(std::string_view text);

} // namespace presto::server
