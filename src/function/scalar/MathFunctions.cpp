#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/DecimalMath.h"
#include "vector/TypeDispatch.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description, bool deterministic = true) {
  return {FunctionKind::kScalar, deterministic, std::move(description), false};
}

CallStatus invalidArgument(std::string message) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, std::move(message));
}

struct AbsFunction {
  template <typename T>
  CallStatus call(T& out, T value) const {
    if constexpr (std::is_integral_v<T>) {
      if (value == std::numeric_limits<T>::min()) {
        return CallStatus::error(errors::NUMERIC_VALUE_OUT_OF_RANGE, fmt::format("Value -{} is out of range for abs()", -(value + 1) + 1ULL));
      }
      out = static_cast<T>(value < 0 ? -value : value);
    } else {
      out = std::fabs(value);
    }
    return CallStatus::value();
  }
};

#define PRESTO_UNARY_DOUBLE(Name, expression)   \
  struct Name {                                 \
    void call(double& out, double x) const {    \
      out = (expression);                       \
    }                                           \
  };

PRESTO_UNARY_DOUBLE(SqrtFunction, std::sqrt(x))
PRESTO_UNARY_DOUBLE(CbrtFunction, std::cbrt(x))
PRESTO_UNARY_DOUBLE(ExpFunction, std::exp(x))
PRESTO_UNARY_DOUBLE(LnFunction, std::log(x))
PRESTO_UNARY_DOUBLE(Log2Function, std::log2(x))
PRESTO_UNARY_DOUBLE(Log10Function, std::log10(x))
PRESTO_UNARY_DOUBLE(SinFunction, std::sin(x))
PRESTO_UNARY_DOUBLE(CosFunction, std::cos(x))
PRESTO_UNARY_DOUBLE(TanFunction, std::tan(x))
PRESTO_UNARY_DOUBLE(AsinFunction, std::asin(x))
PRESTO_UNARY_DOUBLE(AcosFunction, std::acos(x))
PRESTO_UNARY_DOUBLE(AtanFunction, std::atan(x))
PRESTO_UNARY_DOUBLE(SinhFunction, std::sinh(x))
PRESTO_UNARY_DOUBLE(CoshFunction, std::cosh(x))
PRESTO_UNARY_DOUBLE(TanhFunction, std::tanh(x))
PRESTO_UNARY_DOUBLE(DegreesFunction, x * 180.0 / M_PI)
PRESTO_UNARY_DOUBLE(RadiansFunction, x * M_PI / 180.0)
#undef PRESTO_UNARY_DOUBLE

struct IsNanFunction {
  void call(bool& out, double x) const { out = std::isnan(x); }
};
struct IsFiniteFunction {
  void call(bool& out, double x) const { out = std::isfinite(x); }
};
struct IsInfiniteFunction {
  void call(bool& out, double x) const { out = std::isinf(x); }
};

struct CeilFunction {
  template <typename T>
  void call(T& out, T x) const {
    if constexpr (std::is_floating_point_v<T>) out = std::ceil(x); else out = x;
  }
};
struct FloorFunction {
  template <typename T>
  void call(T& out, T x) const {
    if constexpr (std::is_floating_point_v<T>) out = std::floor(x); else out = x;
  }
};

/// round(x): half away from zero, as Presto.
struct RoundFunction {
  template <typename T>
  void call(T& out, T x) const {
    if constexpr (std::is_floating_point_v<T>) out = std::round(x); else out = x;
  }
};

/// round(x, d): to d decimal places (d may be negative).
struct RoundDigitsFunction {
  template <typename T>
  void call(T& out, T x, int32_t digits) const {
    if constexpr (std::is_floating_point_v<T>) {
      if (!std::isfinite(x)) {
        out = x;
        return;
      }
      double factor = std::pow(10.0, digits);
      out = static_cast<T>(std::round(static_cast<double>(x) * factor) / factor);
    } else {
      if (digits >= 0) {
        out = x;
        return;
      }
      int128_t rounded = decimal::divideRoundHalfUp(x, -digits) * decimal::powerOfTen(std::min(-digits, 38));
      out = static_cast<T>(rounded);
    }
  }
};

struct TruncateFunction {
  void call(double& out, double x) const { out = std::trunc(x); }
};

/// truncate(x, d): toward zero at d decimal places (d may be negative).
struct TruncateDigitsFunction {
  void call(double& out, double x, int32_t digits) const {
    if (!std::isfinite(x)) {
      out = x;
      return;
    }
    double factor = std::pow(10.0, digits);
    out = std::trunc(x * factor) / factor;
  }
};

struct SignFunction {
  template <typename T>
  void call(T& out, T x) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = std::isnan(x) ? x : static_cast<T>((x > 0) - (x < 0));
    } else {
      out = static_cast<T>((x > 0) - (x < 0));
    }
  }
};

struct PowerFunction {
  void call(double& out, double x, double y) const { out = std::pow(x, y); }
};
struct Atan2Function {
  void call(double& out, double y, double x) const { out = std::atan2(y, x); }
};
struct LogFunction {
  void call(double& out, double base, double x) const { out = std::log(x) / std::log(base); }
};

struct PiFunction {
  void call(double& out) const { out = M_PI; }
};
struct EFunction {
  void call(double& out) const { out = M_E; }
};
struct InfinityFunction {
  void call(double& out) const { out = std::numeric_limits<double>::infinity(); }
};
struct NanFunction {
  void call(double& out) const { out = std::numeric_limits<double>::quiet_NaN(); }
};

struct RandomFunction {
  std::mt19937_64 generator{std::random_device{}()};
  void call(double& out) { out = std::uniform_real_distribution<double>(0.0, 1.0)(generator); }
};

struct RandomBoundedFunction {
  std::mt19937_64 generator{std::random_device{}()};
  template <typename T>
  CallStatus call(T& out, T bound) {
    if (bound <= 0) return invalidArgument("bound must be positive");
    out = static_cast<T>(std::uniform_int_distribution<int64_t>(0, bound - 1)(generator));
    return CallStatus::value();
  }
};

/// width_bucket(x, bound1, bound2, n): the bucket of x among n equal-width buckets.
struct WidthBucketFunction {
  CallStatus call(int64_t& out, double x, double bound1, double bound2, int64_t count) const {
    if (count <= 0) return invalidArgument("bucketCount must be greater than 0");
    if (std::isnan(x)) return invalidArgument("operand must not be NaN");
    if (!std::isfinite(bound1)) return invalidArgument("first bound must be finite");
    if (!std::isfinite(bound2)) return invalidArgument("second bound must be finite");
    if (bound1 == bound2) return invalidArgument("bounds cannot equal each other");
    double lower = std::min(bound1, bound2);
    double upper = std::max(bound1, bound2);
    if (x < lower) {
      out = bound1 < bound2 ? 0 : count + 1;
    } else if (x >= upper) {
      out = bound1 < bound2 ? count + 1 : 0;
    } else {
      auto bucket = static_cast<int64_t>(static_cast<double>(count) * (x - lower) / (upper - lower)) + 1;
      out = bound1 < bound2 ? bucket : count - bucket + 1;
    }
    return CallStatus::value();
  }
};

constexpr std::string_view kDigits = "0123456789abcdefghijklmnopqrstuvwxyz";

struct ToBaseFunction {
  CallStatus call(std::string& out, int64_t value, int64_t radix) const {
    if (radix < 2 || radix > 36) return invalidArgument("Radix must be between 2 and 36");
    bool negative = value < 0;
    auto magnitude = negative ? static_cast<uint64_t>(-(value + 1)) + 1 : static_cast<uint64_t>(value);
    do {
      out.push_back(kDigits[magnitude % static_cast<uint64_t>(radix)]);
      magnitude /= static_cast<uint64_t>(radix);
    } while (magnitude > 0);
    if (negative) out.push_back('-');
    std::reverse(out.begin(), out.end());
    return CallStatus::value();
  }
};

struct FromBaseFunction {
  CallStatus call(int64_t& out, StringView text, int64_t radix) const {
    if (radix < 2 || radix > 36) return invalidArgument("Radix must be between 2 and 36");
    std::string_view digits = text.view();
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative || (!digits.empty() && digits[0] == '+')) digits.remove_prefix(1);
    if (digits.empty()) return invalidArgument(fmt::format("Not a valid base-{} number: {}", radix, text.view()));
    int128_t value = 0;
    for (char c : digits) {
      auto position = kDigits.find(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      if (position == std::string_view::npos || static_cast<int64_t>(position) >= radix) {
        return invalidArgument(fmt::format("Not a valid base-{} number: {}", radix, text.view()));
      }
      value = value * radix + static_cast<int128_t>(position);
      if (value > static_cast<int128_t>(std::numeric_limits<int64_t>::max()) + 1) {
        return invalidArgument(fmt::format("Not a valid base-{} number: {}", radix, text.view()));
      }
    }
    value = negative ? -value : value;
    if (value > std::numeric_limits<int64_t>::max()) {
      return invalidArgument(fmt::format("Not a valid base-{} number: {}", radix, text.view()));
    }
    out = static_cast<int64_t>(value);
    return CallStatus::value();
  }
};

/// greatest / least over any number of arguments of one orderable type.
template <bool kGreatest>
struct ExtremeFunction {
  template <typename T>
  CallStatus call(T& out, T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(a) || std::isnan(b)) return invalidArgument("Invalid argument to greatest/least: NaN");
    }
    if constexpr (std::is_same_v<T, StringView>) {
      out = kGreatest ? (a.compare(b) >= 0 ? a : b) : (a.compare(b) <= 0 ? a : b);
    } else {
      out = kGreatest ? (a >= b ? a : b) : (a <= b ? a : b);
    }
    return CallStatus::value();
  }
};

struct ModFunction {
  template <typename T>
  CallStatus call(T& out, T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      out = std::fmod(a, b);
    } else {
      if (b == 0) return CallStatus::error(errors::DIVISION_BY_ZERO, "Division by zero");
      out = b == -1 ? 0 : a % b;
    }
    return CallStatus::value();
  }
};

/// greatest / least: variadic; NULL if any argument is NULL (Presto), NaN is an error.
template <bool kGreatest>
class ExtremeVectorFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    dispatchScalar(*outputType, [&](auto tag) {
      using T = typename decltype(tag)::type;
      auto flat = FlatVector<T>::create(outputType, rows.size());
      std::vector<std::unique_ptr<DecodedVector>> decoded;
      for (const auto& arg : args) decoded.push_back(std::make_unique<DecodedVector>(*arg, rows));
      ExtremeFunction<kGreatest> pick;
      rows.applyToSelected([&](vector_size_t row) {
        for (const auto& arg : decoded) {
          if (arg->isNullAt(row)) {
            flat->setNull(row, true);
            return;
          }
        }
        T best = decoded[0]->template valueAt<T>(row);
        for (size_t i = 1; i < decoded.size(); ++i) {
          auto status = pick.call(best, best, decoded[i]->template valueAt<T>(row));
          if (status.isError()) {
            context.setError(row, status.code(), std::move(status.message()));
            flat->setNull(row, true);
            return;
          }
        }
        flat->set(row, best);
      });
      if constexpr (std::is_same_v<T, StringView>) {
        for (const auto& arg : decoded) {
          if (arg->base()->encoding() == VectorEncoding::kFlat) {
            for (const auto& buffer : arg->base()->template as<FlatVector<StringView>>()->stringBuffers()) flat->addStringBuffer(buffer);
          }
        }
      }
      result = std::move(flat);
    });
  }
};

template <bool kGreatest>
void registerExtreme(FunctionRegistry& registry, const std::string& name) {
  auto signature = makeSignature(name, {"T"}, "T", {{"T", TypeConstraint::kOrderable}});
  signature.variableArity = true;
  registry.registerScalar(std::move(signature), describe(kGreatest ? "the largest argument" : "the smallest argument"),
      [](const FunctionBinding&) { return std::make_shared<ExtremeVectorFunction<kGreatest>>(); });
}

template <typename Fn>
void registerNumeric(FunctionRegistry& registry, const std::string& name, const std::string& description) {
  registerSimple<Fn, int8_t, int8_t>(registry, name, {"tinyint"}, "tinyint", describe(description));
  registerSimple<Fn, int16_t, int16_t>(registry, name, {"smallint"}, "smallint", describe(description));
  registerSimple<Fn, int32_t, int32_t>(registry, name, {"integer"}, "integer", describe(description));
  registerSimple<Fn, int64_t, int64_t>(registry, name, {"bigint"}, "bigint", describe(description));
  registerSimple<Fn, float, float>(registry, name, {"real"}, "real", describe(description));
  registerSimple<Fn, double, double>(registry, name, {"double"}, "double", describe(description));
}

} // namespace

void registerMathFunctions(FunctionRegistry& registry) {
  registerNumeric<AbsFunction>(registry, "abs", "absolute value");
  registerNumeric<CeilFunction>(registry, "ceil", "round up to the nearest integer");
  registerNumeric<CeilFunction>(registry, "ceiling", "round up to the nearest integer");
  registerNumeric<FloorFunction>(registry, "floor", "round down to the nearest integer");
  registerNumeric<RoundFunction>(registry, "round", "round to the nearest integer, half away from zero");
  registerNumeric<SignFunction>(registry, "sign", "signum: -1, 0 or 1");
  registerSimple<RoundDigitsFunction, double, double, int32_t>(registry, "round", {"double", "integer"}, "double", describe("round to d decimal places"));
  registerSimple<RoundDigitsFunction, float, float, int32_t>(registry, "round", {"real", "integer"}, "real", describe("round to d decimal places"));
  registerSimple<RoundDigitsFunction, int64_t, int64_t, int32_t>(registry, "round", {"bigint", "integer"}, "bigint", describe("round to d decimal places"));
  registerSimple<RoundDigitsFunction, int32_t, int32_t, int32_t>(registry, "round", {"integer", "integer"}, "integer", describe("round to d decimal places"));
  registerSimple<TruncateFunction, double, double>(registry, "truncate", {"double"}, "double", describe("drop the fraction"));
  registerSimple<TruncateDigitsFunction, double, double, int32_t>(registry, "truncate", {"double", "integer"}, "double",
      describe("drop the fraction digits past d"));
  registerSimple<SqrtFunction, double, double>(registry, "sqrt", {"double"}, "double", describe("square root"));
  registerSimple<CbrtFunction, double, double>(registry, "cbrt", {"double"}, "double", describe("cube root"));
  registerSimple<ExpFunction, double, double>(registry, "exp", {"double"}, "double", describe("e raised to x"));
  registerSimple<LnFunction, double, double>(registry, "ln", {"double"}, "double", describe("natural logarithm"));
  registerSimple<Log2Function, double, double>(registry, "log2", {"double"}, "double", describe("base 2 logarithm"));
  registerSimple<Log10Function, double, double>(registry, "log10", {"double"}, "double", describe("base 10 logarithm"));
  registerSimple<LogFunction, double, double, double>(registry, "log", {"double", "double"}, "double", describe("logarithm of x in base b"));
  registerSimple<SinFunction, double, double>(registry, "sin", {"double"}, "double", describe("sine"));
  registerSimple<CosFunction, double, double>(registry, "cos", {"double"}, "double", describe("cosine"));
  registerSimple<TanFunction, double, double>(registry, "tan", {"double"}, "double", describe("tangent"));
  registerSimple<AsinFunction, double, double>(registry, "asin", {"double"}, "double", describe("arc sine"));
  registerSimple<AcosFunction, double, double>(registry, "acos", {"double"}, "double", describe("arc cosine"));
  registerSimple<AtanFunction, double, double>(registry, "atan", {"double"}, "double", describe("arc tangent"));
  registerSimple<Atan2Function, double, double, double>(registry, "atan2", {"double", "double"}, "double", describe("arc tangent of y / x"));
  registerSimple<SinhFunction, double, double>(registry, "sinh", {"double"}, "double", describe("hyperbolic sine"));
  registerSimple<CoshFunction, double, double>(registry, "cosh", {"double"}, "double", describe("hyperbolic cosine"));
  registerSimple<TanhFunction, double, double>(registry, "tanh", {"double"}, "double", describe("hyperbolic tangent"));
  registerSimple<DegreesFunction, double, double>(registry, "degrees", {"double"}, "double", describe("radians to degrees"));
  registerSimple<RadiansFunction, double, double>(registry, "radians", {"double"}, "double", describe("degrees to radians"));
  registerSimple<PowerFunction, double, double, double>(registry, "pow", {"double", "double"}, "double", describe("x raised to y"));
  registerSimple<PowerFunction, double, double, double>(registry, "power", {"double", "double"}, "double", describe("x raised to y"));
  registerSimple<IsNanFunction, bool, double>(registry, "is_nan", {"double"}, "boolean", describe("whether x is not-a-number"));
  registerSimple<IsFiniteFunction, bool, double>(registry, "is_finite", {"double"}, "boolean", describe("whether x is finite"));
  registerSimple<IsInfiniteFunction, bool, double>(registry, "is_infinite", {"double"}, "boolean", describe("whether x is infinite"));
  registerSimple<PiFunction, double>(registry, "pi", {}, "double", describe("the constant pi"));
  registerSimple<EFunction, double>(registry, "e", {}, "double", describe("Euler's number"));
  registerSimple<InfinityFunction, double>(registry, "infinity", {}, "double", describe("positive infinity"));
  registerSimple<NanFunction, double>(registry, "nan", {}, "double", describe("not-a-number"));
  registerSimple<RandomFunction, double>(registry, "rand", {}, "double", describe("uniform random in [0, 1)", false));
  registerSimple<RandomFunction, double>(registry, "random", {}, "double", describe("uniform random in [0, 1)", false));
  registerSimple<RandomBoundedFunction, int64_t, int64_t>(registry, "random", {"bigint"}, "bigint", describe("uniform random in [0, n)", false));
  registerSimple<RandomBoundedFunction, int32_t, int32_t>(registry, "random", {"integer"}, "integer", describe("uniform random in [0, n)", false));
  registerSimple<WidthBucketFunction, int64_t, double, double, double, int64_t>(registry, "width_bucket",
      {"double", "double", "double", "bigint"}, "bigint", describe("bucket number of x in an equi-width histogram"));
  registerSimple<ToBaseFunction, StringView, int64_t, int64_t>(registry, "to_base", {"bigint", "bigint"}, "varchar", describe("x in the given radix"));
  registerSimple<FromBaseFunction, int64_t, StringView, int64_t>(registry, "from_base", {"varchar", "bigint"}, "bigint", describe("parse a number in the given radix"));
  registerSimple<ModFunction, int64_t, int64_t, int64_t>(registry, "mod", {"bigint", "bigint"}, "bigint", describe("remainder of n / m"));
  registerSimple<ModFunction, int32_t, int32_t, int32_t>(registry, "mod", {"integer", "integer"}, "integer", describe("remainder of n / m"));
  registerSimple<ModFunction, double, double, double>(registry, "mod", {"double", "double"}, "double", describe("remainder of n / m"));
  registerExtreme<true>(registry, "greatest");
  registerExtreme<false>(registry, "least");
}

} // namespace presto
