#pragma once

#include "expression/Expr.h"

namespace presto {

/// ROW(a, b, ...): a row vector over the evaluated fields.
class RowConstructorExpr final : public Expr {
 public:
  RowConstructorExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
};

/// ARRAY[a, b, ...]: an array of the evaluated elements per row.
class ArrayConstructorExpr final : public Expr {
 public:
  ArrayConstructorExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
};

/// row.field: a dictionary over the row's child (NULL where the row is NULL).
class DereferenceExpr final : public Expr {
 public:
  DereferenceExpr(TypePtr type, ExprPtr input, int32_t fieldIndex);
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;

 private:
  const int32_t fieldIndex_;
};

} // namespace presto
