#include <algorithm>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/DecimalMath.h"

namespace presto {
namespace {

enum class DecimalOperation { kAdd, kSubtract, kMultiply, kDivide, kModulus };

CallStatus decimalOverflow() {
  return CallStatus::error(errors::NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow");
}

/// Binary decimal arithmetic for one combination of short (int64) and long (int128) operands.
/// Operands are rescaled to a common scale (add, subtract, modulus) or combined and rounded half
/// up (divide); the result must fit the result precision.
template <DecimalOperation kOperation>
struct DecimalBinaryFunction {
  int leftScale = 0;
  int rightScale = 0;
  int resultPrecision = 0;
  int resultScale = 0;
  /// Add, subtract and multiply whose result type was not capped at 38 digits cannot overflow:
  /// they skip every check (operands rescaled by the factors below).
  bool cannotOverflow = false;
  int128_t leftFactor = 1;
  int128_t rightFactor = 1;

  void initialize(const FunctionBinding& binding) {
    const auto& leftType = asDecimal(*binding.argumentTypes[0]);
    const auto& rightType = asDecimal(*binding.argumentTypes[1]);
    leftScale = leftType.scale();
    rightScale = rightType.scale();
    resultPrecision = asDecimal(*binding.returnType).precision();
    resultScale = asDecimal(*binding.returnType).scale();
    if (kOperation == DecimalOperation::kAdd || kOperation == DecimalOperation::kSubtract) {
      int integerDigits = std::max(leftType.precision() - leftScale, rightType.precision() - rightScale);
      cannotOverflow = resultScale >= leftScale && resultScale >= rightScale &&
          integerDigits + 1 + resultScale <= resultPrecision;
      if (cannotOverflow) {
        leftFactor = decimal::powerOfTen(resultScale - leftScale);
        rightFactor = decimal::powerOfTen(resultScale - rightScale);
      }
    } else if (kOperation == DecimalOperation::kMultiply) {
      cannotOverflow = leftType.precision() + rightType.precision() <= resultPrecision;
    }
  }

  template <typename R, typename A, typename B>
  CallStatus call(R& out, A a, B b) const {
    int128_t left = a;
    int128_t right = b;
    if (cannotOverflow) {
      switch (kOperation) {
        case DecimalOperation::kAdd:
          out = static_cast<R>(left * leftFactor + right * rightFactor);
          return CallStatus::value();
        case DecimalOperation::kSubtract:
          out = static_cast<R>(left * leftFactor - right * rightFactor);
          return CallStatus::value();
        default:
          out = static_cast<R>(left * right);
          return CallStatus::value();
      }
    }
    int128_t result;
    switch (kOperation) {
      case DecimalOperation::kAdd:
      case DecimalOperation::kSubtract: {
        auto scaledLeft = decimal::rescale(left, leftScale, resultScale);
        auto scaledRight = decimal::rescale(right, rightScale, resultScale);
        if (!scaledLeft || !scaledRight) return decimalOverflow();
        bool overflowed = kOperation == DecimalOperation::kAdd
            ? __builtin_add_overflow(*scaledLeft, *scaledRight, &result)
            : __builtin_sub_overflow(*scaledLeft, *scaledRight, &result);
        if (overflowed) return decimalOverflow();
        break;
      }
      case DecimalOperation::kMultiply:
        if (decimal::multiplyOverflows(left, right, result)) return decimalOverflow();
        break;
      case DecimalOperation::kDivide: {
        if (right == 0) return CallStatus::error(errors::DIVISION_BY_ZERO, "Division by zero");
        // result = left * 10^(resultScale - leftScale + rightScale) / right, rounded half up; one
        // extra digit is computed and rounded away.
        int shift = resultScale - leftScale + rightScale + 1;
        int128_t dividend;
        if (shift > 38 || decimal::multiplyOverflows(left, decimal::powerOfTen(shift), dividend)) return decimalOverflow();
        int128_t quotient = dividend / right;
        result = decimal::divideRoundHalfUp(quotient, 1);
        break;
      }
      case DecimalOperation::kModulus: {
        if (right == 0) return CallStatus::error(errors::DIVISION_BY_ZERO, "Division by zero");
        int scale = std::max(leftScale, rightScale);
        auto scaledLeft = decimal::rescale(left, leftScale, scale);
        auto scaledRight = decimal::rescale(right, rightScale, scale);
        if (!scaledLeft || !scaledRight) return decimalOverflow();
        result = *scaledLeft % *scaledRight;
        break;
      }
    }
    if (!decimal::fitsPrecision(result, resultPrecision)) {
      return decimalOverflow();
    }
    out = static_cast<R>(result);
    return CallStatus::value();
  }
};

struct DecimalNegateFunction {
  template <typename T>
  void call(T& out, T value) const {
    out = -value;
  }
};

std::pair<int, int> precisionAndScale(const TypePtr& type) {
  const auto& decimalType = asDecimal(*type);
  return {decimalType.precision(), decimalType.scale()};
}

TypePtr addResultType(const std::vector<TypePtr>& types) {
  auto [p1, s1] = precisionAndScale(types[0]);
  auto [p2, s2] = precisionAndScale(types[1]);
  int scale = std::max(s1, s2);
  return DECIMAL(std::min(38, std::max(p1 - s1, p2 - s2) + scale + 1), scale);
}

TypePtr multiplyResultType(const std::vector<TypePtr>& types) {
  auto [p1, s1] = precisionAndScale(types[0]);
  auto [p2, s2] = precisionAndScale(types[1]);
  return DECIMAL(std::min(38, p1 + p2), s1 + s2);
}

TypePtr divideResultType(const std::vector<TypePtr>& types) {
  auto [p1, s1] = precisionAndScale(types[0]);
  auto [p2, s2] = precisionAndScale(types[1]);
  return DECIMAL(std::min(38, p1 + s2 + std::max(0, s2 - s1)), std::max(s1, s2));
}

TypePtr modulusResultType(const std::vector<TypePtr>& types) {
  auto [p1, s1] = precisionAndScale(types[0]);
  auto [p2, s2] = precisionAndScale(types[1]);
  int scale = std::max(s1, s2);
  return DECIMAL(std::min(38, std::min(p2 - s2, p1 - s1) + scale), scale);
}

template <typename Fn, typename R, typename A>
VectorFunctionPtr pickRight(const FunctionBinding& binding) {
  if (binding.argumentTypes[1]->isLongDecimal()) {
    return std::make_shared<SimpleFunctionAdapter<Fn, R, A, int128_t>>(binding);
  }
  return std::make_shared<SimpleFunctionAdapter<Fn, R, A, int64_t>>(binding);
}

template <typename Fn, typename R>
VectorFunctionPtr pickLeft(const FunctionBinding& binding) {
  if (binding.argumentTypes[0]->isLongDecimal()) {
    return pickRight<Fn, R, int128_t>(binding);
  }
  return pickRight<Fn, R, int64_t>(binding);
}

template <DecimalOperation kOperation>
void registerOperation(FunctionRegistry& registry, const char* name, ReturnTypeRule rule) {
  auto signature = makeSignature(name, {"decimal(p1,s1)", "decimal(p2,s2)"}, "decimal(p3,s3)");
  signature.returnTypeRule = std::move(rule);
  registry.registerScalar(std::move(signature), {FunctionKind::kScalar, true, "", true}, [](const FunctionBinding& binding) {
    using Fn = DecimalBinaryFunction<kOperation>;
    if (binding.returnType->isLongDecimal()) {
      return pickLeft<Fn, int128_t>(binding);
    }
    return pickLeft<Fn, int64_t>(binding);
  });
}

} // namespace

void registerDecimalArithmetic(FunctionRegistry& registry) {
  registerOperation<DecimalOperation::kAdd>(registry, operators::kAdd, addResultType);
  registerOperation<DecimalOperation::kSubtract>(registry, operators::kSubtract, addResultType);
  registerOperation<DecimalOperation::kMultiply>(registry, operators::kMultiply, multiplyResultType);
  registerOperation<DecimalOperation::kDivide>(registry, operators::kDivide, divideResultType);
  registerOperation<DecimalOperation::kModulus>(registry, operators::kModulus, modulusResultType);
  auto negate = makeSignature(operators::kNegate, {"decimal(p,s)"}, "decimal(p,s)");
  negate.returnTypeRule = [](const std::vector<TypePtr>& types) { return types[0]; };
  registry.registerScalar(std::move(negate), {FunctionKind::kScalar, true, "", true}, [](const FunctionBinding& binding) -> VectorFunctionPtr {
    if (binding.returnType->isLongDecimal()) {
      return std::make_shared<SimpleFunctionAdapter<DecimalNegateFunction, int128_t, int128_t>>(binding);
    }
    return std::make_shared<SimpleFunctionAdapter<DecimalNegateFunction, int64_t, int64_t>>(binding);
  });
}

} // namespace presto
