#include "../expression/ExpressionTestBase.h"
#include "type/DateTime.h"

namespace presto::test {
namespace {

class DateTimeFunctionsTest : public ExpressionTestBase {
 protected:
  static Value date(int year, int month, int day) { return Value(daysFromCivil({year, month, day})); }
};

TEST_F(DateTimeFunctionsTest, fieldsOfDates) {
  auto d = date(2024, 2, 29);  // a Thursday
  EXPECT_EQ(eval("year(c0)", {DATE()}, {d}), Value(int64_t{2024}));
  EXPECT_EQ(eval("quarter(c0)", {DATE()}, {d}), Value(int64_t{1}));
  EXPECT_EQ(eval("month(c0)", {DATE()}, {d}), Value(int64_t{2}));
  EXPECT_EQ(eval("day(c0)", {DATE()}, {d}), Value(int64_t{29}));
  EXPECT_EQ(eval("day_of_week(c0)", {DATE()}, {d}), Value(int64_t{4}));
  EXPECT_EQ(eval("day_of_year(c0)", {DATE()}, {d}), Value(int64_t{60}));
  EXPECT_EQ(eval("week(c0)", {DATE()}, {d}), Value(int64_t{9}));
  // 2021-01-01 (a Friday) belongs to ISO week 53 of 2020.
  EXPECT_EQ(eval("week(c0)", {DATE()}, {date(2021, 1, 1)}), Value(int64_t{53}));
  EXPECT_EQ(eval("year_of_week(c0)", {DATE()}, {date(2021, 1, 1)}), Value(int64_t{2020}));
  EXPECT_EQ(eval("year(c0)", {DATE()}, {date(1969, 12, 31)}), Value(int64_t{1969}));
  EXPECT_EQ(eval("last_day_of_month(c0)", {DATE()}, {date(2023, 2, 10)}), date(2023, 2, 28));
}

TEST_F(DateTimeFunctionsTest, fieldAliases) {
  auto d = date(2020, 3, 15);  // a Sunday in ISO week 11, the 75th day of the leap year
  EXPECT_EQ(eval("day_of_month(c0)", {DATE()}, {d}), Value(int64_t{15}));
  EXPECT_EQ(eval("dow(c0)", {DATE()}, {d}), Value(int64_t{7}));
  EXPECT_EQ(eval("doy(c0)", {DATE()}, {d}), Value(int64_t{75}));
  EXPECT_EQ(eval("week_of_year(c0)", {DATE()}, {d}), Value(int64_t{11}));
  EXPECT_EQ(eval("yow(c0)", {DATE()}, {date(2021, 1, 1)}), Value(int64_t{2020}));
  EXPECT_EQ(eval("dow(c0)", {DATE()}, {Value()}), Value());
}

TEST_F(DateTimeFunctionsTest, currentTime) {
  // The clock is not fixed; check the types and that the values are after 2024-01-01.
  int64_t january2024 = daysFromCivil({2024, 1, 1});
  EXPECT_TRUE(sameType(typeOf("current_date()"), DATE()));
  EXPECT_GE(eval("current_date()").as<int64_t>(), january2024);
  EXPECT_TRUE(sameType(typeOf("now()"), TIMESTAMP()));
  EXPECT_GE(eval("now()").as<int64_t>(), january2024 * kMillisPerDay);
  EXPECT_GE(eval("current_timestamp()").as<int64_t>(), january2024 * kMillisPerDay);
}

TEST_F(DateTimeFunctionsTest, fieldsOfTimestamps) {
  // 2001-02-03 04:05:06.789
  int64_t millis = daysFromCivil({2001, 2, 3}) * kMillisPerDay + ((4 * 60 + 5) * 60 + 6) * 1000 + 789;
  EXPECT_EQ(eval("year(c0)", {TIMESTAMP()}, {millis}), Value(int64_t{2001}));
  EXPECT_EQ(eval("hour(c0)", {TIMESTAMP()}, {millis}), Value(int64_t{4}));
  EXPECT_EQ(eval("minute(c0)", {TIMESTAMP()}, {millis}), Value(int64_t{5}));
  EXPECT_EQ(eval("second(c0)", {TIMESTAMP()}, {millis}), Value(int64_t{6}));
  EXPECT_EQ(eval("millisecond(c0)", {TIMESTAMP()}, {millis}), Value(int64_t{789}));
  EXPECT_EQ(eval("hour(c0)", {TIMESTAMP()}, {int64_t{-1}}), Value(int64_t{23}));
  EXPECT_EQ(eval("date_format(c0, '%Y-%m-%d %H:%i:%s %W %b')", {TIMESTAMP()}, {millis}),
      Value("2001-02-03 04:05:06 Saturday Feb"));
  EXPECT_EQ(eval("to_unixtime(c0)", {TIMESTAMP()}, {int64_t{1500}}), Value(1.5));
  EXPECT_EQ(eval("from_unixtime(c0)", {DOUBLE()}, {1.5}), Value(int64_t{1500}));
}

TEST_F(DateTimeFunctionsTest, truncAddDiff) {
  EXPECT_EQ(eval("date_trunc('month', c0)", {DATE()}, {date(2024, 2, 29)}), date(2024, 2, 1));
  EXPECT_EQ(eval("date_trunc('quarter', c0)", {DATE()}, {date(2024, 8, 15)}), date(2024, 7, 1));
  EXPECT_EQ(eval("date_trunc('year', c0)", {DATE()}, {date(2024, 8, 15)}), date(2024, 1, 1));
  EXPECT_EQ(eval("date_trunc('week', c0)", {DATE()}, {date(2024, 2, 29)}), date(2024, 2, 26));
  EXPECT_EQ(eval("date_trunc('hour', c0)", {TIMESTAMP()}, {int64_t{3'700'000}}), Value(int64_t{3'600'000}));
  EXPECT_EQ(evalError("date_trunc('hour', c0)", {DATE()}, {date(2024, 2, 29)}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("date_add('month', 1, c0)", {DATE()}, {date(2024, 1, 31)}), date(2024, 2, 29));
  EXPECT_EQ(eval("date_add('year', -1, c0)", {DATE()}, {date(2024, 2, 29)}), date(2023, 2, 28));
  EXPECT_EQ(eval("date_add('day', 3, c0)", {DATE()}, {date(2024, 2, 27)}), date(2024, 3, 1));
  EXPECT_EQ(eval("date_diff('day', c0, date '2024-03-01')", {DATE()}, {date(2024, 2, 1)}), Value(int64_t{29}));
  EXPECT_EQ(eval("date_diff('month', c0, date '2024-03-14')", {DATE()}, {date(2024, 1, 15)}), Value(int64_t{1}));
  EXPECT_EQ(eval("date_diff('year', c0, date '2024-01-15')", {DATE()}, {date(2020, 1, 15)}), Value(int64_t{4}));
}

TEST_F(DateTimeFunctionsTest, intervalArithmetic) {
  auto dayInterval = INTERVAL_DAY_TIME();
  EXPECT_EQ(eval("plus(c0, c1)", {DATE(), dayInterval}, {date(1998, 12, 1), int64_t{-90} * kMillisPerDay}), date(1998, 9, 2));
  EXPECT_EQ(eval("minus(c0, c1)", {DATE(), dayInterval}, {date(1998, 12, 1), int64_t{90} * kMillisPerDay}), date(1998, 9, 2));
  EXPECT_EQ(evalError("plus(c0, c1)", {DATE(), dayInterval}, {date(1998, 12, 1), int64_t{3600000}}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("plus(c0, c1)", {DATE(), INTERVAL_YEAR_MONTH()}, {date(1995, 1, 31), 1}), date(1995, 2, 28));
  EXPECT_EQ(eval("minus(c0, c1)", {DATE(), INTERVAL_YEAR_MONTH()}, {date(1995, 3, 1), 12}), date(1994, 3, 1));
  EXPECT_EQ(eval("minus(c0, c1)", {DATE(), DATE()}, {date(2000, 1, 2), date(2000, 1, 1)}), Value(kMillisPerDay));
  EXPECT_EQ(eval("plus(c0, c1)", {TIMESTAMP(), dayInterval}, {int64_t{1000}, int64_t{500}}), Value(int64_t{1500}));
  EXPECT_EQ(eval("lt(c0, plus(date '1995-01-01', c1))", {DATE(), INTERVAL_YEAR_MONTH()}, {date(1995, 6, 1), 12}), Value(true));
}

} // namespace
} // namespace presto::test
