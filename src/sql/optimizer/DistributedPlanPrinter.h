#pragma once

#include "sql/metadata/MetadataManager.h"
#include "sql/optimizer/PlanFragmenter.h"
#include "sql/planner/PlanPrinter.h"

namespace presto::sql {

/// Renders a distributed plan as EXPLAIN (TYPE DISTRIBUTED) text, fragment by fragment in id
/// order:
///
///     Fragment 1 [HASH]
///         Output layout: [a, count]
///         Output partitioning: SINGLE []
///         - Aggregate(FINAL)[keys = [a]] => [a:bigint, count:bigint]
///         ...
///
/// with the fragment's nodes printed as EXPLAIN (TYPE LOGICAL) does, and a blank line between
/// fragments.
std::string printDistributedPlan(const DistributedPlan& plan);

/// The same as JSON: `{"hashPartitionCount": 4, "fragments": [{"id": 0, "partitioning":
/// "SINGLE", "outputLayout": [...], "outputPartitioning": "SINGLE []", "sourceFragments": [...],
/// "root": <printPlanJson>}, ...]}`, without whitespace.
std::string printDistributedPlanJson(const DistributedPlan& plan);

/// EXPLAIN (TYPE DISTRIBUTED) of an optimized plan: exchanges added, cut into fragments and
/// rendered in `format` (what LogicalPlanner::setDistributedExplainer expects).
std::string explainDistributed(const PlanNodePtr& optimizedPlan, ExplainFormat format, const Session& session,
    const MetadataManager& metadata, const FunctionRegistry& functions);

} // namespace presto::sql
