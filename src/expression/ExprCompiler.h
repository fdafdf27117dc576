#pragma once

#include <map>
#include <unordered_map>

#include "expression/Expr.h"
#include "expression/RowExpression.h"
#include "function/FunctionRegistry.h"

namespace presto {

/// Turns RowExpression trees into Expr trees:
///  - equal subtrees (outside lambdas) become one shared node, evaluated once per batch;
///  - deterministic subtrees without column references are folded to constants (unless they fail;
///    then they stay and fail only if their rows are evaluated);
///  - CASE with an operand becomes a searched CASE over `$operator$equal`; IN over constants
///    becomes a hash-set probe, IN over expressions an OR of equalities; NULLIF an IF;
///  - function handles become implementations specialized for their types and constant arguments;
///  - lambda parameters are mapped to channels after the input columns.
class ExprCompiler {
 public:
  ExprCompiler(const FunctionRegistry& registry, int32_t numInputChannels);

  ExprPtr compile(const RowExpressionPtr& expression);

 private:
  ExprPtr compileNode(const RowExpressionPtr& expression);
  ExprPtr compileSpecialForm(const SpecialFormExpression& expression);
  ExprPtr compileLambda(const LambdaDefinitionExpression& lambda, std::vector<ExprPtr> bound);
  ExprPtr compileSwitch(const SpecialFormExpression& expression);
  ExprPtr compileIn(const SpecialFormExpression& expression);
  /// `left = right` with coercions to their common type.
  RowExpressionPtr equality(const RowExpressionPtr& left, const RowExpressionPtr& right) const;
  std::vector<ExprPtr> compileAll(const std::vector<RowExpressionPtr>& expressions);
  /// Links a new node into the tree and folds it when it is constant.
  ExprPtr finish(ExprPtr node);

  const FunctionRegistry& registry_;
  int32_t nextChannel_;
  std::vector<std::map<std::string, int32_t>> scopes_;
  std::unordered_map<RowExpressionPtr, ExprPtr, RowExpressionHash, RowExpressionEqual> compiled_;
};

} // namespace presto
