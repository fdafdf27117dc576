#include <gtest/gtest.h>

#include <algorithm>

#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"

namespace presto::exec::test {
namespace {

using Row = std::vector<Value>;

/// Input columns: k bigint (NULLs), s varchar, b boolean, d double (NULLs), v bigint (NULLs),
/// flag boolean (a FILTER mask).
const std::vector<TypePtr> kTypes{BIGINT(), VARCHAR(), BOOLEAN(), DOUBLE(), BIGINT(), BOOLEAN()};

/// `count` rows with about `numGroups` distinct (k, s, b, d) combinations, sorted on `keys`
/// (NULLs first), so that rows of one group are adjacent.
std::vector<Row> sortedInput(int64_t count, int64_t numGroups, const std::vector<int32_t>& keys) {
  std::vector<Row> rows;
  for (int64_t i = 0; i < count; ++i) {
    int64_t group = i * 7919 % numGroups;
    Value key = group % 13 == 4 ? Value::null() : Value(group);
    Value text = Value("s" + std::to_string(group % 7));
    Value flag = Value(group % 2 == 0);
    Value real = group % 9 == 2 ? Value::null() : Value(static_cast<double>(group % 5) / 4);
    Value value = i % 11 == 3 ? Value::null() : Value(i % 101 - 50);
    rows.push_back({key, text, flag, real, value, Value(i % 3 == 0)});
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& left, const Row& right) {
    for (auto key : keys) {
      const auto& a = left[static_cast<size_t>(key)];
      const auto& b = right[static_cast<size_t>(key)];
      if (a.isNull() || b.isNull()) {
        if (a.isNull() != b.isNull()) {
          return a.isNull();
        }
        continue;
      }
      if (int cmp = compareValues(*kTypes[static_cast<size_t>(key)], a, b); cmp != 0) {
        return cmp < 0;
      }
    }
    return false;
  });
  return rows;
}

std::vector<AggregateCall> basicAggregates() {
  return {aggregate("sum", {4}, BIGINT()), aggregate("count", {4}, BIGINT()), aggregate("count", {}, BIGINT()),
      aggregate("min", {4}, BIGINT()), aggregate("max", {4}, BIGINT()), aggregate("avg", {4}, BIGINT()),
      aggregate("min", {1}, VARCHAR()), aggregate("max", {1}, VARCHAR()), aggregate("sum", {4}, BIGINT(), 5)};
}

/// The operator types of every pipeline of the last run of `runner`.
std::vector<std::string> operatorTypes(const QueryRunner& runner) {
  std::vector<std::string> types;
  for (const auto& pipeline : runner.task()->stats().pipelines) {
    for (const auto& op : pipeline.operators) {
      types.push_back(op.operatorType);
    }
  }
  return types;
}

bool ranOperator(const QueryRunner& runner, const std::string& type) {
  auto types = operatorTypes(runner);
  return std::find(types.begin(), types.end(), type) != types.end();
}

/// Runs a single-step aggregation on `keys` over `input` (pages of `pageRows`) both streaming and
/// hashing, and expects the same rows.
void checkAgainstHash(const std::vector<Row>& input, const std::vector<int32_t>& keys, size_t pageRows) {
  auto pages = makePages(kTypes, input, pageRows);
  auto streaming = PlanBuilder().values(pages).singleAggregation(keys, basicAggregates(), keys).planNode();
  auto hashed = PlanBuilder().values(pages).singleAggregation(keys, basicAggregates()).planNode();
  QueryRunner streamingRunner(streaming);
  QueryRunner hashRunner(hashed);
  auto actual = streamingRunner.rows();
  auto expected = hashRunner.rows();
  EXPECT_TRUE(ranOperator(streamingRunner, "StreamingAggregation"));
  EXPECT_TRUE(ranOperator(hashRunner, "HashAggregation"));
  EXPECT_FALSE(expected.empty());
  assertSameRows(streaming->outputTypes(), actual, expected);
}

TEST(StreamingAggregationTest, bigintKeyWithNulls) {
  checkAgainstHash(sortedInput(10'000, 97, {0}), {0}, 1000);
}

TEST(StreamingAggregationTest, multipleKeysOfSeveralTypes) {
  std::vector<int32_t> keys{1, 0, 2, 3};
  checkAgainstHash(sortedInput(8'000, 300, keys), keys, 700);
  // A different key order is another grouping of the same rows.
  std::vector<int32_t> reordered{3, 2, 1};
  checkAgainstHash(sortedInput(8'000, 300, reordered), reordered, 333);
}

TEST(StreamingAggregationTest, groupsSpanningManyPages) {
  // Three groups of thousands of rows each over pages of 64 rows; then a single group.
  checkAgainstHash(sortedInput(10'000, 3, {0}), {0}, 64);
  checkAgainstHash(sortedInput(5'000, 1, {0, 1}), {0, 1}, 100);
  // One-row pages: every group boundary falls between pages.
  checkAgainstHash(sortedInput(500, 40, {1}), {1}, 1);
}

TEST(StreamingAggregationTest, emptyInput) {
  auto plan = PlanBuilder()
                  .values({makePage(kTypes, {})})
                  .singleAggregation({0}, basicAggregates(), {0})
                  .planNode();
  QueryRunner runner(plan);
  EXPECT_TRUE(runner.rows().empty());
  EXPECT_TRUE(ranOperator(runner, "StreamingAggregation"));
}

TEST(StreamingAggregationTest, partialAndFinalSteps) {
  std::vector<int32_t> keys{0, 1};
  auto input = sortedInput(10'000, 200, keys);
  auto pages = makePages(kTypes, input, 512);
  auto calls = basicAggregates();
  std::vector<AggregateCall> finals;
  for (size_t i = 0; i < calls.size(); ++i) {
    finals.push_back(finalAggregate(calls[i], static_cast<int32_t>(keys.size() + i)));
  }
  auto expected = QueryRunner(PlanBuilder().values(pages).singleAggregation(keys, calls).planNode()).rows();

  // Both steps stream in one driver: the partial output is still grouped.
  auto streamed = PlanBuilder()
                      .values(pages)
                      .aggregation(AggregationStep::kPartial, keys, calls, keys)
                      .aggregation(AggregationStep::kFinal, {0, 1}, finals, {0, 1})
                      .planNode();
  QueryRunner streamedRunner(streamed);
  assertSameRows(streamed->outputTypes(), streamedRunner.rows(), expected);
  auto types = operatorTypes(streamedRunner);
  EXPECT_EQ(std::count(types.begin(), types.end(), "StreamingAggregation"), 2);
  EXPECT_FALSE(ranOperator(streamedRunner, "HashAggregation"));

  // In two drivers (each reading all pages) the partial step streams per driver and the final
  // step, after a repartition, hashes.
  auto parallel = PlanBuilder()
                      .values(pages, true)
                      .aggregation(AggregationStep::kPartial, keys, calls, keys)
                      .aggregation(AggregationStep::kFinal, {0, 1}, finals, {0, 1})
                      .planNode();
  auto doubled = input;
  doubled.insert(doubled.end(), input.begin(), input.end());
  auto doubledExpected = QueryRunner(
      PlanBuilder().values(makePages(kTypes, doubled, 512)).singleAggregation(keys, calls).planNode()).rows();
  QueryRunner parallelRunner(parallel);
  parallelRunner.concurrency(2);
  assertSameRows(parallel->outputTypes(), parallelRunner.rows(), doubledExpected);
  EXPECT_TRUE(ranOperator(parallelRunner, "StreamingAggregation"));
  EXPECT_TRUE(ranOperator(parallelRunner, "HashAggregation"));
}

/// Peak memory of the aggregation operator of a run over `numGroups` one-row groups.
int64_t aggregationPeakMemory(int64_t numGroups, bool streaming) {
  std::vector<Row> rows;
  for (int64_t i = 0; i < numGroups; ++i) {
    rows.push_back({Value(i), Value("group-" + std::to_string(i % 1000)), Value(i % 2 == 0), Value(0.5),
        Value(i), Value(true)});
  }
  std::vector<int32_t> keys{0, 1};
  auto plan = PlanBuilder()
                  .values(makePages(kTypes, rows, 1024))
                  .singleAggregation(keys, basicAggregates(), streaming ? keys : std::vector<int32_t>{})
                  .planNode();
  QueryRunner runner(plan);
  EXPECT_EQ(static_cast<int64_t>(runner.rows().size()), numGroups);
  std::string type = streaming ? "StreamingAggregation" : "HashAggregation";
  for (const auto& pipeline : runner.task()->stats().pipelines) {
    for (const auto& op : pipeline.operators) {
      if (op.operatorType == type) {
        return op.peakMemoryBytes;
      }
    }
  }
  ADD_FAILURE() << "no " << type << " operator ran";
  return 0;
}

TEST(StreamingAggregationTest, memoryDoesNotGrowWithGroups) {
  auto fewGroups = aggregationPeakMemory(2'000, true);
  auto manyGroups = aggregationPeakMemory(200'000, true);
  auto hashed = aggregationPeakMemory(200'000, false);
  RecordProperty("streamingPeakBytes2kGroups", std::to_string(fewGroups));
  RecordProperty("streamingPeakBytes200kGroups", std::to_string(manyGroups));
  RecordProperty("hashPeakBytes200kGroups", std::to_string(hashed));
  EXPECT_GT(fewGroups, 0);
  // The streaming operator holds at most one page of groups, whatever their number.
  EXPECT_LE(manyGroups, fewGroups);
  EXPECT_LT(manyGroups, 1 << 20);
  EXPECT_GT(hashed, 10 * manyGroups);
}

TEST(StreamingAggregationTest, plannerChoosesStreamingOnlyWhenAllKeysArePreGrouped) {
  auto pages = makePages(kTypes, sortedInput(2'000, 50, {0, 1}), 300);
  auto run = [&](const PlanNodePtr& plan, int32_t concurrency) {
    QueryRunner runner(plan);
    runner.concurrency(concurrency).rows();
    return operatorTypes(runner);
  };
  auto contains = [](const std::vector<std::string>& types, const std::string& type) {
    return std::find(types.begin(), types.end(), type) != types.end();
  };
  // All grouping keys pre-grouped (in any order): streaming.
  auto all = run(PlanBuilder().values(pages).singleAggregation({0, 1}, basicAggregates(), {1, 0}).planNode(), 1);
  EXPECT_TRUE(contains(all, "StreamingAggregation"));
  EXPECT_FALSE(contains(all, "HashAggregation"));
  // Only a prefix pre-grouped, none, or a DISTINCT aggregate: hashing.
  auto prefix = run(PlanBuilder().values(pages).singleAggregation({0, 1}, basicAggregates(), {0}).planNode(), 1);
  EXPECT_TRUE(contains(prefix, "HashAggregation"));
  EXPECT_FALSE(contains(prefix, "StreamingAggregation"));
  auto distinct = run(PlanBuilder()
                          .values(pages)
                          .singleAggregation({0}, {aggregate("count", {4}, BIGINT(), -1, true)}, {0})
                          .planNode(),
      1);
  EXPECT_TRUE(contains(distinct, "HashAggregation"));
  // A single step over several drivers: a group may reach several drivers, so hashing after a
  // repartition.
  auto parallel = run(PlanBuilder().values(pages, true).singleAggregation({0}, basicAggregates(), {0}).planNode(), 2);
  EXPECT_TRUE(contains(parallel, "HashAggregation"));
  EXPECT_FALSE(contains(parallel, "StreamingAggregation"));
}

} // namespace
} // namespace presto::exec::test
