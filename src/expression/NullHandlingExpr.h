#pragma once

#include "expression/Expr.h"

namespace presto {

/// `x IS NULL`.
class IsNullExpr final : public Expr {
 public:
  explicit IsNullExpr(ExprPtr input);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
};

/// TRY(x): rows where x fails with an error TRY catches (isCaughtByTry) become NULL; other errors
/// still fail the query. Failed rows are known from the context's per-row status, so nothing is
/// thrown per row.
class TryExpr final : public Expr {
 public:
  explicit TryExpr(ExprPtr input);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
};

} // namespace presto
