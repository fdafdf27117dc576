#pragma once

#include "expression/Expr.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"

namespace presto {

/// AND / OR with SQL's three-valued logic. Each argument is evaluated only on rows whose result is
/// still open, so `x <> 0 AND y / x > 1` never divides by zero. As in Presto, an error in one
/// argument is forgiven when another argument decides the row (`error AND false` is false).
class ConjunctExpr final : public Expr {
 public:
  ConjunctExpr(bool isAnd, std::vector<ExprPtr> inputs, bool deterministic);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;

 private:
  /// Folds one argument's decoded values into the result: a NULL makes a row NULL unless a later
  /// argument decides it; a deciding value closes the row. Rows in `failedNow` are skipped.
  void combineDecoded(const DecodedVector& decoded, bool anyFailed, const SelectivityVector& failedNow,
      FlatVector<bool>& flat, SelectivityVector& open) const;

  const bool isAnd_;
};

} // namespace presto
