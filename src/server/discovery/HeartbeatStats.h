#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/Duration.h"
#include "server/discovery/DecayCounter.h"

namespace presto::server::discovery {

/// One entry of `GET /v1/node`: the heartbeat history of one node, as Presto's failure detector
/// reports it.
struct HeartbeatReport {
  std::string uri;
  double recentRequests = 0;
  double recentFailures = 0;
  double recentSuccesses = 0;
  std::optional<std::chrono::system_clock::time_point> lastRequestTime;
  std::optional<std::chrono::system_clock::time_point> lastResponseTime;
  /// Time since the node was first monitored.
  Duration age;
  double recentFailureRatio = 0;
  /// Recent failures per kind of transport error (`Connection refused`, `timed out`).
  std::map<std::string, double> recentFailuresByType;
};

/// `[{uri, recentRequests, recentFailures, recentSuccesses, lastRequestTime, lastResponseTime, age,
/// recentFailureRatio, recentFailuresByType}]`, times in ISO 8601 UTC.
std::string serializeHeartbeatReports(const std::vector<HeartbeatReport>& reports);

/// The heartbeat history of one node and the failure detector's rule over it: counters of
/// requests, successes and failures decaying over one minute, and the current streak of failures.
/// Any HTTP reply is a success; only transport errors are failures. Not thread-safe.
class HeartbeatStats {
 public:
  using Clock = std::chrono::steady_clock;

  explicit HeartbeatStats(Clock::time_point created);

  /// A heartbeat is sent at `now`.
  void recordRequest(Clock::time_point now);
  /// A heartbeat got a reply at `now`.
  void recordSuccess(Clock::time_point now);
  /// The heartbeat sent at `sentAt` failed with transport error `error` at `now`.
  void recordFailure(Clock::time_point sentAt, Clock::time_point now, const std::string& error);

  /// Why the node counts as failed at `now`, or nullopt: its recent failure ratio is above
  /// `threshold`, or its heartbeats have all failed for longer than `failureTimeout`.
  std::optional<std::string> failure(Clock::time_point now, double threshold, Duration failureTimeout) const;
  /// True once any heartbeat was answered.
  bool hasAnswered() const { return lastResponse_.has_value(); }

  HeartbeatReport report(std::string uri, Clock::time_point now) const;

 private:
  double failureRatio(Clock::time_point now) const;

  Clock::time_point created_;
  DecayCounter requests_;
  DecayCounter successes_;
  DecayCounter failures_;
  std::map<std::string, DecayCounter> failuresByType_;
  std::optional<Clock::time_point> lastRequest_;
  std::optional<Clock::time_point> lastResponse_;
  /// When the first heartbeat of the current failure streak was sent; nullopt after a success.
  std::optional<Clock::time_point> failingSince_;
  std::string lastError_;
};

} // namespace presto::server::discovery
