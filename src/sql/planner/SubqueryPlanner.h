#pragma once

#include "sql/planner/RelationPlanner.h"

namespace presto::sql {

/// Plans the subqueries met while analyzing the expressions of one clause on top of `current`:
/// uncorrelated scalar subqueries become a cross join with EnforceSingleRow, correlated ones a
/// LateralJoin; uncorrelated IN (and `= ANY`) a SemiJoin; EXISTS, correlated IN and quantified
/// comparisons an Apply. The optimizer decorrelates what remains.
class SubqueryPlanner : public SubqueryHandler {
 public:
  SubqueryPlanner(RelationPlanner& planner, PlanNodePtr& current) : planner_(planner), current_(current) {}

  RowExpressionPtr scalarSubquery(const Subquery& subquery, const ScopePtr& scope) override;
  RowExpressionPtr exists(const Exists& exists, const ScopePtr& scope) override;
  RowExpressionPtr inSubquery(const In& in, RowExpressionPtr value, const ScopePtr& scope) override;
  RowExpressionPtr quantifiedComparison(
      const QuantifiedComparison& comparison, RowExpressionPtr value, const ScopePtr& scope) override;

 private:
  struct PlannedSubquery {
    RelationPlan plan;
    std::vector<Symbol> correlation;
  };

  PlannedSubquery plan(const Expression& subquery, const ScopePtr& scope);
  /// Coerces the IN / quantified value and the subquery's single column to their common type.
  std::pair<Symbol, Symbol> comparisonSymbols(
      const Expression& node, RowExpressionPtr value, PlannedSubquery& subquery, const char* operatorText);

  RelationPlanner& planner_;
  PlanNodePtr& current_;
};

} // namespace presto::sql
