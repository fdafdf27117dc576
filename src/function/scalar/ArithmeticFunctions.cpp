#include <cmath>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"

namespace presto {
namespace {

template <typename T>
constexpr const char* integerName() {
  if constexpr (std::is_same_v<T, int8_t>) return "tinyint";
  if constexpr (std::is_same_v<T, int16_t>) return "smallint";
  if constexpr (std::is_same_v<T, int32_t>) return "integer";
  return "bigint";
}

template <typename T>
CallStatus overflow(const char* operation, std::string detail) {
  return CallStatus::error(
      errors::NUMERIC_VALUE_OUT_OF_RANGE, fmt::format("{} {} overflow: {}", integerName<T>(), operation, detail));
}

struct AddFunction {
  template <typename T>
  CallStatus call(T& out, T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = a + b;
    } else if (__builtin_add_overflow(a, b, &out)) [[unlikely]] {
      return overflow<T>("addition", fmt::format("{} + {}", a, b));
    }
    return CallStatus::value();
  }
};

struct SubtractFunction {
  template <typename T>
  CallStatus call(T& out, T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = a - b;
    } else if (__builtin_sub_overflow(a, b, &out)) [[unlikely]] {
      return overflow<T>("subtraction", fmt::format("{} - {}", a, b));
    }
    return CallStatus::value();
  }
};

struct MultiplyFunction {
  template <typename T>
  CallStatus call(T& out, T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = a * b;
    } else if (__builtin_mul_overflow(a, b, &out)) [[unlikely]] {
      return overflow<T>("multiplication", fmt::format("{} * {}", a, b));
    }
    return CallStatus::value();
  }
};

struct DivideFunction {
  template <typename T>
  CallStatus call(T& out, T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = a / b;
    } else {
      if (b == 0) [[unlikely]] {
        return CallStatus::error(errors::DIVISION_BY_ZERO, "Division by zero");
      }
      if (b == -1 && a == std::numeric_limits<T>::min()) [[unlikely]] {
        return overflow<T>("division", fmt::format("{} / {}", a, b));
      }
      out = static_cast<T>(a / b);
    }
    return CallStatus::value();
  }
};

struct ModulusFunction {
  template <typename T>
  CallStatus call(T& out, T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = std::fmod(a, b);
    } else {
      if (b == 0) [[unlikely]] {
        return CallStatus::error(errors::DIVISION_BY_ZERO, "Division by zero");
      }
      out = b == -1 ? 0 : static_cast<T>(a % b);
    }
    return CallStatus::value();
  }
};

struct NegateFunction {
  template <typename T>
  CallStatus call(T& out, T a) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = -a;
    } else {
      if (a == std::numeric_limits<T>::min()) [[unlikely]] {
        return overflow<T>("negation", std::to_string(a));
      }
      out = static_cast<T>(-a);
    }
    return CallStatus::value();
  }
};

template <typename T>
void registerForType(FunctionRegistry& registry, const std::string& type) {
  FunctionMetadata hidden{FunctionKind::kScalar, true, "", true};
  registerSimple<AddFunction, T, T, T>(registry, operators::kAdd, {type, type}, type, hidden);
  registerSimple<SubtractFunction, T, T, T>(registry, operators::kSubtract, {type, type}, type, hidden);
  registerSimple<MultiplyFunction, T, T, T>(registry, operators::kMultiply, {type, type}, type, hidden);
  registerSimple<DivideFunction, T, T, T>(registry, operators::kDivide, {type, type}, type, hidden);
  registerSimple<ModulusFunction, T, T, T>(registry, operators::kModulus, {type, type}, type, hidden);
  registerSimple<NegateFunction, T, T>(registry, operators::kNegate, {type}, type, hidden);
}

} // namespace

void registerArithmeticFunctions(FunctionRegistry& registry) {
  registerForType<int8_t>(registry, "tinyint");
  registerForType<int16_t>(registry, "smallint");
  registerForType<int32_t>(registry, "integer");
  registerForType<int64_t>(registry, "bigint");
  registerForType<float>(registry, "real");
  registerForType<double>(registry, "double");
}

} // namespace presto
