#pragma once

#include "expression/RowExpression.h"
#include "sql/planner/AggregationNode.h"

namespace presto::sql {

/// Builds the expressions and aggregates rewrites introduce, resolving functions and operators
/// through the registry: comparisons, NOT, IS NULL, COALESCE, AND/OR, searched CASE, constants.
class ExpressionFactory {
 public:
  explicit ExpressionFactory(const FunctionRegistry& functions) : functions_(functions) {}

  static RowExpressionPtr constant(Value value, TypePtr type);
  static RowExpressionPtr booleanConstant(bool value);
  static RowExpressionPtr nullConstant(TypePtr type);

  /// `left <operator> right` for an operator name such as operators::kEqual.
  RowExpressionPtr comparison(const std::string& operatorName, RowExpressionPtr left, RowExpressionPtr right) const;
  RowExpressionPtr equal(RowExpressionPtr left, RowExpressionPtr right) const;
  RowExpressionPtr notOf(RowExpressionPtr value) const;
  static RowExpressionPtr isNull(RowExpressionPtr value);
  static RowExpressionPtr coalesce(std::vector<RowExpressionPtr> values);
  /// AND of the conjuncts; `true` for none, the conjunct itself for one.
  static RowExpressionPtr andOf(std::vector<RowExpressionPtr> conjuncts);
  /// OR of the disjuncts; `false` for none, the disjunct itself for one.
  static RowExpressionPtr orOf(std::vector<RowExpressionPtr> disjuncts);
  /// `CASE WHEN c1 THEN r1 ... ELSE otherwise END`.
  static RowExpressionPtr searchedCase(
      const std::vector<std::pair<RowExpressionPtr, RowExpressionPtr>>& whens, RowExpressionPtr otherwise);

  /// An aggregate call `name(arguments)`, resolved as an aggregate function.
  Aggregate aggregate(const std::string& name, std::vector<RowExpressionPtr> arguments) const;

 private:
  const FunctionRegistry& functions_;
};

/// Whether `expression` is the boolean constant `value`.
bool isBooleanConstant(const RowExpression& expression, bool value);
/// Whether `expression` is a NULL constant.
bool isNullConstant(const RowExpression& expression);
/// Whether `expression` is a call of the function or operator `name`.
bool isCallOf(const RowExpression& expression, const std::string& name);
/// Whether `expression` is the special form `form`.
bool isSpecialForm(const RowExpression& expression, SpecialForm form);

} // namespace presto::sql
