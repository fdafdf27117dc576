#include "sql/optimizer/CorrelatedFilter.h"
#include "sql/optimizer/EquiJoinKeys.h"
#include "sql/optimizer/NodeSymbols.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/ProjectNode.h"

namespace presto::sql {
namespace {

/// Aggregates that return 0, not NULL, on no input rows.
bool isCountLike(const Aggregate& aggregate) {
  const auto& name = aggregate.function->name();
  return name == "count" || name == "count_if" || name == "approx_distinct";
}

bool isGlobalAggregation(const PlanNode& node) {
  auto aggregation = node.as<AggregationNode>();
  return aggregation && aggregation->groupingKeys().empty() && aggregation->step() == AggregationNode::Step::kSingle &&
      !aggregation->groupIdSymbol();
}

/// The shape matched below the LateralJoin: EnforceSingleRow? -> Project* -> global Aggregation.
struct ScalarAggregation {
  std::vector<const ProjectNode*> projects;
  const AggregationNode* aggregation = nullptr;
};

std::optional<ScalarAggregation> scalarAggregation(const PlanNodePtr& subquery) {
  ScalarAggregation shape;
  const PlanNode* node = subquery.get();
  if (node->as<EnforceSingleRowNode>()) {
    node = node->source().get();
  }
  while (auto project = node->as<ProjectNode>()) {
    shape.projects.push_back(project);
    node = project->source().get();
  }
  if (!isGlobalAggregation(*node)) {
    return std::nullopt;
  }
  shape.aggregation = node->as<AggregationNode>();
  return shape;
}

class TransformCorrelatedScalarAggregation : public Rule {
 public:
  std::string name() const override { return "transform_correlated_scalar_aggregation"; }
  bool matches(const PlanNode& node) const override {
    auto lateral = node.as<LateralJoinNode>();
    return lateral && !lateral->correlation().empty();
  }

  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* lateral = node->as<LateralJoinNode>();
    auto correlation = namesOf(lateral->correlation());
    auto shape = scalarAggregation(lateral->subquery());
    if (!shape || readsCorrelation(*shape->aggregation, correlation)) {
      return nullptr;
    }
    auto pulled = pullCorrelatedConjuncts(shape->aggregation->source(), correlation, context);
    if (!pulled) {
      return nullptr;
    }
    auto keys = equiJoinKeys(lateral->input(), pulled->plan, pulled->correlatedConjuncts, context);
    if (!keys || !keys->residual.empty()) {
      return nullptr;
    }
    return rewrite(*lateral, *shape, *keys, context);
  }

 private:
  /// Whether the aggregation's own arguments read correlation symbols.
  static bool readsCorrelation(const AggregationNode& aggregation, const SymbolNames& correlation) {
    for (const auto& name : symbolsReadBy(aggregation)) {
      if (correlation.count(name) > 0) {
        return true;
      }
    }
    return false;
  }

  static PlanNodePtr rewrite(const LateralJoinNode& lateral, const ScalarAggregation& shape, const EquiJoinKeys& keys,
      OptimizerContext& context) {
    std::vector<Symbol> groupingKeys;
    SymbolNames grouped;
    for (const auto& key : keys.rightKeys) {
      if (grouped.insert(key->name()).second) {
        groupingKeys.push_back(key);
      }
    }
    std::vector<AggregationNode::Output> aggregates;
    std::vector<Assignment> coalesced;
    for (const auto& output : shape.aggregation->aggregates()) {
      if (!isCountLike(output.aggregate)) {
        aggregates.push_back(output);
        continue;
      }
      auto raw = context.newSymbol(output.symbol->name(), output.symbol->type());
      aggregates.push_back({raw, output.aggregate});
      coalesced.push_back({output.symbol,
          ExpressionFactory::coalesce({raw, ExpressionFactory::constant(Value(int64_t{0}), output.symbol->type())})});
    }
    auto aggregation =
        std::make_shared<AggregationNode>(context.nextId(), keys.right, groupingKeys, std::move(aggregates));
    std::vector<JoinNode::EquiClause> criteria;
    for (size_t i = 0; i < keys.leftKeys.size(); ++i) {
      criteria.push_back({keys.leftKeys[i], keys.rightKeys[i]});
    }
    PlanNodePtr plan = std::make_shared<JoinNode>(
        context.nextId(), JoinNode::Type::kLeft, keys.left, aggregation, std::move(criteria), nullptr);
    plan = projectWith(plan, coalesced, context);
    // The Projects above the aggregation, innermost first, now also pass the input through.
    for (auto it = shape.projects.rbegin(); it != shape.projects.rend(); ++it) {
      auto assignments = (*it)->assignments();
      auto assigned = namesOf((*it)->outputSymbols());
      for (const auto& symbol : lateral.input()->outputSymbols()) {
        if (assigned.count(symbol->name()) == 0) {
          assignments.push_back({symbol, symbol});
        }
      }
      plan = std::make_shared<ProjectNode>(context.nextId(), plan, std::move(assignments));
    }
    return plan;
  }
};

} // namespace

RulePtr makeTransformCorrelatedScalarAggregationRule() {
  return std::make_unique<TransformCorrelatedScalarAggregation>();
}

} // namespace presto::sql
