#include "expression/NullHandlingExpr.h"

#include <fmt/format.h>

#include "expression/ResultMerger.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"

namespace presto {

IsNullExpr::IsNullExpr(ExprPtr input) : Expr(BOOLEAN(), {input}, input->isDeterministic()) {}

std::string IsNullExpr::toString() const {
  return fmt::format("IS_NULL({})", inputsToString());
}

void IsNullExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  VectorPtr value;
  inputs_[0]->eval(rows, context, value);
  auto flat = FlatVector<bool>::create(BOOLEAN(), rows.size());
  bool* values = flat->mutableRawValues();
  if (value->mayHaveNulls()) {
    DecodedVector decoded(*value, rows);
    rows.applyToSelected([&](vector_size_t row) { values[row] = decoded.isNullAt(row); });
  }
  result = std::move(flat);
}

TryExpr::TryExpr(ExprPtr input) : Expr(input->type(), {input}, input->isDeterministic()) {}

std::string TryExpr::toString() const {
  return fmt::format("TRY({})", inputsToString());
}

void TryExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  VectorPtr value;
  inputs_[0]->eval(rows, context, value);
  auto cleared = context.clearErrors(rows, true);
  if (cleared.empty()) {
    result = value;
    return;
  }
  SelectivityVector kept(rows);
  for (auto row : cleared) {
    kept.setValid(row, false);
  }
  kept.updateBounds();
  ResultMerger merger(type_, rows.size());
  merger.copy(kept, value);
  result = merger.finish();
}

} // namespace presto
