#pragma once

#include <memory>

#include "expression/Expr.h"
#include "type/Value.h"

namespace presto {

/// `x IN (c1, c2, ...)` with constant candidates of a primitive type: a hash set probe per row.
/// NULL when x is NULL, or when x matches nothing and a candidate is NULL. (IN lists with
/// non-constant candidates compile to OR of equalities.)
class InExpr final : public Expr {
 public:
  InExpr(ExprPtr input, const TypePtr& valueType, const std::vector<Value>& candidates);
  ~InExpr() override;
  std::string toString() const override;

 protected:
  void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) override;

 private:
  class Set;
  std::unique_ptr<Set> set_;
  bool hasNullCandidate_ = false;
  size_t numCandidates_;
};

} // namespace presto
