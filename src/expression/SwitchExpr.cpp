#include "expression/SwitchExpr.h"

#include <fmt/format.h>

#include "expression/ResultMerger.h"
#include "vector/DecodedVector.h"

namespace presto {

SwitchExpr::SwitchExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic)
    : Expr(std::move(type), std::move(inputs), deterministic),
      numCases_(inputs_.size() / 2),
      hasElse_(inputs_.size() % 2 == 1) {}

std::string SwitchExpr::toString() const {
  return fmt::format("SWITCH({})", inputsToString());
}

void SwitchExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  SelectivityVector remaining(rows);
  SelectivityVector matched(rows.size(), false);
  ResultMerger merger(type_, rows.size());
  DecodedVector decoded;
  bool single = true;  // whether one branch covered every row (then its vector is the result)
  VectorPtr branchResult;
  for (size_t i = 0; i < numCases_ && remaining.hasSelections(); ++i) {
    VectorPtr condition;
    inputs_[2 * i]->eval(remaining, context, condition);
    context.deselectErrors(remaining);
    decoded.decode(*condition, remaining);
    matched.clearAll();
    remaining.applyToSelected([&](vector_size_t row) {
      if (!decoded.isNullAt(row) && decoded.valueAt<bool>(row)) {
        matched.setValid(row, true);
        remaining.setValid(row, false);
      }
    });
    matched.updateBounds();
    remaining.updateBounds();
    if (!matched.hasSelections()) {
      continue;
    }
    VectorPtr value;
    inputs_[2 * i + 1]->eval(matched, context, value);
    single = single && !branchResult && !remaining.hasSelections() && matched == rows;
    branchResult = value;
    merger.copy(matched, value);
  }
  if (remaining.hasSelections() && hasElse_) {
    VectorPtr value;
    inputs_.back()->eval(remaining, context, value);
    single = single && !branchResult && remaining == rows;
    branchResult = value;
    merger.copy(remaining, value);
  } else if (remaining.hasSelections()) {
    single = false;
  }
  result = single && branchResult ? branchResult : merger.finish();
}

CoalesceExpr::CoalesceExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic)
    : Expr(std::move(type), std::move(inputs), deterministic) {}

std::string CoalesceExpr::toString() const {
  return fmt::format("COALESCE({})", inputsToString());
}

void CoalesceExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  SelectivityVector remaining(rows);
  SelectivityVector found(rows.size(), false);
  ResultMerger merger(type_, rows.size());
  DecodedVector decoded;
  for (size_t i = 0; i < inputs_.size() && remaining.hasSelections(); ++i) {
    VectorPtr value;
    inputs_[i]->eval(remaining, context, value);
    context.deselectErrors(remaining);
    if (i == 0 && !value->mayHaveNulls() && remaining == rows) {
      result = value;
      return;
    }
    decoded.decode(*value, remaining);
    found.clearAll();
    remaining.applyToSelected([&](vector_size_t row) {
      if (!decoded.isNullAt(row)) {
        found.setValid(row, true);
        remaining.setValid(row, false);
      }
    });
    found.updateBounds();
    remaining.updateBounds();
    merger.copy(found, value);
  }
  result = merger.finish();
}

} // namespace presto
