#include <gtest/gtest.h>

#include "common/Duration.h"
#include "common/PrestoException.h"

namespace presto {
namespace {

TEST(DurationTest, parsesAirliftUnits) {
  EXPECT_EQ(Duration::parse("1.5s").millis(), 1500);
  EXPECT_EQ(Duration::parse("500ms").millis(), 500);
  EXPECT_EQ(Duration::parse("2m").millis(), 120000);
  EXPECT_EQ(Duration::parse("1h").millis(), 3600000);
  EXPECT_EQ(Duration::parse("100d").seconds(), 8640000);
  EXPECT_EQ(Duration::parse("7ns").nanos(), 7);
  EXPECT_EQ(Duration::parse(" 3 us ").nanos(), 3000);
}

TEST(DurationTest, rejectsMalformed) {
  for (auto text : {"", "s", "1.5", "1.5x", "-1s", "1..5s", "abc"}) {
    EXPECT_THROW(Duration::parse(text), PrestoException) << text;
  }
}

TEST(DurationTest, prints) {
  EXPECT_EQ(Duration::parse("1.5s").toString(), "1.50s");
  EXPECT_EQ(Duration::parse("2m").toString(), "2m");
  EXPECT_EQ(Duration::parse("12ns").toString(), "12ns");
}

TEST(DataSizeTest, parsesBinaryUnits) {
  EXPECT_EQ(DataSize::parse("16MB").bytes(), 16u << 20);
  EXPECT_EQ(DataSize::parse("1.5GB").bytes(), 3u << 29);
  EXPECT_EQ(DataSize::parse("512kB").bytes(), 512u << 10);
  EXPECT_EQ(DataSize::parse("100B").bytes(), 100u);
  EXPECT_EQ(DataSize::parse("1TB").bytes(), 1ull << 40);
}

TEST(DataSizeTest, rejectsMalformedAndPrints) {
  for (auto text : {"", "MB", "16", "16mb", "16 XB", "1e3MB"}) {
    EXPECT_THROW(DataSize::parse(text), PrestoException) << text;
  }
  EXPECT_EQ(DataSize(16u << 20).toString(), "16MB");
  EXPECT_EQ(DataSize(3u << 29).toString(), "1.50GB");
  EXPECT_EQ(DataSize(100).toString(), "100B");
}

} // namespace
} // namespace presto
