#include "sql/optimizer/SplitAggregation.h"

namespace presto::sql {

std::optional<AggregationSplit> splitAggregation(const AggregationNode& aggregation, OptimizerContext& context) {
  AggregationSplit split;
  for (const auto& output : aggregation.aggregates()) {
    const auto& aggregate = output.aggregate;
    if (aggregate.distinct || !aggregate.orderBy.empty()) {
      return std::nullopt;
    }
    auto intermediateType = aggregate.intermediateType();
    if (!intermediateType) {
      return std::nullopt;
    }
    auto intermediate = context.newSymbol(output.symbol->name(), intermediateType);
    split.partial.push_back({intermediate, aggregate});
    split.final.push_back({output.symbol, Aggregate{aggregate.function, {intermediate}, false, std::nullopt, {}}});
  }
  return split;
}

PlanNodePtr makePartialAggregation(const AggregationNode& aggregation, const PlanNodePtr& source,
    std::vector<AggregationNode::Output> partial, OptimizerContext& context) {
  return std::make_shared<AggregationNode>(context.nextId(), source, aggregation.groupingKeys(), std::move(partial),
      AggregationNode::Step::kPartial, aggregation.groupIdSymbol(), aggregation.groupingSetCount());
}

PlanNodePtr makeFinalAggregation(
    const AggregationNode& aggregation, const PlanNodePtr& source, std::vector<AggregationNode::Output> final) {
  return std::make_shared<AggregationNode>(aggregation.id(), source, aggregation.groupingKeys(), std::move(final),
      AggregationNode::Step::kFinal, aggregation.groupIdSymbol(), aggregation.groupingSetCount());
}

} // namespace presto::sql
