#include "AggregateTestBase.h"

namespace presto::test {
namespace {

class CollectingAggregatesTest : public AggregateTestBase {};

TEST_F(CollectingAggregatesTest, arrayAggKeepsNullsAndOrder) {
  EXPECT_EQ(aggregate("array_agg", BIGINT(), {int64_t{3}, Value(), int64_t{1}, int64_t{3}}),
      Value::array({int64_t{3}, Value(), int64_t{1}, int64_t{3}}));
  EXPECT_EQ(aggregate("array_agg", VARCHAR(), {"a string longer than twelve bytes", "b"}),
      Value::array({"a string longer than twelve bytes", "b"}));
  EXPECT_EQ(aggregate("array_agg", BIGINT(), {}), Value());
  EXPECT_EQ(aggregate("array_agg", BIGINT(), {Value()}), Value::array({Value()}));
  EXPECT_EQ(aggregate("array_agg", ARRAY(BIGINT()), {Value::array({int64_t{1}}), Value::array({})}),
      Value::array({Value::array({int64_t{1}}), Value::array({})}));
  EXPECT_EQ(resultType("array_agg", {DECIMAL(10, 2)})->toString(), "array(decimal(10,2))");
}

TEST_F(CollectingAggregatesTest, maxByAndMinBy) {
  std::vector<std::vector<Value>> rows{{"a", int64_t{1}}, {"b", int64_t{3}}, {"x", Value()}, {"c", int64_t{2}}};
  std::vector<TypePtr> types{VARCHAR(), BIGINT()};
  EXPECT_EQ(aggregateRows("max_by", types, rows), Value("b"));
  EXPECT_EQ(aggregateRows("min_by", types, rows), Value("a"));
  // x may be NULL on the winning row.
  EXPECT_EQ(aggregateRows("max_by", types, {{"a", int64_t{1}}, {Value(), int64_t{5}}}), Value());
  EXPECT_EQ(aggregateRows("max_by", types, {}), Value());
  EXPECT_EQ(aggregateRows("max_by", types, {{"a", Value()}}), Value());
  // String keys and nested values.
  EXPECT_EQ(aggregateRows("min_by", {ARRAY(BIGINT()), VARCHAR()},
                {{Value::array({int64_t{1}}), "pear"}, {Value::array({int64_t{2}}), "apple"}}),
      Value::array({int64_t{2}}));
  EXPECT_EQ(aggregateRows("max_by", {DOUBLE(), DATE()}, {{1.5, int64_t{10}}, {2.5, int64_t{-3}}}), Value(1.5));
}

TEST_F(CollectingAggregatesTest, approxDistinctIsExactForFewValues) {
  EXPECT_EQ(aggregate("approx_distinct", BIGINT(), {int64_t{1}, int64_t{2}, Value(), int64_t{2}, int64_t{3}}), Value(int64_t{3}));
  EXPECT_EQ(aggregate("approx_distinct", VARCHAR(), {"a", "b", "a", "a string longer than twelve bytes"}), Value(int64_t{3}));
  EXPECT_EQ(aggregate("approx_distinct", DOUBLE(), {0.0, -0.0, 1.5}), Value(int64_t{2}));
  EXPECT_EQ(aggregate("approx_distinct", BIGINT(), {}), Value(int64_t{0}));
  EXPECT_EQ(aggregate("approx_distinct", BIGINT(), {Value()}), Value(int64_t{0}));
  EXPECT_EQ(aggregateRows("approx_distinct", {BIGINT(), DOUBLE()}, {{int64_t{1}, 0.1}, {int64_t{7}, 0.1}}), Value(int64_t{2}));
}

TEST_F(CollectingAggregatesTest, approxDistinctStaysWithinItsError) {
  std::vector<Value> values;
  for (int64_t i = 0; i < 20000; ++i) values.emplace_back(i * 7919 % 10007);  // 10007 distinct values
  auto estimate = static_cast<double>(aggregate("approx_distinct", BIGINT(), values).as<int64_t>());
  // Three standard errors of 0.023.
  EXPECT_NEAR(estimate, 10007.0, 10007.0 * 0.069);
  std::vector<std::vector<Value>> rows;
  for (const auto& value : values) rows.push_back({value, 0.0040625});
  auto precise = static_cast<double>(aggregateRows("approx_distinct", {BIGINT(), DOUBLE()}, rows).as<int64_t>());
  EXPECT_NEAR(precise, 10007.0, 10007.0 * 3 * 0.0040625);
  EXPECT_THROW(aggregateRows("approx_distinct", {BIGINT(), DOUBLE()}, {{int64_t{1}, 0.5}}), PrestoException);
}

TEST_F(CollectingAggregatesTest, mapAggAndHistogram) {
  std::vector<TypePtr> types{VARCHAR(), BIGINT()};
  // Keys come out in ascending order; a repeated key keeps its first value; NULL keys are skipped.
  EXPECT_EQ(aggregateRows("map_agg", types, {{"b", int64_t{2}}, {"a", Value()}, {Value(), int64_t{9}}, {"b", int64_t{3}}}),
      Value::map({"a", "b"}, {Value(), int64_t{2}}));
  EXPECT_EQ(aggregateRows("map_agg", types, {}), Value());
  EXPECT_EQ(resultType("map_agg", types)->toString(), "map(varchar,bigint)");
  EXPECT_EQ(aggregate("histogram", BIGINT(), {int64_t{5}, int64_t{1}, Value(), int64_t{5}, int64_t{5}}),
      Value::map({int64_t{1}, int64_t{5}}, {int64_t{1}, int64_t{3}}));
  EXPECT_EQ(aggregate("histogram", VARCHAR(), {Value()}), Value());
  EXPECT_EQ(resultType("histogram", {DATE()})->toString(), "map(date,bigint)");
}

TEST_F(CollectingAggregatesTest, approxPercentileIsExactNearestRank) {
  std::vector<std::vector<Value>> rows;
  for (int64_t i = 10; i >= 1; --i) rows.push_back({i, 0.5});
  rows.push_back({Value(), 0.5});
  std::vector<TypePtr> types{BIGINT(), DOUBLE()};
  // 1..10: the median is the 5th value; p = 0.95 needs 9.5 values, so the 10th.
  EXPECT_EQ(aggregateRows("approx_percentile", types, rows), Value(int64_t{5}));
  for (auto& row : rows) row[1] = 0.95;
  EXPECT_EQ(aggregateRows("approx_percentile", types, rows), Value(int64_t{10}));
  for (auto& row : rows) row[1] = 0.0;
  EXPECT_EQ(aggregateRows("approx_percentile", types, rows), Value(int64_t{1}));
  std::vector<std::vector<Value>> doubles{{2.5, Value::array({0.25, 1.0})}, {0.5, Value::array({0.25, 1.0})}, {1.5, Value::array({0.25, 1.0})}};
  EXPECT_EQ(aggregateRows("approx_percentile", {DOUBLE(), ARRAY(DOUBLE())}, doubles), Value::array({0.5, 2.5}));
  EXPECT_EQ(resultType("approx_percentile", {INTEGER(), DOUBLE()})->toString(), "bigint");
  EXPECT_EQ(aggregateRows("approx_percentile", types, {}), Value());
  EXPECT_THROW(aggregateRows("approx_percentile", types, {{int64_t{1}, 1.5}}), PrestoException);
}

TEST_F(CollectingAggregatesTest, bitwiseAggregates) {
  EXPECT_EQ(aggregate("bitwise_and_agg", BIGINT(), {int64_t{12}, Value(), int64_t{10}}), Value(int64_t{8}));
  EXPECT_EQ(aggregate("bitwise_or_agg", BIGINT(), {int64_t{12}, Value(), int64_t{10}}), Value(int64_t{14}));
  EXPECT_EQ(aggregate("bitwise_and_agg", BIGINT(), {int64_t{-1}, int64_t{5}}), Value(int64_t{5}));
  EXPECT_EQ(aggregate("bitwise_or_agg", BIGINT(), {int64_t{-8}, int64_t{3}}), Value(int64_t{-5}));
  EXPECT_EQ(aggregate("bitwise_and_agg", BIGINT(), {}), Value());
  EXPECT_EQ(aggregate("bitwise_or_agg", BIGINT(), {Value()}), Value());
}

} // namespace
} // namespace presto::test
