#include "common/Check.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SetOperationNode.h"

namespace presto::sql {
namespace {

/// INTERSECT / EXCEPT (DISTINCT) over sources S0..Sn-1 as
///   Project[outputs] <- Filter[counts] <- Aggregate[keys = outputs; count_k := count(*) FILTER (WHERE marker_k)]
///     <- Union ALL of Project[columns, marker_k := (k = i)] over each Si
/// INTERSECT keeps groups seen in every source (every count_k >= 1); EXCEPT keeps groups seen in
/// S0 and in no other source.
class ImplementIntersectAndExcept : public Rule {
 public:
  std::string name() const override { return "implement_intersect_and_except"; }
  bool matches(const PlanNode& node) const override {
    auto setOperation = node.as<SetOperationNode>();
    return setOperation && setOperation->kind() != SetOperationNode::Kind::kUnion;
  }

  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* setOperation = node->as<SetOperationNode>();
    bool intersect = setOperation->kind() == SetOperationNode::Kind::kIntersect;
    PRESTO_USER_CHECK(setOperation->distinct(), errors::NOT_SUPPORTED, "{} ALL is not supported",
        intersect ? "INTERSECT" : "EXCEPT");
    size_t numSources = node->sources().size();
    std::vector<Symbol> markers;
    for (size_t k = 0; k < numSources; ++k) {
      markers.push_back(context.newSymbol("marker", BOOLEAN()));
    }
    std::vector<PlanNodePtr> marked;
    std::vector<std::vector<Symbol>> inputs;
    for (size_t i = 0; i < numSources; ++i) {
      std::vector<Assignment> assignments;
      inputs.push_back(setOperation->inputs()[i]);
      for (const auto& symbol : setOperation->inputs()[i]) {
        assignments.push_back({symbol, symbol});
      }
      for (size_t k = 0; k < numSources; ++k) {
        auto marker = context.newSymbol("marker", BOOLEAN());
        assignments.push_back({marker, ExpressionFactory::booleanConstant(k == i)});
        inputs.back().push_back(marker);
      }
      marked.push_back(std::make_shared<ProjectNode>(context.nextId(), node->sources()[i], std::move(assignments)));
    }
    auto unionOutputs = node->outputSymbols();
    unionOutputs.insert(unionOutputs.end(), markers.begin(), markers.end());
    auto unionNode = std::make_shared<SetOperationNode>(
        context.nextId(), SetOperationNode::Kind::kUnion, false, std::move(marked), unionOutputs, std::move(inputs));

    const auto& expressions = context.expressions();
    std::vector<AggregationNode::Output> counts;
    std::vector<RowExpressionPtr> conditions;
    auto zero = ExpressionFactory::constant(Value(int64_t{0}), BIGINT());
    for (size_t k = 0; k < numSources; ++k) {
      auto count = context.newSymbol("count", BIGINT());
      auto aggregate = expressions.aggregate("count", {});
      aggregate.filter = markers[k];
      counts.push_back({count, aggregate});
      bool mustAppear = intersect || k == 0;
      conditions.push_back(expressions.comparison(mustAppear ? operators::kGreaterThan : operators::kEqual, count, zero));
    }
    auto aggregation =
        std::make_shared<AggregationNode>(context.nextId(), unionNode, node->outputSymbols(), std::move(counts));
    auto filter = std::make_shared<FilterNode>(context.nextId(), aggregation, ExpressionFactory::andOf(conditions));
    std::vector<Assignment> outputs;
    for (const auto& symbol : node->outputSymbols()) {
      outputs.push_back({symbol, symbol});
    }
    return std::make_shared<ProjectNode>(context.nextId(), filter, std::move(outputs));
  }
};

} // namespace

RulePtr makeImplementIntersectAndExceptRule() {
  return std::make_unique<ImplementIntersectAndExcept>();
}

} // namespace presto::sql
