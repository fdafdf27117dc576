#include "expression/ConjunctExpr.h"

#include "type/Type.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"

namespace presto {

ConjunctExpr::ConjunctExpr(bool isAnd, std::vector<ExprPtr> inputs, bool deterministic)
    : Expr(BOOLEAN(), std::move(inputs), deterministic), isAnd_(isAnd) {}

std::string ConjunctExpr::toString() const {
  return std::string(isAnd_ ? "AND" : "OR") + "(" + inputsToString() + ")";
}

void ConjunctExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  auto flat = FlatVector<bool>::create(BOOLEAN(), rows.size());
  bool* values = flat->mutableRawValues();
  // Rows not yet decided start with the identity value (true for AND, false for OR).
  rows.applyToSelected([&](vector_size_t row) { values[row] = isAnd_; });
  SelectivityVector open(rows);
  // A failing row stays open: a later argument may still decide it. Its first error is kept aside
  // and restored unless that happens.
  EvalContext savedErrors(nullptr, rows.size());
  SelectivityVector failed(rows.size(), false);
  SelectivityVector failedNow(rows.size(), false);
  DecodedVector decoded;
  for (const auto& input : inputs_) {
    VectorPtr argument;
    input->eval(open, context, argument);
    bool anyFailed = false;
    if (context.hasErrors()) {
      failedNow.clearAll();
      open.applyToSelected([&](vector_size_t row) {
        if (context.isError(row)) {
          anyFailed = true;
          failedNow.setValid(row, true);
          if (!failed.isValid(row)) {
            savedErrors.copyError(row, context, row);
            failed.setValid(row, true);
          }
        }
      });
      context.clearErrors(open, false);
    }
    decoded.decode(*argument, open);
    if (!anyFailed && decoded.isIdentityMapping() && !decoded.mayHaveNulls()) {
      // The common case (a flat comparison result without NULLs): no decoding per row.
      const bool* decisions = decoded.data<bool>();
      bool mayClearNulls = flat->nulls() != nullptr;
      open.applyToSelected([&](vector_size_t row) {
        if (decisions[row] != isAnd_) {
          values[row] = !isAnd_;
          if (mayClearNulls) {
            flat->setNull(row, false);
          }
          open.setValid(row, false);
        }
      });
    } else {
      combineDecoded(decoded, anyFailed, failedNow, *flat, open);
    }
    open.updateBounds();
    if (!open.hasSelections()) {
      break;
    }
  }
  failed.updateBounds();
  failed.applyToSelected([&](vector_size_t row) {
    bool decided = values[row] != isAnd_ && !flat->isNullAt(row);
    if (!decided) {
      context.copyError(row, savedErrors, row);
    }
  });
  result = std::move(flat);
}

void ConjunctExpr::combineDecoded(const DecodedVector& decoded, bool anyFailed, const SelectivityVector& failedNow,
    FlatVector<bool>& flat, SelectivityVector& open) const {
  bool* values = flat.mutableRawValues();
  open.applyToSelected([&](vector_size_t row) {
    if (anyFailed && failedNow.isValid(row)) {
      return;
    }
    if (decoded.isNullAt(row)) {
      flat.setNull(row, true);
    } else if (decoded.valueAt<bool>(row) != isAnd_) {
      values[row] = !isAnd_;
      flat.setNull(row, false);
      open.setValid(row, false);
    }
  });
}

} // namespace presto
