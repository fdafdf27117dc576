#pragma once

#include <vector>

#include "expression/Expr.h"
#include "expression/RowExpression.h"
#include "function/FunctionRegistry.h"
#include "vector/Page.h"

namespace presto {

/// A compiled list of expressions evaluated together over the same input (a projection's outputs,
/// a filter), sharing common subexpressions. RowExpressions are immutable and shared by every
/// driver; an ExprSet holds per-batch caches and belongs to one driver (compile one per driver,
/// which is cheap).
class ExprSet {
 public:
  /// `numInputChannels`: columns of the input; lambda parameters are numbered after them.
  ExprSet(const std::vector<RowExpressionPtr>& expressions, const FunctionRegistry& registry, int32_t numInputChannels);

  ExprSet(const ExprSet&) = delete;
  ExprSet& operator=(const ExprSet&) = delete;

  /// Evaluates every expression for the selected rows. Throws the error of the first failing row
  /// (errors inside TRY, or in rows an AND/CASE does not reach, do not count).
  void eval(const SelectivityVector& rows, const std::vector<VectorPtr>& inputs, std::vector<VectorPtr>& results);
  /// Evaluates every expression for all rows of `page`.
  std::vector<VectorPtr> eval(const Page& page);

  size_t size() const { return exprs_.size(); }
  const ExprPtr& expr(size_t index) const { return exprs_.at(index); }
  std::string toString() const;

 private:
  std::vector<ExprPtr> exprs_;
};

} // namespace presto
