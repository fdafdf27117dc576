#include <algorithm>
#include <optional>
#include <tuple>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "type/TimeZoneKey.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

/// Three-way comparison of physical values (strings bytewise, which is code-point order).
template <typename T>
int compareValues(T a, T b) {
  if constexpr (std::is_same_v<T, StringView>) {
    return a.compare(b);
  } else {
    return a < b ? -1 : (b < a ? 1 : 0);
  }
}

enum class Comparison { kEqual, kNotEqual, kLessThan, kLessThanOrEqual, kGreaterThan, kGreaterThanOrEqual };

template <Comparison kComparison>
struct CompareFunction {
  template <typename T>
  void call(bool& out, T a, T b) const {
    if constexpr (kComparison == Comparison::kEqual) out = a == b;
    if constexpr (kComparison == Comparison::kNotEqual) out = !(a == b);
    if constexpr (kComparison == Comparison::kLessThan) out = compareValues(a, b) < 0;
    if constexpr (kComparison == Comparison::kLessThanOrEqual) out = compareValues(a, b) <= 0;
    if constexpr (kComparison == Comparison::kGreaterThan) out = compareValues(a, b) > 0;
    if constexpr (kComparison == Comparison::kGreaterThanOrEqual) out = compareValues(a, b) >= 0;
  }
};

struct BetweenFunction {
  template <typename T>
  void call(bool& out, T value, T low, T high) const {
    out = compareValues(low, value) <= 0 && compareValues(value, high) <= 0;
  }
};

/// Compares timestamp with time zone values by their instants: the zone key packed in the low bits
/// takes no part (1:00 UTC equals 2:00 +01:00).
template <typename Fn>
struct InstantComparison {
  template <typename... Packed>
  void call(bool& out, Packed... values) const {
    Fn().call(out, unpackMillisUtc(values)...);
  }
};

/// SQL equality of two values of `type`: NULL (nullopt) when a NULL inside them decides it. Arrays
/// and rows compare element by element (different lengths are unequal, an unequal pair decides
/// even beside a NULL pair); maps match their keys first.
std::optional<bool> sqlEquals(const Value& left, const Value& right, const Type& type) {
  if (left.isNull() || right.isNull()) {
    return std::nullopt;
  }
  auto allEqual = [&](size_t count, auto pairAt) -> std::optional<bool> {
    bool indeterminate = false;
    for (size_t i = 0; i < count; ++i) {
      auto [a, b, elementType] = pairAt(i);
      auto equal = sqlEquals(*a, *b, *elementType);
      if (equal == false) {
        return false;
      }
      indeterminate |= !equal.has_value();
    }
    return indeterminate ? std::nullopt : std::optional<bool>(true);
  };
  switch (type.kind()) {
    case TypeKind::kArray: {
      const auto& a = left.as<ArrayValue>().elements;
      const auto& b = right.as<ArrayValue>().elements;
      if (a.size() != b.size()) {
        return false;
      }
      return allEqual(a.size(), [&](size_t i) { return std::make_tuple(&a[i], &b[i], type.childAt(0).get()); });
    }
    case TypeKind::kRow: {
      const auto& a = left.as<RowValue>().fields;
      const auto& b = right.as<RowValue>().fields;
      return allEqual(a.size(), [&](size_t i) { return std::make_tuple(&a[i], &b[i], type.childAt(i).get()); });
    }
    case TypeKind::kMap: {
      const auto& a = left.as<MapValue>();
      const auto& b = right.as<MapValue>();
      if (a.keys.size() != b.keys.size()) {
        return false;
      }
      std::vector<const Value*> matched;
      for (const auto& key : a.keys) {
        auto it = std::find(b.keys.begin(), b.keys.end(), key);
        if (it == b.keys.end()) {
          return false;
        }
        matched.push_back(&b.values[static_cast<size_t>(it - b.keys.begin())]);
      }
      return allEqual(a.keys.size(), [&](size_t i) { return std::make_tuple(&a.values[i], matched[i], type.childAt(1).get()); });
    }
    default:
      return left == right;
  }
}

/// Comparisons of nested values (arrays, maps, rows) through Values; equality only.
class NestedEqualFunction final : public VectorFunction {
 public:
  explicit NestedEqualFunction(bool negate) : negate_(negate) {}
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext&, VectorPtr& result) const override {
    auto flat = FlatVector<bool>::create(outputType, rows.size());
    rows.applyToSelected([&](vector_size_t row) {
      if (args[0]->isNullAt(row) || args[1]->isNullAt(row)) {
        flat->setNull(row, true);
        return;
      }
      auto equal = sqlEquals(valueAt(*args[0], row), valueAt(*args[1], row), *args[0]->type());
      if (!equal) {
        flat->setNull(row, true);
        return;
      }
      flat->set(row, *equal != negate_);
    });
    result = std::move(flat);
  }

 private:
  const bool negate_;
};

/// Orders two arrays or rows element by element (a shorter array first when it is a prefix);
/// nullopt when a NULL element is reached before the order is decided, which Presto refuses.
std::optional<int> orderNested(const Value& left, const Value& right, const Type& type) {
  bool isRow = type.kind() == TypeKind::kRow;
  const auto& a = isRow ? left.as<RowValue>().fields : left.as<ArrayValue>().elements;
  const auto& b = isRow ? right.as<RowValue>().fields : right.as<ArrayValue>().elements;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i].isNull() || b[i].isNull()) {
      return std::nullopt;
    }
    const Type& elementType = isRow ? *type.childAt(i) : *type.childAt(0);
    bool nested = elementType.kind() == TypeKind::kArray || elementType.kind() == TypeKind::kRow;
    auto order = nested ? orderNested(a[i], b[i], elementType) : std::optional<int>(compareValues(elementType, a[i], b[i]));
    if (!order || *order != 0) {
      return order;
    }
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

std::string nullElementsMessage(const Type& type) {
  return type.kind() == TypeKind::kRow ? "ROW comparison not supported for fields with null elements"
                                       : "ARRAY comparison not supported for arrays with null elements";
}

/// A boolean per row from the detached argument values: NULL when an argument is NULL, the
/// null-elements error when `decide` finds the values unorderable (nullopt).
template <typename Decide>
VectorPtr orderedResult(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& outputType,
    EvalContext& context, Decide decide) {
  auto flat = FlatVector<bool>::create(outputType, rows.size());
  const auto& type = *args[0]->type();
  std::vector<Value> values(args.size());
  rows.applyToSelected([&](vector_size_t row) {
    for (size_t i = 0; i < args.size(); ++i) {
      if (args[i]->isNullAt(row)) {
        flat->setNull(row, true);
        return;
      }
      values[i] = valueAt(*args[i], row);
    }
    std::optional<bool> decided = decide(values, type);
    if (!decided) {
      context.setError(row, errors::NOT_SUPPORTED, nullElementsMessage(type));
      return;
    }
    flat->set(row, *decided);
  });
  return flat;
}

/// <, <=, >, >= of arrays and rows.
template <Comparison kComparison>
class NestedOrderFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    result = orderedResult(rows, args, outputType, context, [](const std::vector<Value>& values, const Type& type) {
      auto order = orderNested(values[0], values[1], type);
      if (!order) {
        return std::optional<bool>();
      }
      return std::optional<bool>(kComparison == Comparison::kLessThan ? *order < 0
              : kComparison == Comparison::kLessThanOrEqual           ? *order <= 0
              : kComparison == Comparison::kGreaterThan               ? *order > 0
                                                                      : *order >= 0);
    });
  }
};

/// `x BETWEEN low AND high` of arrays and rows.
class NestedBetweenFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    result = orderedResult(rows, args, outputType, context, [](const std::vector<Value>& values, const Type& type) {
      auto aboveLow = orderNested(values[1], values[0], type);
      auto belowHigh = orderNested(values[0], values[2], type);
      if (!aboveLow || !belowHigh) {
        return std::optional<bool>();
      }
      return std::optional<bool>(*aboveLow <= 0 && *belowHigh <= 0);
    });
  }
};

/// IS DISTINCT FROM: never NULL; two NULLs are not distinct.
class DistinctFromFunction final : public VectorFunction {
 public:
  bool isDefaultNullBehavior() const override { return false; }
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext&, VectorPtr& result) const override {
    auto flat = FlatVector<bool>::create(outputType, rows.size());
    DecodedVector left(*args[0], rows);
    DecodedVector right(*args[1], rows);
    bool* values = flat->mutableRawValues();
    const auto& type = *args[0]->type();
    if (!type.isPrimitive() || type.kind() == TypeKind::kUnknown) {
      rows.applyToSelected([&](vector_size_t row) {
        values[row] = !(valueAt(*args[0], row) == valueAt(*args[1], row));
      });
    } else {
      dispatchScalar(type, [&](auto tag) {
        using T = typename decltype(tag)::type;
        rows.applyToSelected([&](vector_size_t row) {
          bool leftNull = left.isNullAt(row);
          bool rightNull = right.isNullAt(row);
          values[row] = leftNull || rightNull ? leftNull != rightNull : !(left.valueAt<T>(row) == right.valueAt<T>(row));
        });
      });
    }
    result = std::move(flat);
  }
};

template <typename Fn, typename... Extra>
VectorFunctionPtr dispatchComparison(const FunctionBinding& binding) {
  const auto& type = binding.argumentTypes[0];
  if (type->kind() == TypeKind::kTimestampWithTimeZone) {
    if constexpr (sizeof...(Extra) == 0) {
      return std::make_shared<SimpleFunctionAdapter<InstantComparison<Fn>, bool, int64_t, int64_t>>(binding);
    } else {
      return std::make_shared<SimpleFunctionAdapter<InstantComparison<Fn>, bool, int64_t, int64_t, int64_t>>(binding);
    }
  }
  return dispatchScalar(*type, [&](auto tag) -> VectorFunctionPtr {
    using T = typename decltype(tag)::type;
    if constexpr (sizeof...(Extra) == 0) {
      return std::make_shared<SimpleFunctionAdapter<Fn, bool, T, T>>(binding);
    } else {
      return std::make_shared<SimpleFunctionAdapter<Fn, bool, T, T, T>>(binding);
    }
  });
}

template <Comparison kComparison>
void registerComparison(FunctionRegistry& registry, const char* name, bool equality) {
  auto constraint = equality ? TypeConstraint::kComparable : TypeConstraint::kOrderable;
  registry.registerScalar(makeSignature(name, {"T", "T"}, "boolean", {{"T", constraint}}),
      {FunctionKind::kScalar, true, "", true}, [equality](const FunctionBinding& binding) -> VectorFunctionPtr {
        if (!binding.argumentTypes[0]->isPrimitive()) {
          if (equality) {
            return std::make_shared<NestedEqualFunction>(kComparison == Comparison::kNotEqual);
          }
          return std::make_shared<NestedOrderFunction<kComparison>>();
        }
        return dispatchComparison<CompareFunction<kComparison>>(binding);
      });
}

} // namespace

void registerComparisonFunctions(FunctionRegistry& registry) {
  registerComparison<Comparison::kEqual>(registry, operators::kEqual, true);
  registerComparison<Comparison::kNotEqual>(registry, operators::kNotEqual, true);
  registerComparison<Comparison::kLessThan>(registry, operators::kLessThan, false);
  registerComparison<Comparison::kLessThanOrEqual>(registry, operators::kLessThanOrEqual, false);
  registerComparison<Comparison::kGreaterThan>(registry, operators::kGreaterThan, false);
  registerComparison<Comparison::kGreaterThanOrEqual>(registry, operators::kGreaterThanOrEqual, false);
  registry.registerScalar(makeSignature(operators::kBetween, {"T", "T", "T"}, "boolean", {{"T", TypeConstraint::kOrderable}}),
      {FunctionKind::kScalar, true, "", true},
      [](const FunctionBinding& binding) -> VectorFunctionPtr {
        if (!binding.argumentTypes[0]->isPrimitive()) {
          return std::make_shared<NestedBetweenFunction>();
        }
        return dispatchComparison<BetweenFunction, bool>(binding);
      });
  registry.registerScalar(
      makeSignature(operators::kIsDistinctFrom, {"T", "T"}, "boolean", {{"T", TypeConstraint::kComparable}}),
      {FunctionKind::kScalar, true, "", true},
      [](const FunctionBinding&) -> VectorFunctionPtr { return std::make_shared<DistinctFromFunction>(); });
}

} // namespace presto
