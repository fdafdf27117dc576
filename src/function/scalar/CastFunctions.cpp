#include "function/scalar/CastFunctions.h"

#include <cmath>
#include <limits>

#include "common/Check.h"
#include "function/scalar/CastKernel.h"
#include "function/scalar/DecimalMath.h"
#include "type/DateTime.h"
#include "type/Decimal.h"
#include "type/TimeZoneKey.h"
#include "vector/ComplexVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

template <typename T>
std::string numberText(T value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_floating_point_v<T>) {
    return fmt::format("{}", value);
  } else {
    return std::to_string(static_cast<int64_t>(value));
  }
}

/// Between bool, integers, real and double.
template <typename From, typename To>
struct NumericConverter {
  std::string toName;

  bool operator()(From value, To& out, std::string&) const {
    if constexpr (std::is_same_v<To, bool>) {
      out = value != 0;
      return true;
    } else if constexpr (std::is_same_v<From, bool> || std::is_floating_point_v<To>) {
      out = static_cast<To>(value);
      return true;
    } else if constexpr (std::is_floating_point_v<From>) {
      if (std::isnan(value)) {
        return false;
      }
      auto rounded = std::round(static_cast<double>(value));
      if (rounded < static_cast<double>(std::numeric_limits<To>::min()) ||
          rounded >= -static_cast<double>(std::numeric_limits<To>::min())) {
        return false;
      }
      out = static_cast<To>(rounded);
      return true;
    } else {
      auto wide = static_cast<int128_t>(value);
      if (wide < static_cast<int128_t>(std::numeric_limits<To>::min()) ||
          wide > static_cast<int128_t>(std::numeric_limits<To>::max())) {
        return false;
      }
      out = static_cast<To>(value);
      return true;
    }
  }

  CastFailure failure(From value) const {
    if constexpr (std::is_floating_point_v<From>) {
      return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Unable to cast {} to {}", numberText(value), toName)};
    } else {
      return {&errors::NUMERIC_VALUE_OUT_OF_RANGE, fmt::format("Out of range for {}: {}", toName, numberText(value))};
    }
  }
};

/// Integers and decimals to decimals, with rescaling and precision checks.
template <typename From, typename To>
struct ToDecimalConverter {
  int fromScale;
  int toPrecision;
  int toScale;
  std::string fromName;
  std::string toName;

  bool operator()(From value, To& out, std::string&) const {
    int128_t result;
    if constexpr (std::is_floating_point_v<From>) {
      if (!std::isfinite(value)) {
        return false;
      }
      long double scaled = static_cast<long double>(value) * std::pow(10.0L, toScale);
      scaled = std::round(scaled);
      if (std::fabs(scaled) >= 1e38L) {
        return false;
      }
      result = static_cast<int128_t>(scaled);
    } else if constexpr (std::is_same_v<From, bool>) {
      result = decimal::powerOfTen(toScale) * (value ? 1 : 0);
    } else {
      auto rescaled = decimal::rescale(static_cast<int128_t>(value), fromScale, toScale);
      if (!rescaled) {
        return false;
      }
      result = *rescaled;
    }
    if (!decimal::fitsPrecision(result, toPrecision)) {
      return false;
    }
    out = static_cast<To>(result);
    return true;
  }

  CastFailure failure(From value) const {
    std::string text;
    if constexpr (std::is_floating_point_v<From> || std::is_same_v<From, bool>) {
      text = numberText(value);
    } else {
      text = fromScale > 0 ? formatDecimal(static_cast<int128_t>(value), fromScale) : int128ToString(static_cast<int128_t>(value));
    }
    return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Cannot cast {} '{}' to {}", fromName, text, toName)};
  }
};

/// Decimals to integers (rounding half up), real and double.
template <typename From, typename To>
struct FromDecimalConverter {
  int fromScale;
  std::string fromName;
  std::string toName;

  bool operator()(From value, To& out, std::string&) const {
    if constexpr (std::is_floating_point_v<To>) {
      out = static_cast<To>(static_cast<long double>(value) / std::pow(10.0L, fromScale));
      return true;
    } else if constexpr (std::is_same_v<To, bool>) {
      out = value != 0;
      return true;
    } else {
      int128_t rounded = decimal::divideRoundHalfUp(static_cast<int128_t>(value), fromScale);
      if (rounded < std::numeric_limits<To>::min() || rounded > std::numeric_limits<To>::max()) {
        return false;
      }
      out = static_cast<To>(rounded);
      return true;
    }
  }

  CastFailure failure(From value) const {
    return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Cannot cast {} '{}' to {}", fromName,
        formatDecimal(static_cast<int128_t>(value), fromScale), toName)};
  }
};

/// date <-> timestamp.
template <typename From, typename To>
struct TemporalConverter {
  bool toDate;
  bool operator()(From value, To& out, std::string&) const {
    if (toDate) {
      auto millis = static_cast<int64_t>(value);
      out = static_cast<To>(millis >= 0 ? millis / kMillisPerDay : (millis - kMillisPerDay + 1) / kMillisPerDay);
    } else {
      out = static_cast<To>(static_cast<int64_t>(value) * kMillisPerDay);
    }
    return true;
  }
  CastFailure failure(From) const { return {&errors::INVALID_CAST_ARGUMENT, "invalid temporal cast"}; }
};

/// Casts between timestamp with time zone and date or timestamp. The session zone is UTC, so a
/// timestamp or date becomes a UTC value; a zoned value becomes its instant (timestamp, as Presto's
/// legacy timestamp semantics) or its local date in its own zone (date).
template <typename From, typename To>
struct ZonedConverter {
  TypeKind from;
  TypeKind to;
  bool operator()(From value, To& out, std::string&) const {
    auto raw = static_cast<int64_t>(value);
    if (from == TypeKind::kTimestamp) {
      out = static_cast<To>(packTimestampWithTimeZone(raw, kUtcZoneKey));
    } else if (from == TypeKind::kDate) {
      out = static_cast<To>(packTimestampWithTimeZone(raw * kMillisPerDay, kUtcZoneKey));
    } else if (to == TypeKind::kTimestamp) {
      out = static_cast<To>(unpackMillisUtc(raw));
    } else {
      int64_t millisUtc = unpackMillisUtc(raw);
      int64_t local = millisUtc + zoneOffsetMillis(unpackZoneKey(raw), millisUtc);
      out = static_cast<To>(local >= 0 ? local / kMillisPerDay : (local - kMillisPerDay + 1) / kMillisPerDay);
    }
    return true;
  }
  CastFailure failure(From) const { return {&errors::INVALID_CAST_ARGUMENT, "invalid temporal cast"}; }
};

bool isPlainNumeric(const Type& type) {
  switch (type.kind()) {
    case TypeKind::kBoolean:
    case TypeKind::kTinyint:
    case TypeKind::kSmallint:
    case TypeKind::kInteger:
    case TypeKind::kBigint:
    case TypeKind::kReal:
    case TypeKind::kDouble: return true;
    default: return false;
  }
}

/// Every row NULL: casts from `unknown`.
class NullCast final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>&, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext&, VectorPtr& result) const override {
    result = makeConstant(outputType, Value(), rows.size());
  }
};

/// Arrays, maps and rows: casts the children, keeping the layout; a failing element fails its row.
class NestedCast final : public VectorFunction {
 public:
  NestedCast(const TypePtr& from, const TypePtr& to) {
    for (size_t i = 0; i < from->children().size(); ++i) {
      children_.push_back(sameType(from->childAt(i), to->childAt(i)) ? nullptr : makeCastFunction(from->childAt(i), to->childAt(i)));
    }
  }

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    // Generic path through Values: correct for every nesting, used rarely.
    std::vector<Value> values(static_cast<size_t>(rows.size()));
    rows.applyToSelected([&](vector_size_t row) {
      try {
        values[static_cast<size_t>(row)] = castValue(valueAt(*args[0], row), *args[0]->type(), outputType);
      } catch (const PrestoException& error) {
        context.setError(row, error);
      }
    });
    result = vectorFromValues(outputType, values);
  }

 private:
  Value castValue(const Value& value, const Type& from, const TypePtr& to) const {
    if (value.isNull()) {
      return value;
    }
    auto convert = [&](const Value& child, size_t index) {
      if (!children_[index] || child.isNull()) {
        return child;
      }
      std::vector<VectorPtr> inputs{vectorFromValues(from.childAt(index), {child})};
      EvalContext context(&inputs, 1);
      VectorPtr converted;
      children_[index]->apply(SelectivityVector(1), inputs, {}, to->childAt(index), context, converted);
      context.throwFirstError(SelectivityVector(1));
      return valueAt(*converted, 0);
    };
    switch (to->kind()) {
      case TypeKind::kArray: {
        std::vector<Value> elements;
        for (const auto& element : value.as<ArrayValue>().elements) elements.push_back(convert(element, 0));
        return Value::array(std::move(elements));
      }
      case TypeKind::kMap: {
        std::vector<Value> keys, mapValues;
        const auto& map = value.as<MapValue>();
        for (size_t i = 0; i < map.keys.size(); ++i) {
          keys.push_back(convert(map.keys[i], 0));
          mapValues.push_back(convert(map.values[i], 1));
        }
        return Value::map(std::move(keys), std::move(mapValues));
      }
      default: {
        std::vector<Value> fields;
        const auto& row = value.as<RowValue>();
        for (size_t i = 0; i < row.fields.size(); ++i) fields.push_back(convert(row.fields[i], i));
        return Value::row(std::move(fields));
      }
    }
  }

  std::vector<VectorFunctionPtr> children_;
};

VectorFunctionPtr makeNumericCast(const TypePtr& from, const TypePtr& to) {
  return dispatchScalar(*from, [&](auto fromTag) -> VectorFunctionPtr {
    using From = typename decltype(fromTag)::type;
    return dispatchScalar(*to, [&](auto toTag) -> VectorFunctionPtr {
      using To = typename decltype(toTag)::type;
      if constexpr (std::is_same_v<From, StringView> || std::is_same_v<To, StringView>) {
        return nullptr;
      } else {
        bool fromDecimal = from->kind() == TypeKind::kDecimal;
        bool toDecimal = to->kind() == TypeKind::kDecimal;
        if (toDecimal && (fromDecimal || isPlainNumeric(*from))) {
          const auto& target = asDecimal(*to);
          int fromScale = fromDecimal ? asDecimal(*from).scale() : 0;
          return makeCastKernel<From, To>(ToDecimalConverter<From, To>{
              fromScale, target.precision(), target.scale(), castTypeName(*from), castTypeName(*to)});
        }
        if constexpr (!std::is_same_v<From, float> && !std::is_same_v<From, double>) {
          if (fromDecimal && isPlainNumeric(*to)) {
            return makeCastKernel<From, To>(
                FromDecimalConverter<From, To>{asDecimal(*from).scale(), castTypeName(*from), castTypeName(*to)});
          }
        }
        if (isPlainNumeric(*from) && isPlainNumeric(*to)) {
          return makeCastKernel<From, To>(NumericConverter<From, To>{to->toString()});
        }
        bool temporal = (from->kind() == TypeKind::kDate && to->kind() == TypeKind::kTimestamp) ||
            (from->kind() == TypeKind::kTimestamp && to->kind() == TypeKind::kDate);
        if (temporal) {
          return makeCastKernel<From, To>(TemporalConverter<From, To>{to->kind() == TypeKind::kDate});
        }
        auto isDateOrTimestamp = [](TypeKind kind) { return kind == TypeKind::kDate || kind == TypeKind::kTimestamp; };
        bool zoned = (isDateOrTimestamp(from->kind()) && to->kind() == TypeKind::kTimestampWithTimeZone) ||
            (from->kind() == TypeKind::kTimestampWithTimeZone && isDateOrTimestamp(to->kind()));
        if (zoned) {
          return makeCastKernel<From, To>(ZonedConverter<From, To>{from->kind(), to->kind()});
        }
        return nullptr;
      }
    });
  });
}

VectorFunctionPtr buildCast(const TypePtr& from, const TypePtr& to) {
  if (from->kind() == TypeKind::kUnknown) {
    return std::make_shared<NullCast>();
  }
  if (!from->isPrimitive() || !to->isPrimitive()) {
    bool sameShape = from->kind() == to->kind() && from->children().size() == to->children().size();
    if (!sameShape) {
      return nullptr;
    }
    for (size_t i = 0; i < from->children().size(); ++i) {
      if (!sameType(from->childAt(i), to->childAt(i)) && !canCast(from->childAt(i), to->childAt(i))) {
        return nullptr;
      }
    }
    return std::make_shared<NestedCast>(from, to);
  }
  if (to->kind() == TypeKind::kVarchar || to->kind() == TypeKind::kChar) {
    return makeCastToString(from, to);
  }
  if (from->isStringLike() || from->kind() == TypeKind::kVarbinary) {
    return makeCastFromString(from, to);
  }
  return makeNumericCast(from, to);
}

} // namespace

std::string castTypeName(const Type& type) {
  if (type.kind() == TypeKind::kDecimal) {
    return fmt::format("DECIMAL({}, {})", asDecimal(type).precision(), asDecimal(type).scale());
  }
  if (type.kind() == TypeKind::kInteger) {
    return "INT";
  }
  std::string name = type.toString();
  for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

bool canCast(const TypePtr& from, const TypePtr& to) {
  return sameType(from, to) || buildCast(from, to) != nullptr;
}

VectorFunctionPtr makeCastFunction(const TypePtr& from, const TypePtr& to) {
  auto function = buildCast(from, to);
  PRESTO_USER_CHECK(function != nullptr, errors::NOT_SUPPORTED, "Cannot cast {} to {}", from->toString(), to->toString());
  return function;
}

} // namespace presto
