// abs, sign, ceil/ceiling, floor, round, round(x, d) and truncate of decimals, with Presto's result
// types: the value stays exact (no detour through double).

#include <algorithm>

#include <fmt/format.h>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/DecimalMath.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

int inputScale(const FunctionBinding& binding) {
  return asDecimal(*binding.argumentTypes[0]).scale();
}

/// Integer part (toward zero) and the dropped fraction of an unscaled value with `scale` digits.
struct Split {
  int128_t whole;
  int128_t fraction;
};

Split splitAtScale(int128_t value, int scale) {
  int128_t unit = decimal::powerOfTen(scale);
  return {value / unit, value % unit};
}

struct DecimalAbsFunction {
  template <typename TOut, typename TIn>
  void call(TOut& out, TIn value) const {
    out = static_cast<TOut>(value < 0 ? -value : value);
  }
};

struct DecimalSignFunction {
  template <typename TOut, typename TIn>
  void call(TOut& out, TIn value) const {
    out = static_cast<TOut>(value > 0 ? 1 : (value < 0 ? -1 : 0));
  }
};

struct DecimalCeilFunction {
  int scale = 0;
  void initialize(const FunctionBinding& binding) { scale = inputScale(binding); }

  template <typename TOut, typename TIn>
  void call(TOut& out, TIn value) const {
    auto [whole, fraction] = splitAtScale(value, scale);
    out = static_cast<TOut>(fraction > 0 ? whole + 1 : whole);
  }
};

struct DecimalFloorFunction {
  int scale = 0;
  void initialize(const FunctionBinding& binding) { scale = inputScale(binding); }

  template <typename TOut, typename TIn>
  void call(TOut& out, TIn value) const {
    auto [whole, fraction] = splitAtScale(value, scale);
    out = static_cast<TOut>(fraction < 0 ? whole - 1 : whole);
  }
};

struct DecimalTruncateFunction {
  int scale = 0;
  void initialize(const FunctionBinding& binding) { scale = inputScale(binding); }

  template <typename TOut, typename TIn>
  void call(TOut& out, TIn value) const {
    out = static_cast<TOut>(splitAtScale(value, scale).whole);
  }
};

/// round(x): half away from zero.
struct DecimalRoundFunction {
  int scale = 0;
  void initialize(const FunctionBinding& binding) { scale = inputScale(binding); }

  template <typename TOut, typename TIn>
  void call(TOut& out, TIn value) const {
    out = static_cast<TOut>(decimal::divideRoundHalfUp(value, scale));
  }
};

/// round(x, d): rounded to d fraction digits (d may be negative), keeping x's scale; the result
/// has one more digit of precision for the carry (9.99 -> 10.00).
struct DecimalRoundDigitsFunction {
  int scale = 0;
  int precision = 0;
  void initialize(const FunctionBinding& binding) {
    scale = inputScale(binding);
    precision = asDecimal(*binding.returnType).precision();
  }

  template <typename TOut, typename TIn>
  CallStatus call(TOut& out, TIn value, int32_t digits) const {
    int64_t dropped = static_cast<int64_t>(scale) - digits;
    if (dropped <= 0) {
      out = static_cast<TOut>(value);
      return CallStatus::value();
    }
    if (dropped > DecimalType::kMaxPrecision) {
      out = 0;
      return CallStatus::value();
    }
    int drop = static_cast<int>(dropped);
    int128_t rounded = decimal::divideRoundHalfUp(value, drop);
    int128_t result = 0;
    if (decimal::multiplyOverflows(rounded, decimal::powerOfTen(drop), result) || !decimal::fitsPrecision(result, precision)) {
      return CallStatus::error(errors::NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow in round");
    }
    out = static_cast<TOut>(result);
    return CallStatus::value();
  }
};

/// truncate(x, d): x with the fraction digits past d zeroed (d may be negative), keeping x's type.
struct DecimalTruncateDigitsFunction {
  int scale = 0;
  void initialize(const FunctionBinding& binding) { scale = inputScale(binding); }

  template <typename TOut, typename TIn>
  void call(TOut& out, TIn value, int32_t digits) const {
    int64_t dropped = static_cast<int64_t>(scale) - digits;
    if (dropped <= 0) {
      out = static_cast<TOut>(value);
    } else if (dropped > DecimalType::kMaxPrecision) {
      out = 0;
    } else {
      int128_t unit = decimal::powerOfTen(static_cast<int>(dropped));
      out = static_cast<TOut>(value / unit * unit);
    }
  }
};

/// Picks the adapter for the short (int64) or long (int128) representations of the first argument
/// and the result.
template <typename Fn, typename... TRest>
VectorFunctionPtr decimalAdapter(const FunctionBinding& binding) {
  bool longIn = binding.argumentTypes[0]->isLongDecimal();
  bool longOut = binding.returnType->isLongDecimal();
  if (longIn && longOut) {
    return std::make_shared<SimpleFunctionAdapter<Fn, int128_t, int128_t, TRest...>>(binding);
  }
  if (longIn) {
    return std::make_shared<SimpleFunctionAdapter<Fn, int64_t, int128_t, TRest...>>(binding);
  }
  if (longOut) {
    return std::make_shared<SimpleFunctionAdapter<Fn, int128_t, int64_t, TRest...>>(binding);
  }
  return std::make_shared<SimpleFunctionAdapter<Fn, int64_t, int64_t, TRest...>>(binding);
}

using ReturnTypeRule = std::function<TypePtr(const std::vector<TypePtr>&)>;

template <typename Fn, typename... TRest>
void registerDecimal(FunctionRegistry& registry, const std::string& name, std::vector<std::string> arguments,
    ReturnTypeRule returnType, const std::string& description) {
  auto signature = makeSignature(name, std::move(arguments), "decimal(p,s)");
  signature.returnTypeRule = std::move(returnType);
  registry.registerScalar(std::move(signature), describe(description), &decimalAdapter<Fn, TRest...>);
}

/// decimal(p, s) -> decimal(p - s + min(s, 1), 0): the integer part plus a digit for the carry.
TypePtr roundedToInteger(const std::vector<TypePtr>& types) {
  const auto& type = asDecimal(*types[0]);
  return DECIMAL(type.precision() - type.scale() + std::min(type.scale(), 1), 0);
}

} // namespace

void registerDecimalMathFunctions(FunctionRegistry& registry) {
  auto sameType = [](const std::vector<TypePtr>& types) { return types[0]; };
  registerDecimal<DecimalAbsFunction>(registry, "abs", {"decimal(p,s)"}, sameType, "absolute value");
  registerDecimal<DecimalSignFunction>(registry, "sign", {"decimal(p,s)"},
      [](const std::vector<TypePtr>&) { return DECIMAL(1, 0); }, "signum: -1, 0 or 1");
  for (const char* name : {"ceil", "ceiling"}) {
    registerDecimal<DecimalCeilFunction>(registry, name, {"decimal(p,s)"}, roundedToInteger, "round up to the nearest integer");
  }
  registerDecimal<DecimalFloorFunction>(registry, "floor", {"decimal(p,s)"}, roundedToInteger, "round down to the nearest integer");
  registerDecimal<DecimalRoundFunction>(registry, "round", {"decimal(p,s)"}, roundedToInteger,
      "round to the nearest integer, half away from zero");
  registerDecimal<DecimalTruncateFunction>(registry, "truncate", {"decimal(p,s)"},
      [](const std::vector<TypePtr>& types) {
        const auto& type = asDecimal(*types[0]);
        return DECIMAL(std::max(1, type.precision() - type.scale()), 0);
      },
      "drop the fraction");
  registerDecimal<DecimalTruncateDigitsFunction, int32_t>(registry, "truncate", {"decimal(p,s)", "integer"}, sameType,
      "drop the fraction digits past d");
  registerDecimal<DecimalRoundDigitsFunction, int32_t>(registry, "round", {"decimal(p,s)", "integer"},
      [](const std::vector<TypePtr>& types) {
        const auto& type = asDecimal(*types[0]);
        return DECIMAL(std::min(DecimalType::kMaxPrecision, type.precision() + 1), type.scale());
      },
      "round to d decimal places");
}

} // namespace presto
