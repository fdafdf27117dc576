#pragma once

#include "sql/parser/ast/Operators.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// One predicate an ApplyNode computes per input row from the subquery's rows.
struct SubqueryPredicate {
  enum class Kind { kExists, kIn, kAll, kAny };

  Symbol output;
  Kind kind = Kind::kExists;
  /// The input's value (kIn, kAll, kAny).
  Symbol value;
  /// The subquery's column (kIn, kAll, kAny).
  Symbol subqueryValue;
  /// The comparison of kAll and kAny.
  ComparisonOperator comparison = ComparisonOperator::kEqual;

  std::string toString() const;
};

/// Evaluates a subquery for every row of `input` (with the row's `correlation` symbols bound) and
/// adds the predicates' boolean results: EXISTS, IN, and quantified comparisons before
/// decorrelation. Outputs the input's symbols followed by the predicate outputs.
class ApplyNode : public PlanNode {
 public:
  ApplyNode(PlanNodeId id, PlanNodePtr input, PlanNodePtr subquery, std::vector<Symbol> correlation,
      std::vector<SubqueryPredicate> predicates);

  const PlanNodePtr& input() const { return sources()[0]; }
  const PlanNodePtr& subquery() const { return sources()[1]; }
  const std::vector<Symbol>& correlation() const { return correlation_; }
  const std::vector<SubqueryPredicate>& predicates() const { return predicates_; }

  std::string name() const override { return "Apply"; }
  std::string details() const override { return "correlation = [" + symbolNames(correlation_) + "]"; }
  std::vector<std::string> detailLines() const override;

 private:
  const std::vector<Symbol> correlation_;
  const std::vector<SubqueryPredicate> predicates_;
};

/// A lateral join: the subquery is evaluated for every row of `input` with the correlation
/// symbols bound, and its rows are joined to that row (kLeft keeps input rows without any).
/// Outputs the input's symbols followed by the subquery's.
class LateralJoinNode : public PlanNode {
 public:
  enum class Type { kInner, kLeft };

  LateralJoinNode(PlanNodeId id, PlanNodePtr input, PlanNodePtr subquery, std::vector<Symbol> correlation, Type type);

  const PlanNodePtr& input() const { return sources()[0]; }
  const PlanNodePtr& subquery() const { return sources()[1]; }
  const std::vector<Symbol>& correlation() const { return correlation_; }
  Type type() const { return type_; }

  std::string name() const override { return "LateralJoin"; }
  std::string details() const override;

 private:
  const std::vector<Symbol> correlation_;
  const Type type_;
};

} // namespace presto::sql
