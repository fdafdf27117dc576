#include <gtest/gtest.h>

#include "common/PrestoException.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"

namespace presto::exec::test {
namespace {

std::vector<std::vector<Value>> sequenceRows(int64_t count) {
  std::vector<std::vector<Value>> rows;
  for (int64_t i = 0; i < count; ++i) {
    rows.push_back({Value(i), i % 7 == 0 ? Value::null() : Value("s" + std::to_string(i % 13))});
  }
  return rows;
}

TEST(CoreTest, valuesPassThrough) {
  auto rows = sequenceRows(5000);
  auto plan = PlanBuilder().values(makePages({BIGINT(), VARCHAR()}, rows, 1000)).planNode();
  assertSameRows({BIGINT(), VARCHAR()}, QueryRunner(plan).rows(), rows, true);
}

TEST(CoreTest, limitAndOffset) {
  auto rows = sequenceRows(5000);
  auto plan = PlanBuilder().values(makePages({BIGINT(), VARCHAR()}, rows, 1000)).offset(1500).limit(2000).planNode();
  std::vector<std::vector<Value>> expected(rows.begin() + 1500, rows.begin() + 3500);
  assertSameRows({BIGINT(), VARCHAR()}, QueryRunner(plan).rows(), expected, true);
}

TEST(CoreTest, filterProject) {
  auto rows = sequenceRows(3000);
  PlanBuilder builder;
  builder.values(makePages({BIGINT(), VARCHAR()}, rows, 512));
  auto predicate = PlanBuilder::call("$operator$less_than", {builder.field(0), PlanBuilder::constant(Value(int64_t{100}), BIGINT())});
  auto doubled = PlanBuilder::call("$operator$multiply", {builder.field(0), PlanBuilder::constant(Value(int64_t{2}), BIGINT())});
  auto plan = builder.filterProject(predicate, {doubled, builder.field(1)}).planNode();
  std::vector<std::vector<Value>> expected;
  for (const auto& row : rows) {
    if (row[0].as<int64_t>() < 100) {
      expected.push_back({Value(row[0].as<int64_t>() * 2), row[1]});
    }
  }
  assertSameRows({BIGINT(), VARCHAR()}, QueryRunner(plan).rows(), expected, true);
}

TEST(CoreTest, enforceSingleRow) {
  auto one = PlanBuilder().values({makePage({BIGINT()}, {{Value(int64_t{42})}})}).enforceSingleRow().planNode();
  assertSameRows({BIGINT()}, QueryRunner(one).rows(), {{Value(int64_t{42})}});

  auto empty = PlanBuilder().values({makePage({BIGINT()}, {})}).enforceSingleRow().planNode();
  assertSameRows({BIGINT()}, QueryRunner(empty).rows(), {{Value::null()}});

  auto two = PlanBuilder().values({makePage({BIGINT()}, {{Value(int64_t{1})}, {Value(int64_t{2})}})}).enforceSingleRow().planNode();
  try {
    QueryRunner(two).run();
    FAIL() << "expected SUBQUERY_MULTIPLE_ROWS";
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode().name, "SUBQUERY_MULTIPLE_ROWS");
  }
}

} // namespace
} // namespace presto::exec::test
