#include <gtest/gtest.h>

#include "server/protocol/QueryId.h"

namespace presto::server {
namespace {

TEST(QueryIdTest, formatsLikePresto) {
  QueryIdGenerator generator("abcde");
  // 2026-11-22 03:15:00 UTC
  auto time = std::chrono::system_clock::time_point(std::chrono::seconds(1795317300));
  EXPECT_EQ(generator.nextAt(time), "20261122_031500_00000_abcde");
  EXPECT_EQ(generator.nextAt(time), "20261122_031500_00001_abcde");
  // The counter restarts with the day.
  EXPECT_EQ(generator.nextAt(time + std::chrono::hours(24)), "20261123_031500_00000_abcde");
}

TEST(QueryIdTest, generatedIdsAreValidAndUnique) {
  QueryIdGenerator generator;
  std::string first = generator.next();
  std::string second = generator.next();
  EXPECT_NE(first, second);
  EXPECT_TRUE(isValidQueryId(first)) << first;
  EXPECT_EQ(first.size(), 27u);
}

TEST(QueryIdTest, validation) {
  EXPECT_TRUE(isValidQueryId("20140120_032523_00000_32v8g"));
  EXPECT_TRUE(isValidQueryId("20140120_032523_123456_32v8g"));
  EXPECT_FALSE(isValidQueryId(""));
  EXPECT_FALSE(isValidQueryId("20140120_032523_00000"));
  EXPECT_FALSE(isValidQueryId("20140120_032523_00000_"));
  EXPECT_FALSE(isValidQueryId("2014012_032523_00000_32v8g"));
  EXPECT_FALSE(isValidQueryId("20140120_032523_00000_32V8G"));
  EXPECT_FALSE(isValidQueryId("20140120_032523_00000_32v8g/.."));
  EXPECT_FALSE(isValidQueryId("../../etc/passwd"));
}

} // namespace
} // namespace presto::server
