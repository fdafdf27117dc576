#pragma once

#include "expression/Expr.h"
#include "function/VectorFunction.h"

namespace presto {

/// A lambda argument of a higher-order function. The body is compiled with the lambda's
/// parameters mapped to channels past the input columns; the body may read outer columns
/// (captures), which are re-indexed to the elements' rows on each call. `inputs()` holds values
/// bound with BIND: they are evaluated in the outer rows and passed as the first parameters.
class LambdaExpr final : public Expr, public LambdaFunction {
 public:
  LambdaExpr(TypePtr type, std::vector<int32_t> parameterChannels, ExprPtr body, std::vector<ExprPtr> bound,
      int32_t numChannels);

  std::string toString() const override;
  void finishCompilation() override;

  /// Evaluates the bound values for the outer rows; called by the enclosing call before apply.
  void prepare(const SelectivityVector& rows, EvalContext& context);

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& arguments, const vector_size_t* outerRows,
      EvalContext& context, VectorPtr& result) const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
  bool isPeelable() const override { return false; }

 private:
  const std::vector<int32_t> parameterChannels_;
  const ExprPtr body_;
  const int32_t numChannels_;
  std::vector<int32_t> captures_;
  std::vector<VectorPtr> boundValues_;
  const EvalContext* outerContext_ = nullptr;
};

} // namespace presto
