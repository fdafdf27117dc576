#pragma once

#include <optional>

#include "sql/optimizer/OptimizerContext.h"
#include "sql/planner/AggregationNode.h"

namespace presto::sql {

/// The aggregates of the two halves of an aggregation split around an exchange, following the
/// contract documented on AggregationNode.
struct AggregationSplit {
  /// The original aggregates, each output into a new symbol of its intermediate type.
  std::vector<AggregationNode::Output> partial;
  /// The original output symbols, each aggregating the matching partial symbol.
  std::vector<AggregationNode::Output> final;
};

/// The split of `aggregation`, or nullopt when it cannot be split: an aggregate with DISTINCT or
/// ORDER BY, or a function without an implementation.
std::optional<AggregationSplit> splitAggregation(const AggregationNode& aggregation, OptimizerContext& context);

/// The partial half of `aggregation` over `source` (same keys and grouping sets) with `partial`
/// as its aggregates.
PlanNodePtr makePartialAggregation(const AggregationNode& aggregation, const PlanNodePtr& source,
    std::vector<AggregationNode::Output> partial, OptimizerContext& context);

/// The final half over `source`, keeping the original node's id.
PlanNodePtr makeFinalAggregation(
    const AggregationNode& aggregation, const PlanNodePtr& source, std::vector<AggregationNode::Output> final);

} // namespace presto::sql
