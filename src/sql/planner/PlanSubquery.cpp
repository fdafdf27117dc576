#include "sql/metadata/SemanticError.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SubqueryPlanner.h"

namespace presto::sql {

SubqueryPlanner::PlannedSubquery SubqueryPlanner::plan(const Expression& subquery, const ScopePtr& scope) {
  auto boundary = std::make_shared<Scope>(scope, std::vector<Field>{}, true);
  auto planned = planner_.planQuery(*subquery.as<Subquery>().query, boundary);
  return {std::move(planned), boundary->outerReferences()};
}

RowExpressionPtr SubqueryPlanner::scalarSubquery(const Subquery& subquery, const ScopePtr& scope) {
  auto planned = plan(subquery, scope);
  if (planned.plan.fields.size() != 1) {
    semanticError(subquery.location, "Multiple columns returned by subquery are not yet supported. Found {}",
        planned.plan.fields.size());
  }
  auto& ids = planner_.ids();
  auto single = std::make_shared<EnforceSingleRowNode>(ids.next(), planned.plan.root);
  if (planned.correlation.empty()) {
    current_ = std::make_shared<JoinNode>(ids.next(), JoinNode::Type::kInner, current_, single,
        std::vector<JoinNode::EquiClause>{}, nullptr);
  } else {
    current_ = std::make_shared<LateralJoinNode>(
        ids.next(), current_, single, planned.correlation, LateralJoinNode::Type::kLeft);
  }
  return planned.plan.fields[0].symbol;
}

RowExpressionPtr SubqueryPlanner::exists(const Exists& exists, const ScopePtr& scope) {
  auto planned = plan(*exists.subquery, scope);
  SubqueryPredicate predicate;
  predicate.output = planner_.context().symbols().newSymbol("exists", BOOLEAN());
  predicate.kind = SubqueryPredicate::Kind::kExists;
  current_ = std::make_shared<ApplyNode>(
      planner_.ids().next(), current_, planned.plan.root, planned.correlation, std::vector<SubqueryPredicate>{predicate});
  return predicate.output;
}

std::pair<Symbol, Symbol> SubqueryPlanner::comparisonSymbols(
    const Expression& node, RowExpressionPtr value, PlannedSubquery& subquery, const char* operatorText) {
  if (subquery.plan.fields.size() != 1) {
    semanticError(node.location, "Multiple columns returned by subquery are not yet supported. Found {}",
        subquery.plan.fields.size());
  }
  RowExpressionPtr column = subquery.plan.fields[0].symbol;
  auto common = commonSuperType({value->type(), column->type()});
  if (!common) {
    semanticError(node.location, "'{}' cannot be applied to {}, {}", operatorText, value->type()->toString(),
        column->type()->toString());
  }
  auto valueSymbol = planner_.toSymbols(current_, {coerce(value, *common)}, "expr")[0];
  auto columnSymbol = planner_.toSymbols(subquery.plan.root, {coerce(column, *common)}, "expr")[0];
  return {valueSymbol, columnSymbol};
}

RowExpressionPtr SubqueryPlanner::inSubquery(const In& in, RowExpressionPtr value, const ScopePtr& scope) {
  auto planned = plan(*in.valueList, scope);
  auto [valueSymbol, columnSymbol] = comparisonSymbols(in, value, planned, "IN");
  auto output = planner_.context().symbols().newSymbol("expr", BOOLEAN());
  if (planned.correlation.empty()) {
    current_ = std::make_shared<SemiJoinNode>(
        planner_.ids().next(), current_, planned.plan.root, valueSymbol, columnSymbol, output);
    return output;
  }
  SubqueryPredicate predicate{output, SubqueryPredicate::Kind::kIn, valueSymbol, columnSymbol};
  current_ = std::make_shared<ApplyNode>(
      planner_.ids().next(), current_, planned.plan.root, planned.correlation, std::vector<SubqueryPredicate>{predicate});
  return output;
}

RowExpressionPtr SubqueryPlanner::quantifiedComparison(
    const QuantifiedComparison& comparison, RowExpressionPtr value, const ScopePtr& scope) {
  auto planned = plan(*comparison.subquery, scope);
  auto [valueSymbol, columnSymbol] =
      comparisonSymbols(comparison, value, planned, std::string(comparisonOperatorText(comparison.op)).c_str());
  auto output = planner_.context().symbols().newSymbol("expr", BOOLEAN());
  bool all = comparison.quantifier == QuantifiedComparison::Quantifier::kAll;
  if (!all && comparison.op == ComparisonOperator::kEqual && planned.correlation.empty()) {
    current_ = std::make_shared<SemiJoinNode>(
        planner_.ids().next(), current_, planned.plan.root, valueSymbol, columnSymbol, output);
    return output;
  }
  SubqueryPredicate predicate{
      output, all ? SubqueryPredicate::Kind::kAll : SubqueryPredicate::Kind::kAny, valueSymbol, columnSymbol, comparison.op};
  current_ = std::make_shared<ApplyNode>(
      planner_.ids().next(), current_, planned.plan.root, planned.correlation, std::vector<SubqueryPredicate>{predicate});
  return output;
}

} // namespace presto::sql
