#include <gtest/gtest.h>

#include "OptimizerTestEnvironment.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/PlanPrinter.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/TableScanNode.h"

namespace presto::sql::test {
namespace {

/// The join shape of a plan: `(probe * build)` per inner join, `semi(source, filtering)` per
/// semi join, `agg(...)` per grouped aggregation, table names for scans; other nodes are skipped.
std::string joinShape(const PlanNode& node) {
  if (auto scan = node.as<TableScanNode>()) {
    return scan->table()->name.object;
  }
  if (auto join = node.as<JoinNode>(); join && join->type() == JoinNode::Type::kInner) {
    return "(" + joinShape(*join->left()) + " * " + joinShape(*join->right()) + ")";
  }
  if (auto semiJoin = node.as<SemiJoinNode>()) {
    return "semi(" + joinShape(*semiJoin->source()) + ", " + joinShape(*semiJoin->filteringSource()) + ")";
  }
  std::string inner;
  for (const auto& source : node.sources()) {
    inner += (inner.empty() ? "" : ", ") + joinShape(*source);
  }
  if (auto aggregation = node.as<AggregationNode>(); aggregation && !aggregation->groupingKeys().empty()) {
    return "agg(" + inner + ")";
  }
  return inner;
}

/// How large a table of TPC-H is, in three classes: lineitem, orders, the rest.
int sizeRank(const std::string& table) {
  return table == "lineitem" ? 2 : table == "orders" ? 1 : 0;
}

/// The largest rank of the tables whose rows reach `node` one for one or multiplied: scans not
/// below a grouped aggregation, nor on the filtering side of a semi join.
int largestInputRank(const PlanNode& node) {
  if (auto scan = node.as<TableScanNode>()) {
    return sizeRank(scan->table()->name.object);
  }
  if (auto aggregation = node.as<AggregationNode>(); aggregation && !aggregation->groupingKeys().empty()) {
    return 0;
  }
  if (auto semiJoin = node.as<SemiJoinNode>()) {
    return largestInputRank(*semiJoin->source());
  }
  int rank = 0;
  for (const auto& source : node.sources()) {
    rank = std::max(rank, largestInputRank(*source));
  }
  return rank;
}

/// Inner joins whose build (right) side carries rows of a larger table than the probe side.
void collectLargeBuilds(const PlanNode& node, std::vector<std::string>& problems) {
  if (auto join = node.as<JoinNode>(); join && join->type() == JoinNode::Type::kInner &&
      largestInputRank(*join->right()) > largestInputRank(*join->left())) {
    problems.push_back(joinShape(node));
  }
  for (const auto& source : node.sources()) {
    collectLargeBuilds(*source, problems);
  }
}

class TpchJoinOrderTest : public testing::Test {
 protected:
  TpchJoinOrderTest() { environment_.session().setSchema("sf1"); }

  std::string shape(int query) { return joinShape(*environment_.optimize(tpchQuery(query))); }

  OptimizerTestEnvironment environment_;
};

class TpchLargestTableProbesTest : public testing::TestWithParam<int> {};

/// At sf1, lineitem (or orders where lineitem is absent) is never on the build side of an inner
/// join: the build side holds the smaller input.
TEST_P(TpchLargestTableProbesTest, largestTableOnProbeSide) {
  // q12's filters keep about 31K lineitem rows (1.5M orders): building on lineitem is right.
  if (GetParam() == 12) {
    GTEST_SKIP() << "filtered lineitem is the smaller input";
  }
  OptimizerTestEnvironment environment;
  environment.session().setSchema("sf1");
  auto plan = environment.optimize(tpchQuery(GetParam()));
  std::vector<std::string> problems;
  collectLargeBuilds(*plan, problems);
  EXPECT_TRUE(problems.empty()) << testing::PrintToString(problems) << "\n" << printPlan(*plan);
}

INSTANTIATE_TEST_SUITE_P(AllQueries, TpchLargestTableProbesTest, testing::Range(1, 23),
    [](const testing::TestParamInfo<int>& info) { return "q" + std::to_string(info.param); });

/// supplier meets the customer chain last, on both its keys, not first on the nation key alone.
TEST_F(TpchJoinOrderTest, q05) {
  EXPECT_EQ(shape(5), "agg(((lineitem * (orders * (customer * (nation * region)))) * supplier))");
}

/// lineitem probes every join; the two nations are separate relations.
TEST_F(TpchJoinOrderTest, q08) {
  EXPECT_EQ(shape(8), "agg((((lineitem * (orders * (customer * (nation * region)))) * part) * (supplier * nation)))");
}

/// lineitem probes; partsupp (800K rows) is built with supplier and nation, below lineitem's
/// joins with part and orders.
TEST_F(TpchJoinOrderTest, q09) {
  EXPECT_EQ(shape(9), "agg((((lineitem * part) * orders) * (partsupp * (supplier * nation))))");
}

/// The IN filter runs on orders, below the joins.
TEST_F(TpchJoinOrderTest, q18) {
  EXPECT_EQ(shape(18), "agg((lineitem * (semi(orders, agg(lineitem)) * customer)))");
}

} // namespace
} // namespace presto::sql::test
