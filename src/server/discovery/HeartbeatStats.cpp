#include "server/discovery/HeartbeatStats.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <ctime>

namespace presto::server::discovery {
namespace {

using nlohmann::json;

constexpr auto kDecayWindow = std::chrono::minutes(1);

/// Timeouts carry their limit in the message (`timed out after 1.00s`); count them as one kind.
std::string failureType(const std::string& error) {
  return error.starts_with("timed out") ? "timed out" : error;
}

/// The wall-clock time of `time`, a steady-clock time before `now`.
std::chrono::system_clock::time_point wallTime(
    HeartbeatStats::Clock::time_point time, HeartbeatStats::Clock::time_point now) {
  return std::chrono::system_clock::now() -
      std::chrono::duration_cast<std::chrono::system_clock::duration>(now - time);
}

json isoTime(const std::optional<std::chrono::system_clock::time_point>& time) {
  if (!time) {
    return nullptr;
  }
  auto seconds = std::chrono::system_clock::to_time_t(*time);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time->time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &utc);
  return fmt::format("{}.{:03d}Z", stamp, millis);
}

} // namespace

HeartbeatStats::HeartbeatStats(Clock::time_point created)
    : created_(created), requests_(kDecayWindow), successes_(kDecayWindow), failures_(kDecayWindow) {}

void HeartbeatStats::recordRequest(Clock::time_point now) {
  requests_.add(1, now);
  lastRequest_ = now;
}

void HeartbeatStats::recordSuccess(Clock::time_point now) {
  successes_.add(1, now);
  lastResponse_ = now;
  failingSince_.reset();
}

void HeartbeatStats::recordFailure(Clock::time_point sentAt, Clock::time_point now, const std::string& error) {
  failures_.add(1, now);
  failuresByType_.try_emplace(failureType(error), kDecayWindow).first->second.add(1, now);
  if (!failingSince_) {
    failingSince_ = sentAt;
  }
  lastError_ = error;
}

double HeartbeatStats::failureRatio(Clock::time_point now) const {
  double requests = requests_.value(now);
  return requests > 0 ? failures_.value(now) / requests : 0;
}

std::optional<std::string> HeartbeatStats::failure(
    Clock::time_point now, double threshold, Duration failureTimeout) const {
  if (failingSince_ && now - *failingSince_ > failureTimeout.toChrono()) {
    return fmt::format("{} for {}", lastError_, Duration(now - *failingSince_).toString());
  }
  if (double ratio = failureRatio(now); ratio > threshold) {
    return fmt::format("Recent heartbeat failure ratio {:.2f} is above {:.2f} (last error: {})", ratio, threshold,
        lastError_);
  }
  return std::nullopt;
}

HeartbeatReport HeartbeatStats::report(std::string uri, Clock::time_point now) const {
  HeartbeatReport report;
  report.uri = std::move(uri);
  report.recentRequests = requests_.value(now);
  report.recentFailures = failures_.value(now);
  report.recentSuccesses = successes_.value(now);
  if (lastRequest_) {
    report.lastRequestTime = wallTime(*lastRequest_, now);
  }
  if (lastResponse_) {
    report.lastResponseTime = wallTime(*lastResponse_, now);
  }
  report.age = Duration(now - created_);
  report.recentFailureRatio = failureRatio(now);
  for (const auto& [type, counter] : failuresByType_) {
    report.recentFailuresByType.emplace(type, counter.value(now));
  }
  return report;
}

std::string serializeHeartbeatReports(const std::vector<HeartbeatReport>& reports) {
  json result = json::array();
  for (const auto& report : reports) {
    result.push_back({{"uri", report.uri}, {"recentRequests", report.recentRequests},
        {"recentFailures", report.recentFailures}, {"recentSuccesses", report.recentSuccesses},
        {"lastRequestTime", isoTime(report.lastRequestTime)}, {"lastResponseTime", isoTime(report.lastResponseTime)},
        {"age", report.age.toString()}, {"recentFailureRatio", report.recentFailureRatio},
        {"recentFailuresByType", report.recentFailuresByType}});
  }
  return result.dump();
}

} // namespace presto::server::discovery
