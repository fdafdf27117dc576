#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
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

/// Comparisons of nested values (arrays, rows) through Values; equality only.
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
      flat->set(row, (valueAt(*args[0], row) == valueAt(*args[1], row)) != negate_);
    });
    result = std::move(flat);
  }

 private:
  const bool negate_;
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
          PRESTO_USER_CHECK(equality, errors::NOT_SUPPORTED, "Ordering of {} is not supported",
              binding.argumentTypes[0]->toString());
          return std::make_shared<NestedEqualFunction>(kComparison == Comparison::kNotEqual);
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
      [](const FunctionBinding& binding) { return dispatchComparison<BetweenFunction, bool>(binding); });
  registry.registerScalar(
      makeSignature(operators::kIsDistinctFrom, {"T", "T"}, "boolean", {{"T", TypeConstraint::kComparable}}),
      {FunctionKind::kScalar, true, "", true},
      [](const FunctionBinding&) -> VectorFunctionPtr { return std::make_shared<DistinctFromFunction>(); });
}

} // namespace presto
