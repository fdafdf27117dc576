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

TEST_F(DateParseFunctionsTest, parseInvertsFormat) {
  EXPECT_EQ(eval("date_format(date_parse(c0, '%Y-%m-%d %H:%i:%s'), '%Y-%m-%d %H:%i:%s')", kVarchar, {"1999-12-31 23:59:59"}),
      Value("1999-12-31 23:59:59"));
}

} // namespace
} // namespace presto::test
