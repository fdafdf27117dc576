#include <gtest/gtest.h>

#include <cmath>

#include "type/Value.h"

namespace presto {
namespace {

TEST(ValueTest, rendersEveryKind) {
  EXPECT_EQ(Value().toString(*BIGINT()), "NULL");
  EXPECT_EQ(Value(true).toString(*BOOLEAN()), "true");
  EXPECT_EQ(Value(int64_t{-42}).toString(*BIGINT()), "-42");
  EXPECT_EQ(Value(1.5).toString(*DOUBLE()), "1.5");
  EXPECT_EQ(Value(std::nan("")).toString(*DOUBLE()), "NaN");
  EXPECT_EQ(Value(int64_t{1250}).toString(*DECIMAL(10, 2)), "12.50");
  EXPECT_EQ(Value(int128_t{-1250}).toString(*DECIMAL(30, 3)), "-1.250");
  EXPECT_EQ(Value("abc").toString(*VARCHAR()), "abc");
  EXPECT_EQ(Value(std::string("\x01\xff", 2)).toString(*VARBINARY()), "01 ff");
  EXPECT_EQ(Value(int64_t{10471}).toString(*DATE()), "1998-09-02");
  EXPECT_EQ(Value(int64_t{90061001}).toString(*INTERVAL_DAY_TIME()), "1 01:01:01.001");
  EXPECT_EQ(Value(int64_t{-90061001}).toString(*INTERVAL_DAY_TIME()), "-1 01:01:01.001");
  EXPECT_EQ(Value::array({Value(int64_t{1}), Value()}).toString(*ARRAY(BIGINT())), "[1, NULL]");
  EXPECT_EQ(Value::map({Value("a")}, {Value(int64_t{1})}).toString(*MAP(VARCHAR(), BIGINT())), "{a=1}");
  EXPECT_EQ(Value::row({Value(int64_t{1}), Value("x")}).toString(*ROW({"a", "b"}, {BIGINT(), VARCHAR()})),
      "{a=1, b=x}");
}

TEST(ValueTest, equality) {
  EXPECT_EQ(Value(), Value::null());
  EXPECT_EQ(Value::array({Value(int64_t{1})}), Value::array({Value(int64_t{1})}));
  EXPECT_NE(Value::array({Value(int64_t{1})}), Value::array({Value(int64_t{2})}));
  EXPECT_NE(Value(int64_t{1}), Value(1.0));
  EXPECT_NE(Value(), Value(int64_t{0}));
}

} // namespace
} // namespace presto
