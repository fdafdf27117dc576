#include <gtest/gtest.h>

#include "type/DateTime.h"
#include "type/Decimal.h"

namespace presto {
namespace {

TEST(DateTimeTest, civilConversions) {
  EXPECT_EQ(daysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(daysFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(daysFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(daysFromCivil({1992, 1, 1}), 8035);
  for (int64_t days = -800000; days < 800000; days += 997) {
    auto date = civilFromDays(days);
    EXPECT_EQ(daysFromCivil(date), days);
  }
}

TEST(DateTimeTest, formatAndParseDates) {
  EXPECT_EQ(formatDate(0), "1970-01-01");
  EXPECT_EQ(formatDate(10471), "1998-09-02");
  EXPECT_EQ(formatDate(-719528), "0000-01-01");
  EXPECT_EQ(parseDate("1998-09-02"), 10471);
  EXPECT_EQ(parseDate("2024-2-29"), daysFromCivil({2024, 2, 29}));
  EXPECT_EQ(parseDate("2023-02-29"), std::nullopt);
  EXPECT_EQ(parseDate("2023-13-01"), std::nullopt);
  EXPECT_EQ(parseDate("2023-01-01x"), std::nullopt);
  EXPECT_EQ(parseDate("20230101"), std::nullopt);
  EXPECT_EQ(parseDate(""), std::nullopt);
}

TEST(DateTimeTest, formatTimes) {
  EXPECT_EQ(formatTime(3723004), "01:02:03.004");
  EXPECT_EQ(formatTimestamp(0), "1970-01-01 00:00:00.000");
  EXPECT_EQ(formatTimestamp(-1), "1969-12-31 23:59:59.999");
  EXPECT_EQ(formatTimestamp(998449445321), "2001-08-22 03:04:05.321");
}

TEST(DateTimeTest, parseTimestamps) {
  int64_t february3 = int64_t{11356} * kMillisPerDay;  // 2001-02-03: 31 years with 8 leap days, plus 33 days
  EXPECT_EQ(parseTimestamp("2001-02-03"), february3);
  EXPECT_EQ(parseTimestamp("2001-02-03 04:05"), february3 + (4 * 60 + 5) * 60'000);
  EXPECT_EQ(parseTimestamp("2001-02-03T04:05:06.789"), february3 + ((4 * 60 + 5) * 60 + 6) * 1000 + 789);
  EXPECT_EQ(parseTimestamp("2001-02-03 04:05:06.7891"), february3 + ((4 * 60 + 5) * 60 + 6) * 1000 + 789);
  EXPECT_EQ(parseTimestamp("2001-02-03 4:5:6.5"), february3 + ((4 * 60 + 5) * 60 + 6) * 1000 + 500);
  EXPECT_EQ(parseTimestamp("2001-02-03 24:00"), std::nullopt);
  EXPECT_EQ(parseTimestamp("2001-02-03 04"), std::nullopt);
  EXPECT_EQ(parseTimestamp("2001-02-03 04:05:06."), std::nullopt);
  EXPECT_EQ(parseTimestamp("2001-02-03 04:05 UTC"), std::nullopt);
}

TEST(DecimalTest, formats) {
  EXPECT_EQ(formatDecimal(12345, 2), "123.45");
  EXPECT_EQ(formatDecimal(-5, 2), "-0.05");
  EXPECT_EQ(formatDecimal(7, 0), "7");
  EXPECT_EQ(formatDecimal(0, 3), "0.000");
  int128_t big = static_cast<int128_t>(1) << 100;
  EXPECT_EQ(int128ToString(big), "1267650600228229401496703205376");
  EXPECT_EQ(int128ToString(-big), "-1267650600228229401496703205376");
  EXPECT_EQ(formatDecimal(-big, 30), "-1.267650600228229401496703205376");
}

} // namespace
} // namespace presto
