#pragma once

#include "sql/metadata/MetadataManager.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Optimizes a plan produced by LogicalPlanner. Rules named in the session property
/// `disabled_optimizer_rules` (comma separated) are skipped.
///
/// The result has no Apply or LateralJoin (a subquery shape that cannot be decorrelated fails with
/// NOT_SUPPORTED "Given correlated subquery is not supported"), no INTERSECT or EXCEPT, joins
/// ordered and with their distribution chosen, filters and limits pushed down (into connectors
/// when they accept them) and unused columns pruned. See docs/dev/analyzer-and-planner.md for the
/// rules, their order and the session properties.
PlanNodePtr optimizePlan(const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata,
    const FunctionRegistry& functions);

} // namespace presto::sql
