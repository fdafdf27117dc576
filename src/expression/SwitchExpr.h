#pragma once

#include "expression/Expr.h"

namespace presto {

/// IF and searched CASE: inputs are (condition, result)... [else]. Each condition runs only on the
/// rows no earlier condition matched, and each result only on the rows its condition selected, so
/// errors in branches that are not taken never surface. Rows no branch takes get the else value
/// (or NULL).
class SwitchExpr final : public Expr {
 public:
  SwitchExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;

 private:
  const size_t numCases_;
  const bool hasElse_;
};

/// COALESCE: each argument is evaluated only on the rows still NULL after the previous ones.
class CoalesceExpr final : public Expr {
 public:
  CoalesceExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
};

} // namespace presto
