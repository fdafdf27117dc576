#include <cmath>

#include "AggregateTestBase.h"

namespace presto::test {
namespace {

class StatisticalAggregatesTest : public AggregateTestBase {
 protected:
  /// `name(c0)` over doubles, as a double (NaN for NULL).
  double ofDoubles(const std::string& name, const std::vector<Value>& values) {
    auto result = aggregate(name, DOUBLE(), values);
    return result.isNull() ? std::nan("") : result.as<double>();
  }
  /// `name(y, x)` over (y, x) pairs.
  Value ofPairs(const std::string& name, const std::vector<std::vector<Value>>& pairs) {
    return aggregateRows(name, {DOUBLE(), DOUBLE()}, pairs);
  }
};

const std::vector<Value> kEightValues{2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0};  // mean 5, squared deviations 32

TEST_F(StatisticalAggregatesTest, varianceAndStandardDeviation) {
  EXPECT_DOUBLE_EQ(ofDoubles("var_pop", kEightValues), 4.0);
  EXPECT_DOUBLE_EQ(ofDoubles("stddev_pop", kEightValues), 2.0);
  EXPECT_DOUBLE_EQ(ofDoubles("var_samp", kEightValues), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(ofDoubles("variance", kEightValues), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(ofDoubles("stddev_samp", kEightValues), std::sqrt(32.0 / 7.0));
  EXPECT_DOUBLE_EQ(ofDoubles("stddev", kEightValues), std::sqrt(32.0 / 7.0));
  // bigint 1..4 with a NULL: mean 2.5, squared deviations 5.
  std::vector<Value> integers{int64_t{1}, Value(), int64_t{2}, int64_t{3}, int64_t{4}};
  EXPECT_DOUBLE_EQ(aggregate("var_samp", BIGINT(), integers).as<double>(), 5.0 / 3.0);
  EXPECT_DOUBLE_EQ(aggregate("stddev_pop", BIGINT(), integers).as<double>(), std::sqrt(1.25));
  EXPECT_EQ(resultType("stddev", {INTEGER()})->toString(), "double");
  EXPECT_EQ(resultType("variance", {REAL()})->toString(), "double");
}

TEST_F(StatisticalAggregatesTest, varianceOfFewRows) {
  for (const char* name : {"stddev", "stddev_samp", "variance", "var_samp"}) {
    EXPECT_EQ(aggregate(name, DOUBLE(), {3.5}), Value()) << name;
    EXPECT_EQ(aggregate(name, DOUBLE(), {Value(), 3.5, Value()}), Value()) << name;
  }
  EXPECT_EQ(aggregate("var_pop", DOUBLE(), {3.5}), Value(0.0));
  EXPECT_EQ(aggregate("stddev_pop", DOUBLE(), {3.5}), Value(0.0));
  for (const char* name : {"stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop"}) {
    EXPECT_EQ(aggregate(name, DOUBLE(), {}), Value()) << name;
    EXPECT_EQ(aggregate(name, BIGINT(), {Value(), Value()}), Value()) << name;
  }
}

TEST_F(StatisticalAggregatesTest, varianceIsStableForLargeOffsets) {
  // 1e9 + {4, 7, 13, 16}: variance 30 exactly; a sum of squares would lose it.
  std::vector<Value> shifted{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
  EXPECT_NEAR(ofDoubles("var_samp", shifted), 30.0, 1e-6);
}

TEST_F(StatisticalAggregatesTest, covarianceCorrelationRegression) {
  // y = 2x + 1 for x = 1..4: var_pop(x) = 1.25, var_samp(x) = 5/3.
  std::vector<std::vector<Value>> line{{3.0, 1.0}, {5.0, 2.0}, {Value(), 9.0}, {7.0, 3.0}, {9.0, 4.0}, {1.0, Value()}};
  EXPECT_DOUBLE_EQ(ofPairs("covar_pop", line).as<double>(), 2.5);
  EXPECT_DOUBLE_EQ(ofPairs("covar_samp", line).as<double>(), 10.0 / 3.0);
  EXPECT_DOUBLE_EQ(ofPairs("corr", line).as<double>(), 1.0);
  EXPECT_DOUBLE_EQ(ofPairs("regr_slope", line).as<double>(), 2.0);
  EXPECT_NEAR(ofPairs("regr_intercept", line).as<double>(), 1.0, 1e-12);
  std::vector<std::vector<Value>> falling{{-1.0, 1.0}, {-2.0, 2.0}, {-3.0, 3.0}};
  EXPECT_DOUBLE_EQ(ofPairs("corr", falling).as<double>(), -1.0);
  // bigint arguments coerce to double.
  EXPECT_DOUBLE_EQ(aggregateRows("covar_pop", {BIGINT(), BIGINT()}, {{1.0, 1.0}, {3.0, 3.0}}).as<double>(), 1.0);
}

TEST_F(StatisticalAggregatesTest, covarianceUndefinedCasesAreNull) {
  EXPECT_EQ(ofPairs("covar_samp", {{1.0, 2.0}}), Value());
  EXPECT_EQ(ofPairs("covar_pop", {{1.0, 2.0}}), Value(0.0));
  EXPECT_EQ(ofPairs("corr", {{1.0, 2.0}}), Value());
  // A constant x has no correlation and no regression line.
  std::vector<std::vector<Value>> constantX{{1.0, 5.0}, {2.0, 5.0}, {3.0, 5.0}};
  EXPECT_EQ(ofPairs("corr", constantX), Value());
  EXPECT_EQ(ofPairs("regr_slope", constantX), Value());
  EXPECT_EQ(ofPairs("regr_intercept", constantX), Value());
  for (const char* name : {"covar_samp", "covar_pop", "corr", "regr_slope", "regr_intercept"}) {
    EXPECT_EQ(ofPairs(name, {}), Value()) << name;
    EXPECT_EQ(ofPairs(name, {{Value(), 1.0}, {1.0, Value()}}), Value()) << name;
  }
}

TEST_F(StatisticalAggregatesTest, geometricMean) {
  EXPECT_NEAR(ofDoubles("geometric_mean", {1.0, 4.0, Value(), 16.0}), 4.0, 1e-12);
  EXPECT_NEAR(aggregate("geometric_mean", BIGINT(), {int64_t{2}, int64_t{8}}).as<double>(), 4.0, 1e-12);
  EXPECT_EQ(aggregate("geometric_mean", DOUBLE(), {}), Value());
  auto real = aggregate("geometric_mean", REAL(), {2.0f, 8.0f});
  EXPECT_NEAR(real.as<float>(), 4.0f, 1e-5f);
  EXPECT_TRUE(std::isnan(ofDoubles("geometric_mean", {-1.0, 4.0})));
}

} // namespace
} // namespace presto::test
