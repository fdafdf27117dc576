#pragma once

#include <string>

#include <fmt/format.h>

#include "function/VectorFunction.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"

namespace presto {

/// Why one value could not be cast.
struct CastFailure {
  const ErrorCode* code;
  std::string message;
};

/// Applies a per-value converter to a vector. A converter is a struct with
///   bool operator()(From value, To& out, std::string& text) const   // false: the value fails
///   CastFailure failure(From value) const
/// String results are written to `text` and copied into the result vector.
template <typename From, typename To, typename Converter>
class CastKernel final : public VectorFunction {
 public:
  explicit CastKernel(Converter converter) : converter_(std::move(converter)) {}

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    auto flat = FlatVector<To>::create(outputType, rows.size());
    DecodedVector decoded(*args[0], rows);
    To* out = flat->mutableRawValues();
    std::string text;
    auto process = [&](vector_size_t row, From value) {
      To converted{};
      if (converter_(value, converted, text)) [[likely]] {
        if constexpr (std::is_same_v<To, StringView>) {
          out[row] = flat->copyString(text);
          text.clear();
        } else {
          out[row] = converted;
        }
        return;
      }
      auto failure = converter_.failure(value);
      context.setError(row, *failure.code, std::move(failure.message));
      flat->setNull(row, true);
      text.clear();
    };
    if (decoded.isIdentityMapping() && !decoded.mayHaveNulls()) {
      const From* values = decoded.data<From>();
      rows.applyToSelected([&](vector_size_t row) { process(row, values[row]); });
    } else {
      rows.applyToSelected([&](vector_size_t row) {
        if (decoded.isNullAt(row)) {
          flat->setNull(row, true);
        } else {
          process(row, decoded.valueAt<From>(row));
        }
      });
    }
    result = std::move(flat);
  }

 private:
  const Converter converter_;
};

template <typename From, typename To, typename Converter>
VectorFunctionPtr makeCastKernel(Converter converter) {
  return std::make_shared<CastKernel<From, To, Converter>>(std::move(converter));
}

/// Casts from varchar/char/varbinary (CastFromString.cpp); nullptr if unsupported.
VectorFunctionPtr makeCastFromString(const TypePtr& from, const TypePtr& to);
/// Casts to varchar/char (CastToString.cpp); nullptr if unsupported.
VectorFunctionPtr makeCastToString(const TypePtr& from, const TypePtr& to);

/// Presto's upper-case spelling of a type in cast messages (`BIGINT`, `DECIMAL(10, 2)`).
std::string castTypeName(const Type& type);

} // namespace presto
