#include "sql/optimizer/PlanOptimizer.h"

#include "common/Check.h"
#include "sql/optimizer/IterativeOptimizer.h"
#include "sql/optimizer/JoinDistribution.h"
#include "sql/optimizer/JoinReordering.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/optimizer/PredicatePushdown.h"
#include "sql/optimizer/PruneUnusedColumns.h"
#include "sql/planner/ApplyNode.h"

namespace presto::sql {
namespace {

template <typename... Rules>
OptimizerPassPtr ruleSet(std::string name, Rules... rules) {
  std::vector<RulePtr> list;
  (list.push_back(std::move(rules)), ...);
  return std::make_unique<IterativeOptimizer>(std::move(name), std::move(list));
}

/// Rules that tidy the plan after every structural pass.
OptimizerPassPtr cleanup(std::string name) {
  return ruleSet(std::move(name), makeSimplifyExpressionsRule(), makeRemoveTrivialFiltersRule(), makeMergeFiltersRule(),
      makeMergeProjectionsRule(), makeRemoveIdentityProjectionsRule(), makeMergeLimitsRule());
}

std::vector<OptimizerPassPtr> passes() {
  std::vector<OptimizerPassPtr> list;
  list.push_back(cleanup("initial_cleanup"));
  list.push_back(ruleSet("set_operations", makeImplementIntersectAndExceptRule()));
  list.push_back(ruleSet("decorrelation", makeTransformUncorrelatedSubqueriesRule(),
      makeTransformCorrelatedSemiJoinRule(), makeTransformCorrelatedScalarAggregationRule(), makeMergeFiltersRule(),
      makeRemoveIdentityProjectionsRule()));
  list.push_back(makePredicatePushdownPass());
  // Semi joins are planned above the joins of their FROM clause; moved onto the input with their
  // keys, the filter on their output follows them there before the joins are ordered.
  list.push_back(ruleSet("semi_join_pushdown", makePushSemiJoinThroughJoinRule()));
  list.push_back(makePredicatePushdownPass());
  list.push_back(cleanup("cleanup_after_pushdown"));
  list.push_back(makePruneUnusedColumnsPass());
  list.push_back(cleanup("cleanup_after_pruning"));
  list.push_back(makeJoinReorderingPass());
  list.push_back(makePredicatePushdownPass());
  list.push_back(ruleSet("limit_pushdown", makePushLimitThroughProjectRule(), makePushLimitIntoUnionRule(),
      makeMergeLimitsRule()));
  list.push_back(ruleSet("connector_pushdown", makePushFilterIntoTableScanRule(), makePushLimitIntoTableScanRule()));
  list.push_back(ruleSet("aggregation_input_reduction", makeReduceAggregationInputRule()));
  list.push_back(makePruneUnusedColumnsPass());
  list.push_back(cleanup("final_cleanup"));
  list.push_back(makeJoinDistributionPass());
  return list;
}

bool hasSubqueryNodes(const PlanNode& node) {
  if (node.as<ApplyNode>() || node.as<LateralJoinNode>()) {
    return true;
  }
  for (const auto& source : node.sources()) {
    if (hasSubqueryNodes(*source)) {
      return true;
    }
  }
  return false;
}

} // namespace

PlanNodePtr optimizePlan(const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata,
    const FunctionRegistry& functions) {
  OptimizerContext context(plan, session, metadata, functions);
  PlanNodePtr optimized = plan;
  for (const auto& pass : passes()) {
    if (!context.isEnabled(pass->name())) {
      continue;
    }
    optimized = pass->optimize(optimized, context);
  }
  if (hasSubqueryNodes(*optimized)) {
    PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "Given correlated subquery is not supported");
  }
  return optimized;
}

} // namespace presto::sql
