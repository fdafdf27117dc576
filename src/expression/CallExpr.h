#pragma once

#include "expression/Expr.h"
#include "function/FunctionRegistry.h"

namespace presto {

class LambdaExpr;

/// A call of a vector function: evaluates the arguments (lambdas are passed as callables), drops
/// rows that failed in an argument, and applies the function to the rest. With `nullOnError`
/// (TRY_CAST), rows on which the function itself fails with a catchable error become NULL.
class CallExpr final : public Expr {
 public:
  CallExpr(std::string name, VectorFunctionPtr function, TypePtr type, std::vector<ExprPtr> inputs, bool deterministic,
      bool nullOnError = false);
  std::string toString() const override;
  const VectorFunctionPtr& function() const { return function_; }

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;

 private:
  const std::string name_;
  const VectorFunctionPtr function_;
  const bool nullOnError_;
  std::vector<LambdaExpr*> lambdas_;
};

} // namespace presto
