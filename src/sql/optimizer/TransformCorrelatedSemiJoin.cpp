#include "sql/optimizer/CorrelatedFilter.h"
#include "sql/optimizer/EquiJoinKeys.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/SemiJoinNode.h"

namespace presto::sql {
namespace {

using Kind = SubqueryPredicate::Kind;

/// EXISTS, IN, `= ANY` and `<> ALL` (NOT IN) are semi joins.
bool isSemiJoinPredicate(const SubqueryPredicate& predicate) {
  return predicate.kind == Kind::kExists || predicate.kind == Kind::kIn ||
      (predicate.kind == Kind::kAny && predicate.comparison == ComparisonOperator::kEqual) ||
      (predicate.kind == Kind::kAll && predicate.comparison == ComparisonOperator::kNotEqual);
}

class TransformCorrelatedSemiJoin : public Rule {
 public:
  std::string name() const override { return "transform_correlated_semi_join"; }
  bool matches(const PlanNode& node) const override {
    auto apply = node.as<ApplyNode>();
    return apply && !apply->correlation().empty() && apply->predicates().size() == 1 &&
        isSemiJoinPredicate(apply->predicates()[0]);
  }

  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* apply = node->as<ApplyNode>();
    const auto& predicate = apply->predicates()[0];
    auto pulled = pullCorrelatedConjuncts(apply->subquery(), namesOf(apply->correlation()), context);
    if (!pulled) {
      return nullptr;
    }
    auto keys = equiJoinKeys(apply->input(), pulled->plan, pulled->correlatedConjuncts, context);
    if (!keys) {
      return nullptr;
    }
    bool exists = predicate.kind == Kind::kExists;
    if (!exists) {
      keys->leftKeys.insert(keys->leftKeys.begin(), predicate.value);
      keys->rightKeys.insert(keys->rightKeys.begin(), predicate.subqueryValue);
    }
    bool negated = predicate.kind == Kind::kAll;
    auto output = negated ? context.newSymbol("expr", BOOLEAN()) : predicate.output;
    auto residual = keys->residual.empty() ? nullptr : ExpressionFactory::andOf(keys->residual);
    PlanNodePtr semiJoin = std::make_shared<SemiJoinNode>(context.nextId(), keys->left, keys->right,
        keys->leftKeys, keys->rightKeys, residual, !exists, output);
    if (!negated) {
      return semiJoin;
    }
    return projectWith(semiJoin, {{predicate.output, context.expressions().notOf(output)}}, context);
  }
};

} // namespace

RulePtr makeTransformCorrelatedSemiJoinRule() {
  return std::make_unique<TransformCorrelatedSemiJoin>();
}

} // namespace presto::sql
