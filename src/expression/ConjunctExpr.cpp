#include "expression/ConjunctExpr.h"

#include <algorithm>
#include <cstring>

#include "type/Type.h"
#include "vector/DecodedVector.h"
#include "vector/Bits.h"
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
  std::fill(values + rows.begin(), values + rows.end(), isAnd_);
  SelectivityVector open(rows);
  // A failing row stays open: a later argument may still decide it. Its first error is kept aside
  // and restored unless that happens.
  EvalContext savedErrors(nullptr, rows.size());
  SelectivityVector failed(rows.size(), false);
  SelectivityVector failedNow(rows.size(), false);
  DecodedVector decoded;
  std::vector<uint64_t> decided;
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
      // The common case (a flat comparison result without NULLs): the rows it decides are found
      // 64 at a time and leave `open` in one step.
      const bool* decisions = decoded.data<bool>();
      const uint64_t* openBits = open.allBits();
      decided.assign(bits::numWords(static_cast<size_t>(rows.size())), 0);
      for (size_t word = static_cast<size_t>(open.begin()) / 64; word * 64 < static_cast<size_t>(open.end()); ++word) {
        if (openBits[word] == 0) {
          continue;
        }
        const size_t base = word * 64;
        const size_t count = std::min<size_t>(64, static_cast<size_t>(std::min(rows.size(), argument->size())) - base);
        uint64_t trueBits = 0;
        size_t bit = 0;
        for (; bit + 8 <= count; bit += 8) {
          // Eight bytes' low bits gathered into eight bits by one multiplication (rows outside
          // `open` may hold anything; their bits are masked off below).
          uint64_t eight;
          std::memcpy(&eight, decisions + base + bit, 8);
          trueBits |= (((eight & 0x0101010101010101ULL) * 0x0102040810204080ULL) >> 56) << bit;
        }
        for (; bit < count; ++bit) {
          trueBits |= static_cast<uint64_t>(decisions[base + bit]) << bit;
        }
        uint64_t inWord = count == 64 ? ~uint64_t{0} : (uint64_t{1} << count) - 1;
        decided[word] = (isAnd_ ? ~trueBits & inWord : trueBits) & openBits[word];
      }
      bool mayClearNulls = flat->nulls() != nullptr;
      bits::forEachSetBit(decided.data(), static_cast<size_t>(open.begin()), static_cast<size_t>(open.end()),
          [&](size_t row) {
            values[row] = !isAnd_;
            if (mayClearNulls) {
              flat->setNull(static_cast<vector_size_t>(row), false);
            }
          });
      open.deselect(decided.data());
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
