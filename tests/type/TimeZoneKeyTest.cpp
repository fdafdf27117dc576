#include <gtest/gtest.h>

#include "type/DateTime.h"
#include "type/TimeZoneKey.h"

namespace presto {
namespace {

// Presto's zone-index: UTC is 0; -14:00 is 1, -00:01 is 840, +00:01 is 841, +14:00 is 1680.
TEST(TimeZoneKeyTest, fixedOffsetsHavePrestosKeys) {
  EXPECT_EQ(timeZoneKeyOf("-14:00"), TimeZoneKey{1});
  EXPECT_EQ(timeZoneKeyOf("-08:00"), TimeZoneKey{361});
  EXPECT_EQ(timeZoneKeyOf("-00:01"), TimeZoneKey{840});
  EXPECT_EQ(timeZoneKeyOf("+00:01"), TimeZoneKey{841});
  EXPECT_EQ(timeZoneKeyOf("+05:30"), TimeZoneKey{1170});
  EXPECT_EQ(timeZoneKeyOf("+14:00"), TimeZoneKey{1680});
  EXPECT_EQ(timeZoneKeyOf("+00:00"), kUtcZoneKey);
  EXPECT_EQ(timeZoneKeyOf("+0530"), TimeZoneKey{1170});
  EXPECT_EQ(timeZoneKeyOf("-08"), TimeZoneKey{361});
  EXPECT_EQ(timeZoneKeyOf("UTC+05:30"), TimeZoneKey{1170});
  EXPECT_EQ(timeZoneKeyForOffset(-480), TimeZoneKey{361});
  EXPECT_EQ(timeZoneKeyForOffset(0), kUtcZoneKey);
  EXPECT_EQ(timeZoneIdOf(1170), "+05:30");
  EXPECT_EQ(timeZoneIdOf(361), "-08:00");
  EXPECT_EQ(timeZoneIdOf(1), "-14:00");
}

TEST(TimeZoneKeyTest, malformedOrOutOfRangeOffsets) {
  EXPECT_EQ(timeZoneKeyOf("+14:01"), std::nullopt);
  EXPECT_EQ(timeZoneKeyOf("-15"), std::nullopt);
  EXPECT_EQ(timeZoneKeyOf("+5:30"), std::nullopt);
  EXPECT_EQ(timeZoneKeyOf("+05:60"), std::nullopt);
  EXPECT_EQ(timeZoneKeyOf("+"), std::nullopt);
  EXPECT_EQ(timeZoneKeyForOffset(841), std::nullopt);
}

TEST(TimeZoneKeyTest, utcSynonymsAndNames) {
  for (const char* utc : {"UTC", "utc", "Z", "GMT", "UT", "Etc/UTC", "Etc/GMT", "Zulu", "Universal", "GMT0"}) {
    EXPECT_EQ(timeZoneKeyOf(utc), kUtcZoneKey) << utc;
  }
  EXPECT_EQ(timeZoneIdOf(kUtcZoneKey), "UTC");
  auto losAngeles = timeZoneKeyOf("America/Los_Angeles");
  ASSERT_TRUE(losAngeles.has_value());
  EXPECT_GT(*losAngeles, 1680);  // named zones follow the fixed offsets
  EXPECT_EQ(timeZoneIdOf(*losAngeles), "America/Los_Angeles");
  EXPECT_EQ(timeZoneKeyOf("AMERICA/LOS_ANGELES"), losAngeles);
  EXPECT_EQ(timeZoneKeyOf("Mars/Olympus"), std::nullopt);
  EXPECT_EQ(timeZoneKeyOf(""), std::nullopt);
}

TEST(TimeZoneKeyTest, offsetsFollowDaylightSavingTime) {
  TimeZoneKey losAngeles = *timeZoneKeyOf("America/Los_Angeles");
  int64_t july1 = daysFromCivil({2020, 7, 1}) * kMillisPerDay;
  int64_t january1 = daysFromCivil({2020, 1, 1}) * kMillisPerDay;
  EXPECT_EQ(zoneOffsetMillis(losAngeles, july1), -7 * 3'600'000);
  EXPECT_EQ(zoneOffsetMillis(losAngeles, january1), -8 * 3'600'000);
  EXPECT_EQ(zoneOffsetMillis(1170, july1), 330 * 60'000);
  EXPECT_EQ(localToUtcMillis(losAngeles, july1), july1 + 7 * 3'600'000);
  EXPECT_EQ(localToUtcMillis(361, july1), july1 + 8 * 3'600'000);
}

TEST(TimeZoneKeyTest, formatAndParse) {
  TimeZoneKey kolkata = *timeZoneKeyOf("Asia/Kolkata");
  int64_t instant = daysFromCivil({2012, 10, 31}) * kMillisPerDay + 3'600'000;  // 01:00 UTC
  EXPECT_EQ(formatTimestampWithTimeZone(packTimestampWithTimeZone(instant, kolkata)), "2012-10-31 06:30:00.000 Asia/Kolkata");
  EXPECT_EQ(formatTimestampWithTimeZone(packTimestampWithTimeZone(instant, kUtcZoneKey)), "2012-10-31 01:00:00.000 UTC");
  EXPECT_EQ(parseTimestampWithTimeZone("2012-10-31 06:30 Asia/Kolkata"), packTimestampWithTimeZone(instant, kolkata));
  EXPECT_EQ(parseTimestampWithTimeZone("2012-10-31T06:30:00.000+05:30"), packTimestampWithTimeZone(instant, 1170));
  EXPECT_EQ(parseTimestampWithTimeZone("2012-10-31 01:00"), packTimestampWithTimeZone(instant, kUtcZoneKey));
  EXPECT_EQ(parseTimestampWithTimeZone("2012-10-31 01:00 Nowhere"), std::nullopt);
  EXPECT_EQ(parseTimestampWithTimeZone("2012-10-31 25:00 UTC"), std::nullopt);
  // Negative instants keep their zone key in the low bits.
  int64_t before1970 = -3'600'000;
  EXPECT_EQ(unpackMillisUtc(packTimestampWithTimeZone(before1970, 1170)), before1970);
  EXPECT_EQ(unpackZoneKey(packTimestampWithTimeZone(before1970, 1170)), 1170);
}

} // namespace
} // namespace presto
