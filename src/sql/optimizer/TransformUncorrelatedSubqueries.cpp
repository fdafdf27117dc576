#include "sql/optimizer/CorrelatedFilter.h"
#include "sql/optimizer/EquiJoinKeys.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"

namespace presto::sql {
namespace {

using Kind = SubqueryPredicate::Kind;

PlanNodePtr crossJoin(const PlanNodePtr& left, const PlanNodePtr& right, OptimizerContext& context) {
  return std::make_shared<JoinNode>(
      context.nextId(), JoinNode::Type::kInner, left, right, std::vector<JoinNode::EquiClause>{}, nullptr);
}

/// `input` cross joined with `count(*) > 0` over `LIMIT 1` of the subquery.
PlanNodePtr exists(const ApplyNode& apply, const SubqueryPredicate& predicate, OptimizerContext& context) {
  auto limit = std::make_shared<LimitNode>(context.nextId(), apply.subquery(), 1);
  auto count = context.newSymbol("count", BIGINT());
  auto aggregation = std::make_shared<AggregationNode>(context.nextId(), limit, std::vector<Symbol>{},
      std::vector<AggregationNode::Output>{{count, context.expressions().aggregate("count", {})}});
  auto nonEmpty = context.expressions().comparison(
      operators::kGreaterThan, count, ExpressionFactory::constant(Value(int64_t{0}), BIGINT()));
  auto project = std::make_shared<ProjectNode>(
      context.nextId(), aggregation, std::vector<Assignment>{{predicate.output, nonEmpty}});
  return crossJoin(apply.input(), project, context);
}

/// `value IN subquery`, negated for `<> ALL`.
PlanNodePtr semiJoin(const ApplyNode& apply, const SubqueryPredicate& predicate, bool negated, OptimizerContext& context) {
  auto output = negated ? context.newSymbol("expr", BOOLEAN()) : predicate.output;
  PlanNodePtr semiJoin = std::make_shared<SemiJoinNode>(
      context.nextId(), apply.input(), apply.subquery(), predicate.value, predicate.subqueryValue, output);
  if (!negated) {
    return semiJoin;
  }
  return projectWith(semiJoin, {{predicate.output, context.expressions().notOf(output)}}, context);
}

const char* operatorName(ComparisonOperator comparison) {
  switch (comparison) {
    case ComparisonOperator::kLessThan: return operators::kLessThan;
    case ComparisonOperator::kLessThanOrEqual: return operators::kLessThanOrEqual;
    case ComparisonOperator::kGreaterThan: return operators::kGreaterThan;
    case ComparisonOperator::kGreaterThanOrEqual: return operators::kGreaterThanOrEqual;
    default: return operators::kEqual;
  }
}

/// Quantified comparisons other than `= ANY` and `<> ALL`, from the subquery's min, max, row
/// count and non-null count, with Presto's NULL semantics:
///   x op ALL s: true on no rows; false when x op extreme(s) is false; NULL when s has NULLs;
///               otherwise x op extreme(s) (extreme = min for < and <=, max for > and >=);
///   x op ANY s: false on no rows; true when x op extreme(s) is true; NULL when s has NULLs;
///               otherwise x op extreme(s) (extreme = max for < and <=, min for > and >=);
///   x = ALL s:  as ALL with `x = min AND x = max`; x <> ANY s is NOT (x = ALL s).
PlanNodePtr quantifiedComparison(const ApplyNode& apply, const SubqueryPredicate& predicate, OptimizerContext& context) {
  const auto& expressions = context.expressions();
  const auto& column = predicate.subqueryValue;
  auto min = context.newSymbol("min", column->type());
  auto max = context.newSymbol("max", column->type());
  auto countAll = context.newSymbol("count_all", BIGINT());
  auto countNonNull = context.newSymbol("count_non_null", BIGINT());
  auto aggregation = std::make_shared<AggregationNode>(context.nextId(), apply.subquery(), std::vector<Symbol>{},
      std::vector<AggregationNode::Output>{{min, expressions.aggregate("min", {column})},
          {max, expressions.aggregate("max", {column})}, {countAll, expressions.aggregate("count", {})},
          {countNonNull, expressions.aggregate("count", {column})}});

  bool all = predicate.kind == Kind::kAll;
  bool equality = predicate.comparison == ComparisonOperator::kEqual || predicate.comparison == ComparisonOperator::kNotEqual;
  if (equality) {
    // Only `= ALL` and `<> ANY` get here; the latter is NOT (= ALL).
    all = true;
  }
  RowExpressionPtr comparison;
  if (equality) {
    comparison = ExpressionFactory::andOf(
        {expressions.equal(predicate.value, min), expressions.equal(predicate.value, max)});
  } else {
    bool lessThan = predicate.comparison == ComparisonOperator::kLessThan ||
        predicate.comparison == ComparisonOperator::kLessThanOrEqual;
    const auto& extreme = (lessThan == all) ? min : max;
    comparison = expressions.comparison(operatorName(predicate.comparison), predicate.value, extreme);
  }
  auto zero = ExpressionFactory::constant(Value(int64_t{0}), BIGINT());
  auto empty = expressions.equal(countAll, zero);
  auto hasNulls = expressions.comparison(operators::kNotEqual, countAll, countNonNull);
  auto decided = all ? expressions.notOf(comparison) : comparison;
  auto result = ExpressionFactory::searchedCase({{empty, ExpressionFactory::booleanConstant(all)},
                                                    {decided, ExpressionFactory::booleanConstant(!all)},
                                                    {hasNulls, ExpressionFactory::nullConstant(BOOLEAN())}},
      comparison);
  if (equality && predicate.kind == Kind::kAny) {
    result = expressions.notOf(result);
  }
  return projectWith(crossJoin(apply.input(), aggregation, context), {{predicate.output, result}}, context);
}

PlanNodePtr transformApply(const ApplyNode& apply, OptimizerContext& context) {
  const auto& predicate = apply.predicates()[0];
  switch (predicate.kind) {
    case Kind::kExists: return exists(apply, predicate, context);
    case Kind::kIn: return semiJoin(apply, predicate, false, context);
    case Kind::kAny:
      if (predicate.comparison == ComparisonOperator::kEqual) {
        return semiJoin(apply, predicate, false, context);
      }
      return quantifiedComparison(apply, predicate, context);
    case Kind::kAll:
      if (predicate.comparison == ComparisonOperator::kNotEqual) {
        return semiJoin(apply, predicate, true, context);
      }
      return quantifiedComparison(apply, predicate, context);
  }
  return nullptr;
}

class TransformUncorrelatedSubqueries : public Rule {
 public:
  std::string name() const override { return "transform_uncorrelated_subqueries"; }
  bool matches(const PlanNode& node) const override {
    if (auto apply = node.as<ApplyNode>()) {
      return apply->correlation().empty() && apply->predicates().size() == 1;
    }
    auto lateral = node.as<LateralJoinNode>();
    return lateral && lateral->correlation().empty();
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    if (auto apply = node->as<ApplyNode>()) {
      return transformApply(*apply, context);
    }
    const auto* lateral = node->as<LateralJoinNode>();
    auto type = lateral->type() == LateralJoinNode::Type::kInner ? JoinNode::Type::kInner : JoinNode::Type::kLeft;
    return std::make_shared<JoinNode>(
        context.nextId(), type, lateral->input(), lateral->subquery(), std::vector<JoinNode::EquiClause>{}, nullptr);
  }
};

} // namespace

RulePtr makeTransformUncorrelatedSubqueriesRule() {
  return std::make_unique<TransformUncorrelatedSubqueries>();
}

} // namespace presto::sql
