#include "server/discovery/HeartbeatStats.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace presto::server::discovery {
namespace {

using namespace std::chrono_literals;
using Clock = HeartbeatStats::Clock;

const Duration kFailureTimeout{1s};

/// `count` heartbeats, 500 ms apart from `start`, all answered; returns the time after the last.
Clock::time_point answered(HeartbeatStats& stats, Clock::time_point start, int count) {
  auto now = start;
  for (int i = 0; i < count; ++i, now += 500ms) {
    stats.recordRequest(now);
    stats.recordSuccess(now + 1ms);
  }
  return now;
}

/// `count` heartbeats, 500 ms apart from `start`, all refused; returns the time after the last.
Clock::time_point refused(HeartbeatStats& stats, Clock::time_point start, int count) {
  auto now = start;
  for (int i = 0; i < count; ++i, now += 500ms) {
    stats.recordRequest(now);
    stats.recordFailure(now, now + 1ms, "Connection refused");
  }
  return now;
}

TEST(HeartbeatStatsTest, newNodeIsNotFailed) {
  auto start = Clock::now();
  HeartbeatStats stats(start);
  EXPECT_FALSE(stats.hasAnswered());
  EXPECT_EQ(stats.failure(start + 10s, 0.1, kFailureTimeout), std::nullopt);
  answered(stats, start, 1);
  EXPECT_TRUE(stats.hasAnswered());
}

TEST(HeartbeatStatsTest, failureStreakLongerThanTimeoutFails) {
  auto start = Clock::now();
  HeartbeatStats stats(start);
  auto now = answered(stats, start, 1000);
  // One refused heartbeat among a thousand answered ones: neither rule fires.
  now = refused(stats, now, 1);
  EXPECT_EQ(stats.failure(now, 0.1, kFailureTimeout), std::nullopt);
  now = refused(stats, now, 2);
  EXPECT_EQ(stats.failure(now, 0.1, kFailureTimeout), "Connection refused for 1.50s");
  // An answer ends the streak.
  now = answered(stats, now, 1);
  EXPECT_EQ(stats.failure(now, 0.1, kFailureTimeout), std::nullopt);
}

TEST(HeartbeatStatsTest, failureRatioAboveThresholdFails) {
  auto start = Clock::now();
  HeartbeatStats stats(start);
  auto now = start;
  for (int i = 0; i < 10; ++i) {
    now = answered(stats, now, 4);
    now = refused(stats, now, 1);
  }
  auto failure = stats.failure(now, 0.1, kFailureTimeout);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(*failure, "Recent heartbeat failure ratio 0.20 is above 0.10 (last error: Connection refused)");
  EXPECT_EQ(stats.failure(now, 0.25, kFailureTimeout), std::nullopt);
}

TEST(HeartbeatStatsTest, countersDecayOverAMinute) {
  auto start = Clock::now();
  HeartbeatStats stats(start);
  auto now = refused(stats, start, 10);
  auto fresh = stats.report("http://a:1", now);
  EXPECT_NEAR(fresh.recentFailures, 10, 0.5);
  auto later = stats.report("http://a:1", now + 1min);
  EXPECT_NEAR(later.recentFailures, fresh.recentFailures / std::exp(1.0), 0.01);
  EXPECT_NEAR(later.recentFailuresByType.at("Connection refused"), later.recentFailures, 1e-9);
}

TEST(HeartbeatStatsTest, reportJson) {
  auto start = Clock::now();
  HeartbeatStats stats(start);
  auto now = answered(stats, start, 3);
  stats.recordRequest(now);
  stats.recordFailure(now, now + 1s, "timed out after 1.00s");
  auto reports = nlohmann::json::parse(serializeHeartbeatReports({stats.report("http://a:1", now + 1s)}));
  ASSERT_EQ(reports.size(), 1);
  const auto& report = reports[0];
  EXPECT_EQ(report["uri"], "http://a:1");
  EXPECT_NEAR(report["recentRequests"].get<double>(), 4, 0.2);
  EXPECT_NEAR(report["recentSuccesses"].get<double>(), 3, 0.2);
  EXPECT_NEAR(report["recentFailures"].get<double>(), 1, 0.1);
  EXPECT_NEAR(report["recentFailureRatio"].get<double>(), 0.25, 0.01);
  EXPECT_EQ(report["age"], "2.50s");
  EXPECT_EQ(report["recentFailuresByType"].size(), 1);
  EXPECT_NEAR(report["recentFailuresByType"]["timed out"].get<double>(), 1, 0.01);
  EXPECT_TRUE(report["lastRequestTime"].is_string());
  EXPECT_TRUE(report["lastResponseTime"].is_string());

  HeartbeatStats idle(start);
  auto empty = nlohmann::json::parse(serializeHeartbeatReports({idle.report("http://b:2", start)}))[0];
  EXPECT_TRUE(empty["lastRequestTime"].is_null());
  EXPECT_EQ(empty["recentFailuresByType"], nlohmann::json::object());
}

} // namespace
} // namespace presto::server::discovery
