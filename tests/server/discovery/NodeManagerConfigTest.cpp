#include "server/discovery/NodeManagerConfig.h"

#include <gtest/gtest.h>

#include "common/PrestoException.h"

namespace presto::server::discovery {
namespace {

using namespace std::chrono_literals;

NodeManagerConfig read(const std::string& properties) {
  ConfigReader reader(PropertiesFile::parse(properties, "config.properties"));
  auto config = NodeManagerConfig::read(reader, "production");
  reader.checkAllUsed();
  return config;
}

TEST(NodeManagerConfigTest, defaults) {
  auto config = read("");
  EXPECT_EQ(config.environment, "production");
  EXPECT_EQ(config.heartbeatInterval, Duration(500ms));
  EXPECT_EQ(config.failureRatioThreshold, 0.1);
  EXPECT_EQ(config.warmupInterval, Duration(5s));
  EXPECT_EQ(config.failureTimeout, Duration(1s));
  EXPECT_EQ(config.announcementMaxAge, Duration(30s));
  EXPECT_EQ(config.inactiveRetention, Duration(10min));
}

TEST(NodeManagerConfigTest, properties) {
  auto config = read(
      "failure-detector.heartbeat-interval=1s\nfailure-detector.threshold=0.5\n"
      "failure-detector.warmup-interval=2s\nfailure-detector.failure-timeout=3s\ndiscovery.max-age=1m\n"
      "failure-detector.expiration-grace-interval=1h\n");
  EXPECT_EQ(config.heartbeatInterval, Duration(1s));
  EXPECT_EQ(config.failureRatioThreshold, 0.5);
  EXPECT_EQ(config.warmupInterval, Duration(2s));
  EXPECT_EQ(config.failureTimeout, Duration(3s));
  EXPECT_EQ(config.announcementMaxAge, Duration(1min));
  EXPECT_EQ(config.inactiveRetention, Duration(1h));
}

TEST(NodeManagerConfigTest, invalidValues) {
  EXPECT_THROW(read("failure-detector.threshold=2"), PrestoException);
  EXPECT_THROW(read("failure-detector.heartbeat-interval=0s"), PrestoException);
}

} // namespace
} // namespace presto::server::discovery
