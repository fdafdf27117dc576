#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class ArithmeticTest : public ExpressionTestBase {};

TEST_F(ArithmeticTest, integerTypes) {
  EXPECT_EQ(eval("plus(c0, c1)", {BIGINT(), BIGINT()}, {int64_t{1}, int64_t{2}}), Value(int64_t{3}));
  EXPECT_EQ(eval("minus(c0, c1)", {INTEGER(), INTEGER()}, {1, 5}), Value(-4));
  EXPECT_EQ(eval("multiply(c0, c1)", {SMALLINT(), SMALLINT()}, {int64_t{300}, int64_t{-2}}), Value(int64_t{-600}));
  EXPECT_EQ(eval("divide(c0, c1)", {BIGINT(), BIGINT()}, {int64_t{-7}, int64_t{2}}), Value(int64_t{-3}));
  EXPECT_EQ(eval("mod(c0, c1)", {BIGINT(), BIGINT()}, {int64_t{-7}, int64_t{2}}), Value(int64_t{-1}));
  EXPECT_EQ(eval("negate(c0)", {TINYINT()}, {int64_t{5}}), Value(int64_t{-5}));
  EXPECT_EQ(eval("plus(c0, c1)", {BIGINT(), BIGINT()}, {Value(), int64_t{2}}), Value());
  // integer + bigint resolves to bigint addition
  EXPECT_EQ(typeOf("plus(c0, c1)", {INTEGER(), BIGINT()})->toString(), "bigint");
}

TEST_F(ArithmeticTest, overflowIsAnError) {
  EXPECT_EQ(evalError("plus(c0, 1)", {BIGINT()}, {int64_t{INT64_MAX}}), "NUMERIC_VALUE_OUT_OF_RANGE");
  EXPECT_EQ(evalErrorMessage("plus(c0, c1)", {BIGINT(), BIGINT()}, {int64_t{INT64_MAX}, int64_t{1}}),
      "bigint addition overflow: 9223372036854775807 + 1");
  EXPECT_EQ(evalError("multiply(c0, c0)", {INTEGER()}, {int64_t{65536}}), "NUMERIC_VALUE_OUT_OF_RANGE");
  EXPECT_EQ(evalError("minus(c0, c1)", {TINYINT(), TINYINT()}, {int64_t{-128}, int64_t{1}}), "NUMERIC_VALUE_OUT_OF_RANGE");
  EXPECT_EQ(evalError("negate(c0)", {BIGINT()}, {int64_t{INT64_MIN}}), "NUMERIC_VALUE_OUT_OF_RANGE");
}

TEST_F(ArithmeticTest, divisionByZero) {
  EXPECT_EQ(evalError("divide(c0, c1)", {BIGINT(), BIGINT()}, {int64_t{1}, int64_t{0}}), "DIVISION_BY_ZERO");
  EXPECT_EQ(evalErrorMessage("mod(c0, c1)", {INTEGER(), INTEGER()}, {1, 0}), "Division by zero");
  // Floating point follows IEEE 754.
  EXPECT_EQ(eval("divide(c0, c1)", {DOUBLE(), DOUBLE()}, {1.0, 0.0}), Value(std::numeric_limits<double>::infinity()));
  EXPECT_EQ(eval("mod(c0, c1)", {DOUBLE(), DOUBLE()}, {7.5, 2.0}), Value(1.5));
  EXPECT_EQ(eval("divide(c0, c1)", {REAL(), REAL()}, {1.0f, 4.0f}), Value(0.25f));
}

TEST_F(ArithmeticTest, decimalResultTypes) {
  EXPECT_EQ(typeOf("plus(c0, c1)", {DECIMAL(10, 2), DECIMAL(5, 3)})->toString(), "decimal(12,3)");
  EXPECT_EQ(typeOf("multiply(c0, c1)", {DECIMAL(15, 2), DECIMAL(15, 2)})->toString(), "decimal(30,4)");
  EXPECT_EQ(typeOf("divide(c0, c1)", {DECIMAL(10, 2), DECIMAL(5, 3)})->toString(), "decimal(14,3)");
  EXPECT_EQ(typeOf("mod(c0, c1)", {DECIMAL(10, 2), DECIMAL(5, 3)})->toString(), "decimal(5,3)");
  EXPECT_EQ(typeOf("plus(c0, 1)", {DECIMAL(38, 0)})->toString(), "decimal(38,0)");
  // bigint coerces to decimal(19,0)
  EXPECT_EQ(typeOf("multiply(c0, c1)", {DECIMAL(12, 2), BIGINT()})->toString(), "decimal(31,2)");
}

TEST_F(ArithmeticTest, decimalValues) {
  // 12.34 + 0.005 = 12.345
  EXPECT_EQ(eval("plus(c0, c1)", {DECIMAL(4, 2), DECIMAL(3, 3)}, {int64_t{1234}, int64_t{5}}), Value(int64_t{12345}));
  // 1.5 - 2.25 = -0.75
  EXPECT_EQ(eval("minus(1.5, 2.25)"), Value(int64_t{-75}));
  // 0.1 * 0.3 = 0.03 at scale 2
  EXPECT_EQ(eval("multiply(0.1, 0.3)"), Value(int64_t{3}));
  // 1 / 3 at decimal(2,1): 0.3; 2 / 3 = 0.7 (half up); -2 / 3 = -0.7
  EXPECT_EQ(eval("divide(1.0, 3.0)"), Value(int64_t{3}));
  EXPECT_EQ(eval("divide(2.0, 3.0)"), Value(int64_t{7}));
  EXPECT_EQ(eval("divide(-2.0, 3.0)"), Value(int64_t{-7}));
  // 0.125 / 1 at scale 2 rounds half up to 0.13
  EXPECT_EQ(eval("cast(divide(0.125, 1.00) as varchar)"), Value("0.125"));
  EXPECT_EQ(eval("mod(5.5, 2)"), Value(int64_t{15}));
  EXPECT_EQ(evalError("divide(c0, 0.0)", {DECIMAL(3, 1)}, {int64_t{10}}), "DIVISION_BY_ZERO");
  EXPECT_EQ(eval("negate(c0)", {DECIMAL(5, 2)}, {int64_t{-125}}), Value(int64_t{125}));
}

TEST_F(ArithmeticTest, longDecimals) {
  auto type = DECIMAL(38, 2);
  // 99999999999999999999.99 + 0.01 = 100000000000000000000.00
  EXPECT_EQ(eval("plus(c0, c1)", {type, type}, {int128Value("9999999999999999999999"), int128Value("1")}),
      int128Value("10000000000000000000000"));
  EXPECT_EQ(eval("multiply(c0, c1)", {DECIMAL(20, 0), DECIMAL(18, 0)},
                {int128Value("12345678901234567890"), int64_t{1000000000000000000}}),
      int128Value("12345678901234567890000000000000000000"));
  EXPECT_EQ(evalError("multiply(c0, c0)", {DECIMAL(38, 0)}, {int128Value("10000000000000000000000")}),
      "NUMERIC_VALUE_OUT_OF_RANGE");
  // TPC-H style: l_extendedprice * (1 - l_discount) with decimal(12,2) values.
  EXPECT_EQ(eval("multiply(c0, minus(1, c1))", {DECIMAL(12, 2), DECIMAL(12, 2)}, {int64_t{1234567}, int64_t{6}}),
      Value(int128_t{116049298}));
}

} // namespace
} // namespace presto::test
