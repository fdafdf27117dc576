#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"
#include "vector/VectorValues.h"

namespace presto::exec::test {
namespace {

using Row = std::vector<Value>;

const std::vector<TypePtr> kTypes{BIGINT(), VARCHAR(), DOUBLE()};

/// (group bigint with NULLs, name varchar with NULLs, score double) with ties.
std::vector<Row> makeRows(int64_t count) {
  std::vector<Row> rows;
  for (int64_t i = 0; i < count; ++i) {
    int64_t mixed = (i * 7919 + 13) % 10007;
    rows.push_back({mixed % 19 == 0 ? Value::null() : Value(mixed % 7),
        mixed % 23 == 0 ? Value::null() : Value("n" + std::to_string(mixed % 31)), Value(static_cast<double>(mixed % 50))});
  }
  return rows;
}

/// Reference comparison with SQL ordering rules.
int compareRows(const Row& left, const Row& right, const std::vector<SortKey>& keys) {
  for (const auto& key : keys) {
    const auto& a = left[static_cast<size_t>(key.channel)];
    const auto& b = right[static_cast<size_t>(key.channel)];
    if (a.isNull() || b.isNull()) {
      if (a.isNull() && b.isNull()) {
        continue;
      }
      return a.isNull() == key.order.nullsFirst ? -1 : 1;
    }
    int result = compareValues(*kTypes[static_cast<size_t>(key.channel)], a, b);
    if (result != 0) {
      return key.order.ascending ? result : -result;
    }
  }
  return 0;
}

std::vector<Row> sortedRows(std::vector<Row> rows, const std::vector<SortKey>& keys) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return compareRows(a, b, keys) < 0; });
  return rows;
}

/// Checks that `actual` is ordered by `keys` and has the rows of `expected`.
void checkSorted(const std::vector<Row>& actual, const std::vector<Row>& expected, const std::vector<SortKey>& keys) {
  assertSameRows(kTypes, actual, expected);
  for (size_t i = 1; i < actual.size(); ++i) {
    ASSERT_LE(compareRows(actual[i - 1], actual[i], keys), 0) << "row " << i;
  }
}

TEST(SortWindowTest, orderByNullsAndDirections) {
  auto rows = makeRows(5'000);
  std::vector<std::vector<SortKey>> orders{
      {{0, {true, false}}, {1, {false, true}}},
      {{2, {false, false}}, {0, {true, true}}, {1, {true, true}}},
      {{1, {true, false}}},
  };
  for (const auto& keys : orders) {
    for (int32_t concurrency : {1, 2}) {
      auto plan = PlanBuilder().values(makePages(kTypes, rows, 600), concurrency > 1).orderBy(keys).planNode();
      auto expected = rows;
      if (concurrency > 1) {
        expected.insert(expected.end(), rows.begin(), rows.end());
      }
      checkSorted(QueryRunner(plan).concurrency(concurrency).rows(), expected, keys);
    }
  }
}

TEST(SortWindowTest, emptyOrderBy) {
  auto plan = PlanBuilder().values({makePage(kTypes, {})}).orderBy({{0, {}}}).planNode();
  EXPECT_TRUE(QueryRunner(plan).rows().empty());
}

TEST(SortWindowTest, topN) {
  auto rows = makeRows(20'000);
  std::vector<SortKey> keys{{2, {false, false}}, {0, {true, false}}, {1, {true, true}}};
  for (int64_t count : {0, 1, 7, 1000, 30'000}) {
    for (int32_t concurrency : {1, 2}) {
      auto plan = PlanBuilder().values(makePages(kTypes, rows, 256), concurrency > 1).topN(keys, count).planNode();
      auto all = rows;
      if (concurrency > 1) {
        all.insert(all.end(), rows.begin(), rows.end());
      }
      auto sorted = sortedRows(all, keys);
      auto actual = QueryRunner(plan).concurrency(concurrency).rows();
      ASSERT_EQ(actual.size(), std::min<size_t>(sorted.size(), static_cast<size_t>(count)));
      for (size_t i = 0; i < actual.size(); ++i) {
        // Ties may come in any order: compare the sort keys only.
        ASSERT_EQ(compareRows(actual[i], sorted[i], keys), 0) << "row " << i;
      }
    }
  }
}

TEST(SortWindowTest, rowNumber) {
  auto rows = makeRows(4'000);
  auto plan = PlanBuilder().values(makePages(kTypes, rows, 500)).rowNumber({0}).planNode();
  std::map<std::string, int64_t> counts;
  std::vector<Row> expected;
  for (const auto& row : rows) {
    Row out = row;
    out.push_back(Value(++counts[row[0].toString(*BIGINT())]));
    expected.push_back(out);
  }
  assertSameRows(plan->outputTypes(), QueryRunner(plan).rows(), expected, true);

  auto limited = PlanBuilder().values(makePages(kTypes, rows, 500)).rowNumber({0}, 3).planNode();
  std::vector<Row> expectedLimited;
  for (const auto& row : expected) {
    if (row[3].as<int64_t>() <= 3) {
      expectedLimited.push_back(row);
    }
  }
  assertSameRows(limited->outputTypes(), QueryRunner(limited).rows(), expectedLimited, true);

  auto global = PlanBuilder().values(makePages(kTypes, rows, 500)).rowNumber({}, 10).planNode();
  EXPECT_EQ(QueryRunner(global).rows().size(), 10u);
}

TEST(SortWindowTest, topNRowNumber) {
  auto rows = makeRows(3'000);
  std::vector<SortKey> order{{2, {false, false}}, {1, {true, true}}};
  auto plan = PlanBuilder().values(makePages(kTypes, rows, 400)).topNRowNumber({0}, order, 4).planNode();
  auto actual = QueryRunner(plan).concurrency(2).rows();
  // Per partition: the row numbers are 1..min(4, size) and the rows are the partition's best.
  std::map<std::string, std::vector<Row>> partitions;
  for (const auto& row : rows) {
    partitions[row[0].toString(*BIGINT())].push_back(row);
  }
  size_t expectedCount = 0;
  for (auto& [key, members] : partitions) {
    expectedCount += std::min<size_t>(4, members.size());
  }
  ASSERT_EQ(actual.size(), expectedCount);
  for (const auto& row : actual) {
    auto sorted = sortedRows(partitions[row[0].toString(*BIGINT())], order);
    auto number = row[3].as<int64_t>();
    ASSERT_GE(number, 1);
    ASSERT_LE(number, 4);
    ASSERT_EQ(compareRows(row, sorted[static_cast<size_t>(number - 1)], order), 0);
  }
}

WindowFunctionCall windowCall(const std::string& name, std::vector<int32_t> inputs, TypePtr type, WindowFrame frame = {},
    int64_t constant = 1) {
  WindowFunctionCall call;
  call.function = name;
  call.inputs = std::move(inputs);
  call.resultType = std::move(type);
  call.frame = frame;
  call.constantArgument = constant;
  return call;
}

TEST(SortWindowTest, windowFunctions) {
  // Small partitions with ties, checked against hand-computed values.
  std::vector<Row> rows{
      {Value(int64_t{1}), Value("a"), Value(10.0)}, {Value(int64_t{1}), Value("b"), Value(20.0)},
      {Value(int64_t{1}), Value("c"), Value(20.0)}, {Value(int64_t{1}), Value("d"), Value(40.0)},
      {Value(int64_t{2}), Value("e"), Value(5.0)}, {Value::null(), Value("f"), Value(1.0)},
      {Value::null(), Value("g"), Value::null()}};
  WindowFrame rows1{WindowFrame::Type::kRows, WindowFrame::BoundType::kPreceding, 1,
      WindowFrame::BoundType::kFollowing, 1};
  WindowFrame range10{WindowFrame::Type::kRange, WindowFrame::BoundType::kPreceding, 10,
      WindowFrame::BoundType::kCurrentRow, 0};
  WindowFrame groups1{WindowFrame::Type::kGroups, WindowFrame::BoundType::kPreceding, 1,
      WindowFrame::BoundType::kCurrentRow, 0};
  WindowFrame whole{WindowFrame::Type::kRows, WindowFrame::BoundType::kUnboundedPreceding, 0,
      WindowFrame::BoundType::kUnboundedFollowing, 0};
  auto plan = PlanBuilder()
                  .values({makePage(kTypes, rows)})
                  .window({0}, {{2, {true, false}}},
                      {windowCall("row_number", {}, BIGINT()), windowCall("rank", {}, BIGINT()),
                          windowCall("dense_rank", {}, BIGINT()), windowCall("sum", {2}, DOUBLE()),
                          windowCall("sum", {2}, DOUBLE(), rows1), windowCall("sum", {2}, DOUBLE(), range10),
                          windowCall("count", {}, BIGINT(), groups1), windowCall("lag", {1}, VARCHAR()),
                          windowCall("last_value", {1}, VARCHAR(), whole), windowCall("ntile", {}, BIGINT(), {}, 3),
                          windowCall("cume_dist", {}, DOUBLE())})
                  .planNode();
  auto actual = QueryRunner(plan).rows();
  auto text = renderRows(plan->outputTypes(), actual);
  std::sort(text.begin(), text.end());
  std::vector<std::string> expected{
      // group 1 ordered by score: a(10) b(20) c(20) d(40)
      "1|a|10|1|1|1|10|30|10|1|NULL|d|1|0.25",
      "1|b|20|2|2|2|50|50|50|3|a|d|1|0.75",
      "1|c|20|3|2|2|50|80|50|3|b|d|2|0.75",
      "1|d|40|4|4|3|90|60|40|3|c|d|3|1",
      "2|e|5|1|1|1|5|5|5|1|NULL|e|1|1",
      // NULL partition ordered by score, NULL last: f(1), g(NULL)
      "NULL|f|1|1|1|1|1|1|1|1|NULL|g|1|0.5",
      "NULL|g|NULL|2|2|2|1|1|NULL|2|f|g|2|1",
  };
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(text, expected);
}

TEST(SortWindowTest, unnest) {
  auto arrays = vectorFromValues(ARRAY(BIGINT()),
      {Value::array({Value(int64_t{1}), Value(int64_t{2})}), Value::null(), Value::array({}),
          Value::array({Value(int64_t{3}), Value::null(), Value(int64_t{5})})});
  auto maps = vectorFromValues(MAP(VARCHAR(), BIGINT()),
      {Value::map({Value("x")}, {Value(int64_t{9})}), Value::map({Value("y"), Value("z")}, {Value(int64_t{8}), Value(int64_t{7})}),
          Value::null(), Value::map({}, {})});
  auto ids = vectorFromValues(BIGINT(), {Value(int64_t{10}), Value(int64_t{20}), Value(int64_t{30}), Value(int64_t{40})});
  auto plan = PlanBuilder().values({makePage({ids, arrays, maps})}).unnest({0}, {1, 2}, true).planNode();
  auto text = renderRows(plan->outputTypes(), QueryRunner(plan).rows());
  std::vector<std::string> expected{"10|1|x|9|1", "10|2|NULL|NULL|2", "20|NULL|y|8|1", "20|NULL|z|7|2",
      "40|3|NULL|NULL|1", "40|NULL|NULL|NULL|2", "40|5|NULL|NULL|3"};
  EXPECT_EQ(text, expected);
}

TEST(SortWindowTest, assignUniqueId) {
  auto rows = makeRows(5'000);
  auto plan = PlanBuilder().values(makePages(kTypes, rows, 300), true).assignUniqueId(7).planNode();
  auto actual = QueryRunner(plan).concurrency(2).rows();
  ASSERT_EQ(actual.size(), 10'000u);
  std::set<int64_t> ids;
  for (const auto& row : actual) {
    auto id = row[3].as<int64_t>();
    EXPECT_EQ(id >> 40, 7);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), actual.size());
}

} // namespace
} // namespace presto::exec::test
