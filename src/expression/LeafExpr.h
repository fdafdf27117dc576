#pragma once

#include "expression/Expr.h"
#include "type/Value.h"

namespace presto {

/// Reads an input column (or a lambda parameter, which the compiler maps to a channel past the
/// page's columns). Lazy columns are loaded for the selected rows only.
class InputExpr final : public Expr {
 public:
  InputExpr(int32_t channel, TypePtr type);
  int32_t channel() const { return channel_; }
  std::string toString() const override;
  void finishCompilation() override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
  bool isPeelable() const override { return false; }

 private:
  const int32_t channel_;
};

/// A literal: a constant vector of the batch's size.
class ConstantExpr final : public Expr {
 public:
  ConstantExpr(Value value, TypePtr type);
  const Value& value() const { return value_; }
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;
  bool isPeelable() const override { return false; }

 private:
  const Value value_;
  VectorPtr cached_;
};

} // namespace presto
