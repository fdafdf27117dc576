#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class TimeZoneFunctionsTest : public ExpressionTestBase {};

const std::vector<TypePtr> kVarchar{VARCHAR()};
const std::vector<TypePtr> kTwoVarchars{VARCHAR(), VARCHAR()};
const std::vector<TypePtr> kTimestamp{TIMESTAMP()};

// 2012-10-31 01:00 UTC: 15644 days (42 years with 10 leap days to 2012-01-01, then 274 days to
// October 1 of the leap year 2012, then 30) plus one hour.
constexpr int64_t kOct31 = int64_t{15644} * 86'400'000 + 3'600'000;
// Presto's zone keys of the fixed offsets: minutes + 841 west of UTC, minutes + 840 east of it.
constexpr int64_t kPlus0530 = 1170;
constexpr int64_t kMinus0800 = 361;

Value packed(int64_t millisUtc, int64_t zoneKey) {
  return Value((millisUtc << 12) | zoneKey);
}

TEST_F(TimeZoneFunctionsTest, castFromVarchar) {
  const std::string cast = "cast(c0 as timestamp with time zone)";
  EXPECT_EQ(eval(cast, kVarchar, {"2012-10-31 01:00 UTC"}), packed(kOct31, 0));
  EXPECT_EQ(eval(cast, kVarchar, {"2012-10-31 01:00:00.000"}), packed(kOct31, 0));  // no zone: the session's (UTC)
  EXPECT_EQ(eval(cast, kVarchar, {"2012-10-31 06:30 +05:30"}), packed(kOct31, kPlus0530));
  EXPECT_EQ(eval(cast, kVarchar, {"2012-10-31 06:30:00+05:30"}), packed(kOct31, kPlus0530));
  EXPECT_EQ(eval(cast, kVarchar, {"2012-10-30 17:00 -08:00"}), packed(kOct31, kMinus0800));
  EXPECT_EQ(eval(cast, kVarchar, {"2012-10-31 01:00 Z"}), packed(kOct31, 0));
  EXPECT_EQ(eval(cast, kVarchar, {Value()}), Value());
  EXPECT_EQ(evalError(cast, kVarchar, {"2012-10-31 01:00 Mars/Olympus"}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(evalErrorMessage(cast, kVarchar, {"yesterday"}), "Value cannot be cast to timestamp with time zone: yesterday");
}

TEST_F(TimeZoneFunctionsTest, castToVarcharShowsTheZoneClock) {
  const std::string roundTrip = "cast(cast(c0 as timestamp with time zone) as varchar)";
  EXPECT_EQ(eval(roundTrip, kVarchar, {"2012-10-31 01:00 UTC"}), Value("2012-10-31 01:00:00.000 UTC"));
  EXPECT_EQ(eval(roundTrip, kVarchar, {"2012-10-31 06:30 +05:30"}), Value("2012-10-31 06:30:00.000 +05:30"));
  EXPECT_EQ(eval(roundTrip, kVarchar, {"2012-10-30 18:00 America/Los_Angeles"}),
      Value("2012-10-30 18:00:00.000 America/Los_Angeles"));
  // Zone names match ignoring case and print in the tz database's spelling; UTC synonyms are UTC.
  EXPECT_EQ(eval(roundTrip, kVarchar, {"2012-10-30 18:00 america/los_angeles"}),
      Value("2012-10-30 18:00:00.000 America/Los_Angeles"));
  EXPECT_EQ(eval(roundTrip, kVarchar, {"2012-10-31 01:00 Etc/GMT"}), Value("2012-10-31 01:00:00.000 UTC"));
}

TEST_F(TimeZoneFunctionsTest, atTimezone) {
  const std::string shown = "cast(at_timezone(cast(c0 as timestamp with time zone), c1) as varchar)";
  // Presto's documentation example: 2012-10-31 01:00 UTC is 18:00 the day before in Los Angeles
  // (daylight saving time, UTC-7, until November 4, 2012).
  EXPECT_EQ(eval(shown, kTwoVarchars, {"2012-10-31 01:00 UTC", "America/Los_Angeles"}),
      Value("2012-10-30 18:00:00.000 America/Los_Angeles"));
  // In winter Los Angeles is UTC-8.
  EXPECT_EQ(eval(shown, kTwoVarchars, {"2012-12-31 01:00 UTC", "America/Los_Angeles"}),
      Value("2012-12-30 17:00:00.000 America/Los_Angeles"));
  EXPECT_EQ(eval(shown, kTwoVarchars, {"2012-10-30 18:00 America/Los_Angeles", "Asia/Kolkata"}),
      Value("2012-10-31 06:30:00.000 Asia/Kolkata"));
  EXPECT_EQ(eval(shown, kTwoVarchars, {"2012-10-31 01:00 UTC", "+05:30"}), Value("2012-10-31 06:30:00.000 +05:30"));
  EXPECT_EQ(eval(shown, kTwoVarchars, {"2012-10-31 01:00 +05:30", "UTC"}), Value("2012-10-30 19:30:00.000 UTC"));
  // The instant is kept; only the zone key changes.
  EXPECT_EQ(eval("at_timezone(cast(c0 as timestamp with time zone), '-08:00')", kVarchar, {"2012-10-31 01:00 UTC"}),
      packed(kOct31, kMinus0800));
  EXPECT_EQ(eval(shown, kTwoVarchars, {Value(), "UTC"}), Value());
  EXPECT_EQ(eval(shown, kTwoVarchars, {"2012-10-31 01:00 UTC", Value()}), Value());
}

TEST_F(TimeZoneFunctionsTest, unknownZonesAreNotSupported) {
  const std::string expression = "at_timezone(cast(c0 as timestamp with time zone), c1)";
  EXPECT_EQ(evalError(expression, kTwoVarchars, {"2012-10-31 01:00 UTC", "Mars/Olympus"}), "NOT_SUPPORTED");
  EXPECT_EQ(evalErrorMessage(expression, kTwoVarchars, {"2012-10-31 01:00 UTC", "Mars/Olympus"}),
      "Time zone not supported: Mars/Olympus");
  EXPECT_EQ(evalErrorMessage(expression, kTwoVarchars, {"2012-10-31 01:00 UTC", "+15:00"}), "Time zone not supported: +15:00");
  EXPECT_EQ(evalErrorMessage("with_timezone(c0, 'Nowhere')", kTimestamp, {Value(kOct31)}), "Time zone not supported: Nowhere");
}

TEST_F(TimeZoneFunctionsTest, withTimezoneTakesTheWallClockInTheZone) {
  const std::string shown = "cast(with_timezone(c0, 'America/Los_Angeles') as varchar)";
  EXPECT_EQ(eval(shown, kTimestamp, {Value(kOct31)}), Value("2012-10-31 01:00:00.000 America/Los_Angeles"));
  // 01:00 PDT is 08:00 UTC.
  EXPECT_EQ(eval("to_unixtime(with_timezone(c0, 'America/Los_Angeles'))", kTimestamp, {Value(kOct31)}),
      Value((kOct31 + 7 * 3'600'000) / 1000.0));
  // 2012-03-11 02:30 does not exist in Los Angeles (clocks jump from 02:00 PST to 03:00 PDT): it is
  // read with the offset before the jump, 10:30 UTC, which is 03:30 PDT.
  int64_t march11 = int64_t{15410} * 86'400'000;  // 15340 days to 2012-01-01, then 31 + 29 + 10
  EXPECT_EQ(eval(shown, kTimestamp, {Value(march11 + 9'000'000)}), Value("2012-03-11 03:30:00.000 America/Los_Angeles"));
  // 2012-11-04 01:30 happens twice (clocks go back from 02:00 PDT to 01:00 PST): the earlier
  // instant, 08:30 UTC, is taken.
  int64_t november4 = int64_t{15648} * 86'400'000;
  EXPECT_EQ(eval("to_unixtime(with_timezone(c0, 'America/Los_Angeles'))", kTimestamp, {Value(november4 + 5'400'000)}),
      Value(1352017800.0));
  EXPECT_EQ(eval(shown, kTimestamp, {Value()}), Value());
}

TEST_F(TimeZoneFunctionsTest, fieldsAreReadOnTheZoneClock) {
  const std::vector<TypePtr> types{VARCHAR()};
  const std::string la = "at_timezone(cast(c0 as timestamp with time zone), 'America/Los_Angeles')";
  EXPECT_EQ(eval("hour(" + la + ")", types, {"2012-10-31 01:00 UTC"}), Value(int64_t{18}));
  EXPECT_EQ(eval("day(" + la + ")", types, {"2012-10-31 01:00 UTC"}), Value(int64_t{30}));
  EXPECT_EQ(eval("day_of_week(" + la + ")", types, {"2012-10-31 01:00 UTC"}), Value(int64_t{2}));  // a Tuesday
  EXPECT_EQ(eval("year(" + la + ")", types, {"2013-01-01 05:00 UTC"}), Value(int64_t{2012}));
  EXPECT_EQ(eval("timezone_hour(" + la + ")", types, {"2012-10-31 01:00 UTC"}), Value(int64_t{-7}));
  EXPECT_EQ(eval("timezone_hour(" + la + ")", types, {"2012-12-31 01:00 UTC"}), Value(int64_t{-8}));
  EXPECT_EQ(eval("timezone_minute(" + la + ")", types, {"2012-12-31 01:00 UTC"}), Value(int64_t{0}));
  EXPECT_EQ(eval("timezone_hour(cast(c0 as timestamp with time zone))", types, {"2012-10-31 06:30 +05:30"}), Value(int64_t{5}));
  EXPECT_EQ(eval("timezone_minute(cast(c0 as timestamp with time zone))", types, {"2012-10-31 06:30 +05:30"}), Value(int64_t{30}));
  EXPECT_EQ(eval("timezone_minute(cast(c0 as timestamp with time zone))", types, {"2012-10-30 19:30 -05:30"}), Value(int64_t{-30}));
  EXPECT_EQ(eval("to_unixtime(cast(c0 as timestamp with time zone))", types, {"2012-10-31 06:30 +05:30"}), Value(kOct31 / 1000.0));
}

TEST_F(TimeZoneFunctionsTest, fromUnixtimeInAZone) {
  const std::vector<TypePtr> types{DOUBLE()};
  EXPECT_EQ(eval("cast(from_unixtime(c0, 'Asia/Kolkata') as varchar)", types, {Value(kOct31 / 1000.0)}),
      Value("2012-10-31 06:30:00.000 Asia/Kolkata"));
  EXPECT_EQ(eval("from_unixtime(c0, '+05:30')", types, {Value(kOct31 / 1000.0)}), packed(kOct31, kPlus0530));
}

TEST_F(TimeZoneFunctionsTest, comparisonsUseTheInstant) {
  const std::string left = "cast(c0 as timestamp with time zone)";
  const std::string right = "cast(c1 as timestamp with time zone)";
  std::vector<Value> sameInstant{"2012-10-31 01:00 UTC", "2012-10-31 06:30 +05:30"};
  EXPECT_EQ(eval("eq(" + left + ", " + right + ")", kTwoVarchars, sameInstant), Value(true));
  EXPECT_EQ(eval("neq(" + left + ", " + right + ")", kTwoVarchars, sameInstant), Value(false));
  EXPECT_EQ(eval("lt(" + left + ", " + right + ")", kTwoVarchars, sameInstant), Value(false));
  EXPECT_EQ(eval("gte(" + left + ", " + right + ")", kTwoVarchars, sameInstant), Value(true));
  // 01:00 UTC is after 06:00 +05:30 (00:30 UTC).
  EXPECT_EQ(eval("gt(" + left + ", " + right + ")", kTwoVarchars, {"2012-10-31 01:00 UTC", "2012-10-31 06:00 +05:30"}), Value(true));
  EXPECT_EQ(eval("eq(" + left + ", " + right + ")", kTwoVarchars, {Value(), "2012-10-31 06:00 +05:30"}), Value());
}

TEST_F(TimeZoneFunctionsTest, castsToDateAndTimestamp) {
  const std::string la = "at_timezone(cast(c0 as timestamp with time zone), 'America/Los_Angeles')";
  // A zoned value becomes its instant as a timestamp, and the date on its own zone's clock.
  EXPECT_EQ(eval("cast(" + la + " as timestamp)", kVarchar, {"2012-10-31 01:00 UTC"}), Value(kOct31));
  EXPECT_EQ(eval("cast(" + la + " as date)", kVarchar, {"2012-10-31 01:00 UTC"}), Value(int64_t{15643}));
  EXPECT_EQ(eval("cast(c0 as timestamp with time zone)", kTimestamp, {Value(kOct31)}), packed(kOct31, 0));
  EXPECT_EQ(eval("cast(c0 as timestamp with time zone)", {DATE()}, {Value(int64_t{15644})}),
      packed(int64_t{15644} * 86'400'000, 0));
}

} // namespace
} // namespace presto::test
