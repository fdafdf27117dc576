#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class DateParseFunctionsTest : public ExpressionTestBase {};

const std::vector<TypePtr> kVarchar{VARCHAR()};
const std::vector<TypePtr> kTimestamp{TIMESTAMP()};
// 2013-05-17 is day 15842 since 1970-01-01 (43 years with 11 leap days, plus 136 days).
constexpr int64_t kMay17 = int64_t{15842} * 86'400'000;

TEST_F(DateParseFunctionsTest, dateParseMySqlSpecifiers) {
  EXPECT_EQ(eval("date_parse(c0, '%Y-%m-%d %H:%i:%s')", kVarchar, {"2013-05-17 12:35:10"}),
      Value(kMay17 + (12 * 3600 + 35 * 60 + 10) * 1000));
  EXPECT_EQ(eval("date_parse(c0, '%d/%m/%y %h:%i %p')", kVarchar, {"17/05/13 01:05 PM"}), Value(kMay17 + (13 * 3600 + 5 * 60) * 1000));
  EXPECT_EQ(eval("date_parse(c0, '%d/%m/%y %h:%i %p')", kVarchar, {"17/05/13 12:05 AM"}), Value(kMay17 + 5 * 60 * 1000));
  EXPECT_EQ(eval("date_parse(c0, '%Y')", kVarchar, {"1970"}), Value(int64_t{0}));
  // 1999-05-03: 29 years with 7 leap days, plus 122 days.
  EXPECT_EQ(eval("date_parse(c0, '%b %e %Y')", kVarchar, {"May 3 1999"}), Value(int64_t{10714} * 86'400'000));
  EXPECT_EQ(eval("date_parse(c0, '%M %d %Y')", kVarchar, {"may 03 1999"}), Value(int64_t{10714} * 86'400'000));
  EXPECT_EQ(eval("date_parse(c0, '%H:%i:%s.%f')", kVarchar, {"10:00:00.5"}), Value(int64_t{36'000'500}));
  EXPECT_EQ(eval("date_parse(c0, '%T')", kVarchar, {"00:01:02"}), Value(int64_t{62'000}));
  EXPECT_EQ(eval("date_parse(c0, '%Y-%j')", kVarchar, {"2013-137"}), Value(kMay17));
  EXPECT_EQ(eval("date_parse(c0, '%Y')", kVarchar, {Value()}), Value());
  EXPECT_TRUE(sameType(typeOf("date_parse(c0, '%Y')", kVarchar), TIMESTAMP()));
}

TEST_F(DateParseFunctionsTest, dateParseErrors) {
  EXPECT_EQ(evalErrorMessage("date_parse(c0, '%Y-%m-%d')", kVarchar, {"2013-05-1x"}),
      "Invalid format: \"2013-05-1x\" is malformed at \"x\"");
  EXPECT_EQ(evalErrorMessage("date_parse(c0, '%Y-%m-%d')", kVarchar, {"2013-05"}), "Invalid format: \"2013-05\" is malformed at \"\"");
  EXPECT_EQ(evalErrorMessage("date_parse(c0, '%Y-%m-%d')", kVarchar, {"2020-02-30"}), "Value 30 for dayOfMonth must be in the range [1,29]");
  EXPECT_EQ(evalErrorMessage("date_parse(c0, '%Y-%m')", kVarchar, {"2020-13"}), "Value 13 for monthOfYear must be in the range [1,12]");
  EXPECT_EQ(evalErrorMessage("date_parse(c0, '%D')", kVarchar, {"1"}), "%D not supported in date format string");
  EXPECT_EQ(evalError("date_parse(c0, '%Y')", kVarchar, {"abc"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("try(date_parse(c0, '%Y'))", kVarchar, {"abc"}), Value());
}

TEST_F(DateParseFunctionsTest, formatDatetimeJodaPatterns) {
  Value timestamp(kMay17 + (12 * 3600 + 35 * 60 + 10) * 1000 + 123);
  EXPECT_EQ(eval("format_datetime(c0, 'yyyy-MM-dd HH:mm:ss')", kTimestamp, {timestamp}), Value("2013-05-17 12:35:10"));
  EXPECT_EQ(eval("format_datetime(c0, 'EEEE, MMMM d, yyyy')", kTimestamp, {timestamp}), Value("Friday, May 17, 2013"));
  EXPECT_EQ(eval("format_datetime(c0, 'EEE MMM yy')", kTimestamp, {timestamp}), Value("Fri May 13"));
  EXPECT_EQ(eval("format_datetime(c0, 'hh:mm a, SSS, S, D')", kTimestamp, {timestamp}), Value("12:35 PM, 123, 1, 137"));
  EXPECT_EQ(eval("format_datetime(c0, 'yyyy''T''HH')", kTimestamp, {timestamp}), Value("2013T12"));
  EXPECT_EQ(evalErrorMessage("format_datetime(c0, 'QQ')", kTimestamp, {timestamp}), "Illegal pattern component: QQ");
  EXPECT_EQ(eval("format_datetime(c0, 'yyyy')", kTimestamp, {Value()}), Value());
}

// parse_datetime returns a timestamp with time zone: millis UTC << 12 | zone key (UTC is 0; Presto's
// keys of fixed offsets are minutes + 841 west of UTC and minutes + 840 east of it).
Value zoned(int64_t millisUtc, int64_t zoneKey = 0) {
  return Value((millisUtc << 12) | zoneKey);
}

constexpr int64_t kHour = 3'600'000;
constexpr int64_t kMinute = 60'000;

TEST_F(DateParseFunctionsTest, parseDatetimeJodaPatterns) {
  int64_t time = 12 * kHour + 35 * kMinute + 10'000;
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd HH:mm:ss')", kVarchar, {"2013-05-17 12:35:10"}), zoned(kMay17 + time));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd')", kVarchar, {"2013-5-17"}), zoned(kMay17));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyyMMddHHmm')", kVarchar, {"201305171235"}), zoned(kMay17 + 12 * kHour + 35 * kMinute));
  EXPECT_EQ(eval("parse_datetime(c0, 'dd/MM/yy')", kVarchar, {"17/05/13"}), zoned(kMay17));
  EXPECT_EQ(eval("parse_datetime(c0, 'MMM d, yyyy')", kVarchar, {"may 17, 2013"}), zoned(kMay17));
  EXPECT_EQ(eval("parse_datetime(c0, 'MMMM d, yyyy')", kVarchar, {"May 17, 2013"}), zoned(kMay17));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-D')", kVarchar, {"2013-137"}), zoned(kMay17));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd hh:mm a')", kVarchar, {"2013-05-17 05:30 PM"}), zoned(kMay17 + 17 * kHour + 30 * kMinute));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd hh:mm a')", kVarchar, {"2013-05-17 12:15 am"}), zoned(kMay17 + 15 * kMinute));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd kk')", kVarchar, {"2013-05-17 24"}), zoned(kMay17));
  EXPECT_EQ(eval("parse_datetime(c0, 'HH:mm:ss.SSS')", kVarchar, {"10:00:00.5"}), zoned(10 * kHour + 500));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy''T''HH')", kVarchar, {"2013T12"}), zoned(int64_t{15706} * 86'400'000 + 12 * kHour));
  // The day of the week is applied last: Monday of the week of Friday 2013-05-17 is 2013-05-13.
  EXPECT_EQ(eval("parse_datetime(c0, 'EEEE yyyy-MM-dd')", kVarchar, {"Monday 2013-05-17"}), zoned(kMay17 - 4 * 86'400'000));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy')", kVarchar, {Value()}), Value());
  EXPECT_EQ(eval("parse_datetime(c0, c1)", {VARCHAR(), VARCHAR()}, {"2013", Value()}), Value());
  EXPECT_TRUE(sameType(typeOf("parse_datetime(c0, 'yyyy')", kVarchar), TIMESTAMP_WITH_TIME_ZONE()));
}

TEST_F(DateParseFunctionsTest, parseDatetimeZones) {
  int64_t noon = kMay17 + 12 * kHour;
  // An offset in the text: the instant is adjusted and the value keeps that offset as its zone.
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd HH:mm Z')", kVarchar, {"2013-05-17 12:00 +0200"}), zoned(noon - 2 * kHour, 960));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd HH:mm ZZ')", kVarchar, {"2013-05-17 12:00 -08:00"}), zoned(noon + 8 * kHour, 361));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd HH:mm ZZ')", kVarchar, {"2013-05-17 12:00 +05:30"}),
      zoned(noon - 5 * kHour - 30 * kMinute, 1170));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd''T''HH:mmZ')", kVarchar, {"2013-05-17T12:00Z"}), zoned(noon));
  EXPECT_EQ(eval("parse_datetime(c0, 'yyyy-MM-dd HH:mm Z')", kVarchar, {"2013-05-17 12:00 +0000"}), zoned(noon));
  // A zone id: the time is on that zone's clock (Los Angeles is UTC-7 in May).
  EXPECT_EQ(eval("cast(parse_datetime(c0, 'yyyy-MM-dd HH:mm ZZZ') as varchar)", kVarchar, {"2013-05-17 12:00 America/Los_Angeles"}),
      Value("2013-05-17 12:00:00.000 America/Los_Angeles"));
  EXPECT_EQ(eval("to_unixtime(parse_datetime(c0, 'yyyy-MM-dd HH:mm ZZZ'))", kVarchar, {"2013-05-17 12:00 America/Los_Angeles"}),
      Value((noon + 7 * kHour) / 1000.0));
  EXPECT_EQ(eval("cast(parse_datetime(c0, 'yyyy-MM-dd ZZZ') as varchar)", kVarchar, {"2013-05-17 UTC"}), Value("2013-05-17 00:00:00.000 UTC"));
}

TEST_F(DateParseFunctionsTest, parseDatetimeErrors) {
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'yyyy-MM-dd')", kVarchar, {"2013-05-1x"}),
      "Invalid format: \"2013-05-1x\" is malformed at \"x\"");
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'yyyy-MM-dd')", kVarchar, {"2013-05"}), "Invalid format: \"2013-05\" is too short");
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'yyyy')", kVarchar, {"abc"}), "Invalid format: \"abc\"");
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'yyyy-MM-dd')", kVarchar, {"2013-13-01"}),
      "Cannot parse \"2013-13-01\": Value 13 for monthOfYear must be in the range [1,12]");
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'yyyy-MM-dd')", kVarchar, {"2013-02-29"}),
      "Cannot parse \"2013-02-29\": Value 29 for dayOfMonth must be in the range [1,28]");
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'hh:mm')", kVarchar, {"13:00"}),
      "Cannot parse \"13:00\": Value 13 for clockhourOfHalfday must be in the range [1,12]");
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'yyyy-MM-dd HH:mm ZZZ')", kVarchar, {"2013-05-17 12:00 Mars/Olympus"}),
      "Invalid format: \"2013-05-17 12:00 Mars/Olympus\" is malformed at \"Mars/Olympus\"");
  EXPECT_EQ(evalErrorMessage("parse_datetime(c0, 'QQ')", kVarchar, {"1"}), "Illegal pattern component: QQ");
  EXPECT_EQ(evalError("parse_datetime(c0, 'yyyy')", kVarchar, {"abc"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("try(parse_datetime(c0, 'yyyy'))", kVarchar, {"abc"}), Value());
}

TEST_F(DateParseFunctionsTest, formatDatetimeWithTimeZone) {
  const std::string la = "parse_datetime(c0, 'yyyy-MM-dd HH:mm ZZZ')";
  EXPECT_EQ(eval("format_datetime(" + la + ", 'yyyy-MM-dd HH:mm Z ZZ ZZZ')", kVarchar, {"2013-05-17 12:00 America/Los_Angeles"}),
      Value("2013-05-17 12:00 -0700 -07:00 America/Los_Angeles"));
  EXPECT_EQ(eval("format_datetime(parse_datetime(c0, 'yyyy-MM-dd HH:mm ZZ'), 'HH:mm ZZ ZZZ')", kVarchar, {"2013-05-17 12:00 +05:30"}),
      Value("12:00 +05:30 +05:30"));
  EXPECT_EQ(eval("format_datetime(parse_datetime(c0, 'yyyy-MM-dd HH:mm'), 'HH:mm Z ZZZ')", kVarchar, {"2013-05-17 12:00"}),
      Value("12:00 +0000 UTC"));
  // format_datetime then parse_datetime with the same pattern gives back the value.
  EXPECT_EQ(eval("format_datetime(parse_datetime(c0, 'EEE, d MMM yyyy HH:mm:ss.SSS ZZ'), 'EEE, d MMM yyyy HH:mm:ss.SSS ZZ')", kVarchar,
                {"Fri, 17 May 2013 12:35:10.123 -08:00"}),
      Value("Fri, 17 May 2013 12:35:10.123 -08:00"));
  EXPECT_EQ(eval("format_datetime(c0, 'e')", kTimestamp, {Value(kMay17)}), Value("5"));
}

TEST_F(DateParseFunctionsTest, parseInvertsFormat) {
  EXPECT_EQ(eval("date_format(date_parse(c0, '%Y-%m-%d %H:%i:%s'), '%Y-%m-%d %H:%i:%s')", kVarchar, {"1999-12-31 23:59:59"}),
      Value("1999-12-31 23:59:59"));
}

} // namespace
} // namespace presto::test
