#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include "exec/aggregation/RegistryAggregateResolver.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"

namespace presto::exec::test {
namespace {

using Row = std::vector<Value>;

/// Reference aggregation computed row by row over Values.
struct NaiveAggregate {
  std::string function;
  int32_t input = -1;
  int32_t mask = -1;
  bool distinct = false;
};

std::vector<Row> naiveAggregation(const std::vector<Row>& input, const std::vector<int32_t>& keys,
    const std::vector<NaiveAggregate>& aggregates, const std::vector<TypePtr>& inputTypes) {
  std::map<std::string, std::vector<const Row*>> groups;
  std::map<std::string, Row> groupKeys;
  for (const auto& row : input) {
    std::string name;
    Row keyValues;
    for (auto key : keys) {
      name += row[static_cast<size_t>(key)].toString(*inputTypes[static_cast<size_t>(key)]) + "\x1f";
      keyValues.push_back(row[static_cast<size_t>(key)]);
    }
    groups[name].push_back(&row);
    groupKeys[name] = keyValues;
  }
  if (keys.empty() && groups.empty()) {
    groups[""] = {};
    groupKeys[""] = {};
  }
  std::vector<Row> result;
  for (const auto& [name, rows] : groups) {
    Row output = groupKeys[name];
    for (const auto& aggregate : aggregates) {
      std::vector<Value> values;
      std::set<std::string> seen;
      for (const Row* row : rows) {
        if (aggregate.mask >= 0) {
          const auto& mask = (*row)[static_cast<size_t>(aggregate.mask)];
          if (mask.isNull() || !mask.as<bool>()) {
            continue;
          }
        }
        if (aggregate.input < 0) {
          values.push_back(Value(int64_t{1}));
          continue;
        }
        const auto& value = (*row)[static_cast<size_t>(aggregate.input)];
        if (value.isNull()) {
          continue;
        }
        if (aggregate.distinct && !seen.insert(value.toString(*inputTypes[static_cast<size_t>(aggregate.input)])).second) {
          continue;
        }
        values.push_back(value);
      }
      if (aggregate.function == "count") {
        output.push_back(Value(static_cast<int64_t>(values.size())));
      } else if (values.empty()) {
        output.push_back(Value::null());
      } else if (aggregate.function == "sum") {
        int64_t sum = 0;
        for (const auto& value : values) {
          sum += value.as<int64_t>();
        }
        output.push_back(Value(sum));
      } else if (aggregate.function == "avg") {
        double sum = 0;
        for (const auto& value : values) {
          sum += static_cast<double>(value.as<int64_t>());
        }
        output.push_back(Value(sum / static_cast<double>(values.size())));
      } else {
        const auto& type = *inputTypes[static_cast<size_t>(aggregate.input)];
        Value best = values[0];
        for (const auto& value : values) {
          int cmp = compareValues(type, value, best);
          if (aggregate.function == "min" ? cmp < 0 : cmp > 0) {
            best = value;
          }
        }
        output.push_back(best);
      }
    }
    result.push_back(std::move(output));
  }
  return result;
}

/// Rows (k bigint with NULLs, s varchar, v bigint with NULLs, flag boolean).
std::vector<Row> makeInput(int64_t count, int64_t numKeys, int64_t keyStride = 1) {
  std::vector<Row> rows;
  for (int64_t i = 0; i < count; ++i) {
    Value key = i % 17 == 5 ? Value::null() : Value((i * 7919 % numKeys) * keyStride);
    Value text = Value("g" + std::to_string(i % 5));
    Value value = i % 11 == 3 ? Value::null() : Value(i % 101 - 50);
    rows.push_back({key, text, value, Value(i % 3 == 0)});
  }
  return rows;
}

const std::vector<TypePtr> kInputTypes{BIGINT(), VARCHAR(), BIGINT(), BOOLEAN()};

std::vector<TypePtr> outputTypes(const PlanNodePtr& plan) {
  return plan->outputTypes();
}

void checkAggregation(const std::vector<Row>& input, const std::vector<int32_t>& keys,
    const std::vector<NaiveAggregate>& naive, int32_t concurrency, bool partialFinal, int64_t maxPartialGroups = 0) {
  std::vector<AggregateCall> calls;
  for (const auto& aggregate : naive) {
    calls.push_back(aggregate.input < 0 ? test::aggregate(aggregate.function, {}, BIGINT(), aggregate.mask)
                                        : test::aggregate(aggregate.function, {aggregate.input},
                                              kInputTypes[static_cast<size_t>(aggregate.input)], aggregate.mask,
                                              aggregate.distinct));
  }
  PlanBuilder builder;
  builder.values(makePages(kInputTypes, input, 1000), concurrency > 1);
  if (partialFinal) {
    builder.partialFinalAggregation(keys, calls);
  } else {
    builder.singleAggregation(keys, calls);
  }
  auto plan = builder.planNode();
  auto expected = naiveAggregation(input, keys, naive, kInputTypes);
  if (concurrency > 1) {
    // Parallel values produce the input once per driver.
    std::vector<Row> doubled = input;
    doubled.insert(doubled.end(), input.begin(), input.end());
    expected = naiveAggregation(doubled, keys, naive, kInputTypes);
  }
  TaskConfig config;
  config.concurrency = concurrency;
  if (maxPartialGroups > 0) {
    config.maxPartialAggregationGroups = maxPartialGroups;
  }
  assertSameRows(outputTypes(plan), QueryRunner(plan).config(config).rows(), expected);
}

const std::vector<NaiveAggregate> kBasicAggregates{
    {"sum", 2}, {"count", 2}, {"count", -1}, {"min", 2}, {"max", 2}, {"avg", 2}, {"min", 1}, {"max", 1}};

TEST(AggregationTest, singleBigintKeyWithNulls) {
  checkAggregation(makeInput(10'000, 97), {0}, kBasicAggregates, 1, false);
}

TEST(AggregationTest, partialFinalInParallel) {
  checkAggregation(makeInput(10'000, 97), {0}, kBasicAggregates, 2, true);
}

TEST(AggregationTest, partialStepEmitsEarlyWhenItHoldsTooManyGroups) {
  // 2,000 groups through partial tables of at most 64: every group is emitted in many pieces
  // (increasing keys re-map a table, too), and the final step merges them.
  checkAggregation(makeInput(12'000, 2'000), {0}, kBasicAggregates, 2, true, 64);
  checkAggregation(makeInput(12'000, 2'000), {1, 0}, kBasicAggregates, 1, true, 64);
  checkAggregation(makeInput(20'000, 5'000, int64_t{1} << 30), {0}, {{"sum", 2}, {"count", -1}}, 2, true, 100);
}

TEST(AggregationTest, multipleKeysOfSeveralTypes) {
  checkAggregation(makeInput(8'000, 50), {1, 0, 3}, kBasicAggregates, 1, false);
  checkAggregation(makeInput(8'000, 50), {1, 0, 3}, kBasicAggregates, 2, true);
}

TEST(AggregationTest, varcharKeyOnly) {
  checkAggregation(makeInput(5'000, 50), {1}, {{"sum", 2}, {"count", -1}}, 1, false);
}

TEST(AggregationTest, wideKeyRangesRehash) {
  // Keys spread over a huge range leave the array mode; more distinct keys than one page.
  checkAggregation(makeInput(20'000, 5'000, 1'000'003), {0}, {{"sum", 2}, {"count", -1}}, 1, false);
  checkAggregation(makeInput(20'000, 5'000, int64_t{1} << 40), {0, 2}, {{"count", -1}}, 1, false);
}

TEST(AggregationTest, globalAggregation) {
  checkAggregation(makeInput(3'000, 10), {}, kBasicAggregates, 1, false);
  checkAggregation(makeInput(3'000, 10), {}, kBasicAggregates, 2, true);
}

TEST(AggregationTest, emptyInput) {
  PlanBuilder builder;
  builder.values({makePage(kInputTypes, {})});
  auto global = PlanBuilder().values({makePage(kInputTypes, {})})
                    .singleAggregation({}, {aggregate("count", {}, BIGINT()), aggregate("sum", {2}, BIGINT())})
                    .planNode();
  assertSameRows(global->outputTypes(), QueryRunner(global).rows(), {{Value(int64_t{0}), Value::null()}});
  auto grouped = PlanBuilder().values({makePage(kInputTypes, {})})
                     .singleAggregation({0}, {aggregate("count", {}, BIGINT())})
                     .planNode();
  EXPECT_TRUE(QueryRunner(grouped).rows().empty());
}

TEST(AggregationTest, distinctAndFilterMasks) {
  std::vector<NaiveAggregate> aggregates{{"count", 2, -1, true}, {"sum", 2, 3, false}, {"count", 2, 3, true},
      {"sum", 2, -1, true}, {"count", -1, 3, false}};
  checkAggregation(makeInput(6'000, 23), {0}, aggregates, 1, false);
  checkAggregation(makeInput(6'000, 23), {}, aggregates, 1, false);
}

TEST(AggregationTest, groupingSets) {
  auto input = makeInput(4'000, 13);
  // GROUPING SETS ((k), (s), ()) with count(*) and sum(v).
  auto plan = PlanBuilder()
                  .values(makePages(kInputTypes, input, 700))
                  .groupId({0, 1}, {{0}, {1}, {}}, {2})
                  .singleAggregation({0, 1, 3}, {aggregate("count", {}, BIGINT()), aggregate("sum", {2}, BIGINT())})
                  .planNode();
  std::vector<Row> expected;
  for (int64_t set = 0; set < 3; ++set) {
    std::vector<Row> projected;
    for (const auto& row : input) {
      projected.push_back({set == 0 ? row[0] : Value::null(), set == 1 ? row[1] : Value::null(), row[2], Value(set)});
    }
    auto part = naiveAggregation(projected, {0, 1, 3}, {{"count", -1}, {"sum", 2}}, {BIGINT(), VARCHAR(), BIGINT(), BIGINT()});
    expected.insert(expected.end(), part.begin(), part.end());
  }
  assertSameRows(plan->outputTypes(), QueryRunner(plan).rows(), expected);
}

TEST(AggregationTest, markDistinctAndDistinctLimit) {
  auto input = makeInput(3'000, 40);
  auto marked = PlanBuilder().values(makePages(kInputTypes, input, 500)).markDistinct({0, 1}).planNode();
  std::set<std::string> seen;
  std::vector<Row> expected;
  for (const auto& row : input) {
    auto key = row[0].toString(*BIGINT()) + "|" + row[1].toString(*VARCHAR());
    Row out = row;
    out.push_back(Value(seen.insert(key).second));
    expected.push_back(out);
  }
  assertSameRows(marked->outputTypes(), QueryRunner(marked).rows(), expected, true);

  auto limited = PlanBuilder().values(makePages(kInputTypes, input, 500)).distinctLimit({1}, 3).planNode();
  auto rows = QueryRunner(limited).rows();
  ASSERT_EQ(rows.size(), 3u);
  std::set<std::string> distinct;
  for (const auto& row : rows) {
    distinct.insert(row[0].as<std::string>());
  }
  EXPECT_EQ(distinct.size(), 3u);
}

TEST(AggregationTest, functionRegistryAggregates) {
  // The function module's aggregates, through the registry adapter, in partial and final steps.
  auto input = makeInput(10'000, 97);
  std::vector<AggregateCall> calls{registryAggregate("sum", {2}, {BIGINT()}), registryAggregate("count", {2}, {BIGINT()}),
      registryAggregate("count", {}, {}), registryAggregate("min", {1}, {VARCHAR()}),
      registryAggregate("max", {2}, {BIGINT()})};
  auto services = testServices();
  services.aggregates = std::make_shared<RegistryAggregateResolver>(testFunctions());
  auto expected = naiveAggregation(input, {0}, {{"sum", 2}, {"count", 2}, {"count", -1}, {"min", 1}, {"max", 2}}, kInputTypes);
  auto single = PlanBuilder().values(makePages(kInputTypes, input, 1000)).singleAggregation({0}, calls).planNode();
  assertSameRows(single->outputTypes(), QueryRunner(single).services(services).rows(), expected);
  auto split = PlanBuilder().values(makePages(kInputTypes, input, 1000)).partialFinalAggregation({0}, calls).planNode();
  assertSameRows(split->outputTypes(), QueryRunner(split).services(services).concurrency(2).rows(), expected);
}

} // namespace
} // namespace presto::exec::test
