#include <cmath>

#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class MathFunctionsTest : public ExpressionTestBase {};

TEST_F(MathFunctionsTest, absSignRounding) {
  EXPECT_EQ(eval("abs(c0)", {BIGINT()}, {int64_t{-5}}), Value(int64_t{5}));
  EXPECT_EQ(evalError("abs(c0)", {BIGINT()}, {int64_t{INT64_MIN}}), "NUMERIC_VALUE_OUT_OF_RANGE");
  EXPECT_EQ(eval("abs(c0)", {DOUBLE()}, {-1.5}), Value(1.5));
  EXPECT_EQ(eval("abs(c0)", {DECIMAL(5, 2)}, {int64_t{-125}}), Value(int64_t{125}));
  EXPECT_EQ(eval("sign(c0)", {DOUBLE()}, {-3.5}), Value(-1.0));
  EXPECT_EQ(eval("sign(c0)", {BIGINT()}, {int64_t{0}}), Value(int64_t{0}));
  EXPECT_EQ(eval("ceil(c0)", {DOUBLE()}, {1.2}), Value(2.0));
  EXPECT_EQ(eval("floor(c0)", {DOUBLE()}, {-1.2}), Value(-2.0));
  EXPECT_EQ(eval("round(c0)", {DOUBLE()}, {2.5}), Value(3.0));
  EXPECT_EQ(eval("round(c0)", {DOUBLE()}, {-2.5}), Value(-3.0));
  EXPECT_EQ(eval("round(c0, 2)", {DOUBLE()}, {3.14159}), Value(3.14));
  EXPECT_EQ(eval("round(c0, -1)", {BIGINT()}, {int64_t{15}}), Value(int64_t{20}));
  EXPECT_EQ(eval("truncate(c0)", {DOUBLE()}, {-2.7}), Value(-2.0));
}

TEST_F(MathFunctionsTest, powersAndLogs) {
  EXPECT_EQ(eval("sqrt(c0)", {DOUBLE()}, {16.0}), Value(4.0));
  EXPECT_EQ(eval("sqrt(c0)", {BIGINT()}, {int64_t{16}}), Value(4.0));
  EXPECT_NEAR(eval("cbrt(c0)", {DOUBLE()}, {27.0}).as<double>(), 3.0, 1e-12);
  EXPECT_EQ(eval("power(c0, 3)", {DOUBLE()}, {2.0}), Value(8.0));
  EXPECT_EQ(eval("pow(c0, 0.5e0)", {DOUBLE()}, {9.0}), Value(3.0));
  EXPECT_EQ(eval("ln(c0)", {DOUBLE()}, {1.0}), Value(0.0));
  EXPECT_EQ(eval("log2(c0)", {DOUBLE()}, {8.0}), Value(3.0));
  EXPECT_EQ(eval("log10(c0)", {DOUBLE()}, {1000.0}), Value(3.0));
  EXPECT_EQ(eval("exp(c0)", {DOUBLE()}, {0.0}), Value(1.0));
  EXPECT_TRUE(std::isnan(eval("sqrt(c0)", {DOUBLE()}, {-1.0}).as<double>()));
}

TEST_F(MathFunctionsTest, trigonometry) {
  EXPECT_EQ(eval("sin(c0)", {DOUBLE()}, {0.0}), Value(0.0));
  EXPECT_EQ(eval("cos(c0)", {DOUBLE()}, {0.0}), Value(1.0));
  EXPECT_EQ(eval("tan(c0)", {DOUBLE()}, {0.0}), Value(0.0));
  EXPECT_NEAR(eval("sin(c0)", {DOUBLE()}, {M_PI / 2}).as<double>(), 1.0, 1e-15);
  EXPECT_NEAR(eval("cos(c0)", {DOUBLE()}, {M_PI}).as<double>(), -1.0, 1e-15);
  EXPECT_NEAR(eval("tan(c0)", {DOUBLE()}, {M_PI / 4}).as<double>(), 1.0, 1e-15);
  EXPECT_NEAR(eval("asin(c0)", {DOUBLE()}, {1.0}).as<double>(), M_PI / 2, 1e-15);
  EXPECT_EQ(eval("acos(c0)", {DOUBLE()}, {1.0}), Value(0.0));
  EXPECT_NEAR(eval("atan(c0)", {DOUBLE()}, {1.0}).as<double>(), M_PI / 4, 1e-15);
  EXPECT_NEAR(eval("atan2(c0, c1)", {DOUBLE(), DOUBLE()}, {1.0, -1.0}).as<double>(), 3 * M_PI / 4, 1e-15);
  EXPECT_TRUE(std::isnan(eval("asin(c0)", {DOUBLE()}, {2.0}).as<double>()));  // outside [-1, 1]
  EXPECT_EQ(eval("sinh(c0)", {DOUBLE()}, {0.0}), Value(0.0));
  EXPECT_EQ(eval("cosh(c0)", {DOUBLE()}, {0.0}), Value(1.0));
  EXPECT_EQ(eval("tanh(c0)", {DOUBLE()}, {0.0}), Value(0.0));
  // sinh(1) = (e - 1/e) / 2, cosh(1) = (e + 1/e) / 2.
  EXPECT_NEAR(eval("sinh(c0)", {DOUBLE()}, {1.0}).as<double>(), 1.1752011936438014, 1e-15);
  EXPECT_NEAR(eval("cosh(c0)", {DOUBLE()}, {1.0}).as<double>(), 1.5430806348152437, 1e-15);
  EXPECT_NEAR(eval("tanh(c0)", {DOUBLE()}, {1.0}).as<double>(), 0.7615941559557649, 1e-15);
  EXPECT_EQ(eval("degrees(c0)", {DOUBLE()}, {M_PI}), Value(180.0));
  EXPECT_EQ(eval("radians(c0)", {DOUBLE()}, {180.0}), Value(M_PI));
  EXPECT_EQ(eval("sin(c0)", {DOUBLE()}, {Value()}), Value());
  EXPECT_EQ(eval("atan2(c0, 1e0)", {DOUBLE()}, {Value()}), Value());
}

TEST_F(MathFunctionsTest, ceilingAndLogarithmToABase) {
  EXPECT_EQ(eval("ceiling(c0)", {DOUBLE()}, {1.2}), Value(2.0));
  EXPECT_EQ(eval("ceiling(c0)", {DOUBLE()}, {-1.2}), Value(-1.0));
  EXPECT_EQ(eval("ceiling(c0)", {BIGINT()}, {int64_t{7}}), Value(int64_t{7}));
  EXPECT_NEAR(eval("log(c0, c1)", {DOUBLE(), DOUBLE()}, {2.0, 8.0}).as<double>(), 3.0, 1e-15);
  EXPECT_NEAR(eval("log(c0, c1)", {DOUBLE(), DOUBLE()}, {10.0, 0.001}).as<double>(), -3.0, 1e-15);
  EXPECT_EQ(eval("log(c0, c1)", {DOUBLE(), DOUBLE()}, {Value(), 8.0}), Value());
}

TEST_F(MathFunctionsTest, constantsAndPredicates) {
  EXPECT_EQ(eval("pi()"), Value(M_PI));
  EXPECT_EQ(eval("e()"), Value(M_E));
  EXPECT_EQ(eval("is_nan(nan())"), Value(true));
  EXPECT_EQ(eval("is_finite(infinity())"), Value(false));
  EXPECT_EQ(eval("is_infinite(c0)", {DOUBLE()}, {-std::numeric_limits<double>::infinity()}), Value(true));
  auto random = eval("random()").as<double>();
  EXPECT_GE(random, 0.0);
  EXPECT_LT(random, 1.0);
  EXPECT_LT(eval("random(10)").as<int64_t>(), 10);
  auto rand = eval("rand()").as<double>();
  EXPECT_GE(rand, 0.0);
  EXPECT_LT(rand, 1.0);
}

TEST_F(MathFunctionsTest, modGreatestLeast) {
  EXPECT_EQ(eval("mod(c0, 3)", {BIGINT()}, {int64_t{-7}}), Value(int64_t{-1}));
  EXPECT_EQ(evalError("mod(c0, 0)", {BIGINT()}, {int64_t{7}}), "DIVISION_BY_ZERO");
  EXPECT_EQ(eval("greatest(c0, 3, 9)", {BIGINT()}, {int64_t{5}}), Value(int64_t{9}));
  EXPECT_EQ(eval("least(c0, 3, 9)", {BIGINT()}, {int64_t{5}}), Value(int64_t{3}));
  EXPECT_EQ(eval("greatest(c0, 'b')", {VARCHAR()}, {"a"}), Value("b"));
  EXPECT_EQ(eval("least(c0, 2)", {BIGINT()}, {Value()}), Value());
  EXPECT_EQ(evalError("greatest(c0, 1e0)", {DOUBLE()}, {std::nan("")}), "INVALID_FUNCTION_ARGUMENT");
}

TEST_F(MathFunctionsTest, basesAndBuckets) {
  EXPECT_EQ(eval("to_base(c0, 16)", {BIGINT()}, {int64_t{255}}), Value("ff"));
  EXPECT_EQ(eval("to_base(c0, 2)", {BIGINT()}, {int64_t{-5}}), Value("-101"));
  EXPECT_EQ(eval("from_base(c0, 16)", {VARCHAR()}, {"ff"}), Value(int64_t{255}));
  EXPECT_EQ(evalError("from_base(c0, 2)", {VARCHAR()}, {"12"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(evalError("to_base(c0, 1)", {BIGINT()}, {int64_t{5}}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("width_bucket(c0, 0e0, 10e0, 5)", {DOUBLE()}, {3.0}), Value(int64_t{2}));
  EXPECT_EQ(eval("width_bucket(c0, 0e0, 10e0, 5)", {DOUBLE()}, {-1.0}), Value(int64_t{0}));
  EXPECT_EQ(eval("width_bucket(c0, 0e0, 10e0, 5)", {DOUBLE()}, {10.0}), Value(int64_t{6}));
}

} // namespace
} // namespace presto::test
