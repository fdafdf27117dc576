#include <gtest/gtest.h>

#include "OptimizerTestEnvironment.h"
#include "sql/optimizer/NodeSymbols.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/PlanPrinter.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/TableScanNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::sql::test {
namespace {

/// Whether the node produces at most one row by construction (the scalar side of a cross join).
bool isSingleRow(const PlanNode& node) {
  if (node.as<EnforceSingleRowNode>()) {
    return true;
  }
  if (auto aggregation = node.as<AggregationNode>()) {
    return aggregation->groupingKeys().empty();
  }
  if (auto values = node.as<ValuesNode>()) {
    return values->rows().size() <= 1;
  }
  return node.as<ProjectNode>() && isSingleRow(*node.source());
}

/// Problems of an optimized plan: remaining subquery nodes, cross joins of two multi-row inputs,
/// and table scans reading a column that the node above does not use.
void checkPlan(const PlanNode& node, const PlanNode* parent, std::vector<std::string>& problems) {
  auto name = node.name();
  if (name == "Apply" || name == "LateralJoin" || name == "Intersect" || name == "Except") {
    problems.push_back(name + " remains");
  }
  if (auto join = node.as<JoinNode>(); join && join->criteria().empty() && !isSingleRow(*join->left()) &&
      !isSingleRow(*join->right())) {
    problems.push_back("join without criteria: " + join->details());
  }
  if (node.as<TableScanNode>() && parent && node.outputSymbols().size() > 1) {
    auto read = symbolsReadBy(*parent);
    auto passed = namesOf(parent->outputSymbols());
    for (const auto& symbol : node.outputSymbols()) {
      if (read.count(symbol->name()) == 0 && passed.count(symbol->name()) == 0) {
        problems.push_back("unpruned column " + symbol->name());
      }
    }
  }
  for (const auto& source : node.sources()) {
    checkPlan(*source, &node, problems);
  }
}

class TpchOptimizerTest : public testing::TestWithParam<int> {};

TEST_P(TpchOptimizerTest, decorrelatedJoinedAndPruned) {
  OptimizerTestEnvironment environment;
  auto plan = environment.optimize(tpchQuery(GetParam()));
  std::vector<std::string> problems;
  checkPlan(*plan, nullptr, problems);
  EXPECT_TRUE(problems.empty()) << testing::PrintToString(problems) << "\n" << printPlan(*plan);
}

INSTANTIATE_TEST_SUITE_P(AllQueries, TpchOptimizerTest, testing::Range(1, 23),
    [](const testing::TestParamInfo<int>& info) { return "q" + std::to_string(info.param); });

} // namespace
} // namespace presto::sql::test
