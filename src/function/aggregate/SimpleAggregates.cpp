#include <algorithm>
#include <cmath>
#include <cstring>

#include "function/BuiltinFunctions.h"
#include "function/aggregate/AggregateFunction.h"
#include "function/scalar/DecimalMath.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kAggregate, true, std::move(description), false};
}

/// Accumulator: a value of T plus whether any input was seen. T is the sum/extreme/flag type.
template <typename T>
struct ValueState {
  T value;
  int64_t count;
};

/// The kinds of single-value aggregates: each folds inputs of type In into a ValueState<Acc>.
enum class Fold { kCount, kCountIf, kSum, kMin, kMax, kBoolAnd, kBoolOr, kBitAnd, kBitOr, kArbitrary };

template <Fold kFold, typename In, typename Acc>
class FoldAggregate final : public AggregateFunction {
 public:
  FoldAggregate(TypePtr intermediate, TypePtr result, int resultPrecision)
      : AggregateFunction(std::move(intermediate), std::move(result)), resultPrecision_(resultPrecision) {}

  size_t accumulatorSize() const override { return sizeof(ValueState<Acc>); }

  void initialize(char* const* groups, size_t numGroups) const override {
    for (size_t i = 0; i < numGroups; ++i) {
      auto* state = reinterpret_cast<ValueState<Acc>*>(groups[i]);
      state->value = Acc{};
      state->count = 0;
    }
  }

  /// A string kept by min/max/arbitrary owns a heap copy of its bytes (the input page it came
  /// from is freed once added); destroy frees it.
  void destroy(char* const* groups, size_t numGroups) const override {
    if constexpr (std::is_same_v<Acc, StringView>) {
      for (size_t i = 0; i < numGroups; ++i) {
        release(state(groups[i])->value);
      }
    }
  }

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    if constexpr (kFold == Fold::kCount) {
      if (args.empty()) {
        rows.applyToSelected([&](vector_size_t row) { ++state(groups[row])->count; });
        return;
      }
    }
    DecodedVector decoded(*args[0], rows);
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) return;
      fold(state(groups[row]), decoded.valueAt<In>(row));
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    DecodedVector decoded(*intermediate, rows);
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) return;
      auto* target = state(groups[row]);
      if constexpr (kFold == Fold::kCount || kFold == Fold::kCountIf) {
        target->count += decoded.valueAt<int64_t>(row);
      } else {
        merge(target, decoded.valueAt<Acc>(row));
      }
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override { return extract(groups, numGroups, intermediateType()); }
  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override { return extract(groups, numGroups, resultType()); }

 private:
  static ValueState<Acc>* state(char* group) { return reinterpret_cast<ValueState<Acc>*>(group); }

  void fold(ValueState<Acc>* target, In value) const {
    if constexpr (kFold == Fold::kCount) {
      ++target->count;
    } else if constexpr (kFold == Fold::kCountIf) {
      target->count += value ? 1 : 0;
    } else {
      merge(target, static_cast<Acc>(value));
    }
  }

  void merge(ValueState<Acc>* target, Acc value) const {
    if constexpr (kFold == Fold::kSum) {
      if constexpr (std::is_integral_v<Acc> || std::is_same_v<Acc, int128_t>) {
        Acc sum;
        if (__builtin_add_overflow(target->value, value, &sum) ||
            (resultPrecision_ > 0 && !decimal::fitsPrecision(static_cast<int128_t>(sum), resultPrecision_))) {
          PRESTO_USER_FAIL(errors::NUMERIC_VALUE_OUT_OF_RANGE, "{}", resultPrecision_ > 0 ? "Decimal overflow" : "bigint addition overflow");
        }
        target->value = sum;
      } else {
        target->value += value;
      }
    } else if constexpr (kFold == Fold::kMin) {
      if (target->count == 0 || lessThan(value, target->value)) keep(target, value);
    } else if constexpr (kFold == Fold::kMax) {
      if (target->count == 0 || lessThan(target->value, value)) keep(target, value);
    } else if constexpr (kFold == Fold::kBoolAnd) {
      target->value = target->count == 0 ? value : (target->value && value);
    } else if constexpr (kFold == Fold::kBoolOr) {
      target->value = target->count == 0 ? value : (target->value || value);
    } else if constexpr (kFold == Fold::kBitAnd) {
      target->value = target->count == 0 ? value : (target->value & value);
    } else if constexpr (kFold == Fold::kBitOr) {
      target->value = target->count == 0 ? value : (target->value | value);
    } else if constexpr (kFold == Fold::kArbitrary) {
      if (target->count == 0) keep(target, value);
    }
    ++target->count;
  }

  /// Stores `value` in `target`, copying a string's out-of-line bytes (and freeing the copy it
  /// replaces).
  static void keep(ValueState<Acc>* target, Acc value) {
    if constexpr (std::is_same_v<Acc, StringView>) {
      release(target->value);
      if (!value.isInline()) {
        auto* bytes = new char[value.size()];
        std::memcpy(bytes, value.data(), value.size());
        value = StringView(bytes, value.size());
      }
    }
    target->value = value;
  }

  static void release(Acc& value) {
    if constexpr (std::is_same_v<Acc, StringView>) {
      if (!value.isInline()) {
        delete[] value.data();
        value = StringView();
      }
    }
  }

  static bool lessThan(Acc left, Acc right) {
    if constexpr (std::is_same_v<Acc, StringView>) {
      return left.compare(right) < 0;
    } else {
      return left < right;
    }
  }

  VectorPtr extract(char* const* groups, size_t numGroups, const TypePtr& type) const {
    auto size = static_cast<vector_size_t>(numGroups);
    if constexpr (kFold == Fold::kCount || kFold == Fold::kCountIf) {
      auto vector = FlatVector<int64_t>::create(type, size);
      for (vector_size_t i = 0; i < size; ++i) vector->set(i, state(groups[i])->count);
      return vector;
    } else {
      auto vector = FlatVector<Acc>::create(type, size);
      for (vector_size_t i = 0; i < size; ++i) {
        const auto* source = state(groups[i]);
        if (source->count == 0) {
          vector->setNull(i, true);
        } else if constexpr (std::is_same_v<Acc, StringView>) {
          vector->set(i, vector->copyString(source->value.view()));
        } else {
          vector->set(i, source->value);
        }
      }
      return vector;
    }
  }

  const int resultPrecision_;
};

/// avg: sum and count; the result is sum / count (double), or for decimals the exact quotient
/// rounded half up at the input scale. Intermediate: row(sum, count).
template <typename In, typename Sum>
class AvgAggregate final : public AggregateFunction {
 public:
  AvgAggregate(TypePtr intermediate, TypePtr result) : AggregateFunction(std::move(intermediate), std::move(result)) {}

  size_t accumulatorSize() const override { return sizeof(ValueState<Sum>); }
  void initialize(char* const* groups, size_t numGroups) const override {
    for (size_t i = 0; i < numGroups; ++i) *reinterpret_cast<ValueState<Sum>*>(groups[i]) = {Sum{}, 0};
  }

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    DecodedVector decoded(*args[0], rows);
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) return;
      add(groups[row], static_cast<Sum>(decoded.valueAt<In>(row)), 1);
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    DecodedVector decoded(*intermediate, rows);
    const auto* row = decoded.base()->as<RowVector>();
    DecodedVector sums(*row->childAt(0));
    DecodedVector counts(*row->childAt(1));
    rows.applyToSelected([&](vector_size_t r) {
      if (decoded.isNullAt(r)) return;
      auto index = decoded.index(r);
      add(groups[r], sums.valueAt<Sum>(index), counts.valueAt<int64_t>(index));
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    auto sums = FlatVector<Sum>::create(intermediateType()->childAt(0), size);
    auto counts = FlatVector<int64_t>::create(BIGINT(), size);
    for (vector_size_t i = 0; i < size; ++i) {
      const auto* state = reinterpret_cast<const ValueState<Sum>*>(groups[i]);
      sums->set(i, state->value);
      counts->set(i, state->count);
    }
    return std::make_shared<RowVector>(intermediateType(), size, std::vector<VectorPtr>{sums, counts});
  }

  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    return dispatchScalar(*resultType(), [&](auto tag) -> VectorPtr {
      using Out = typename decltype(tag)::type;
      if constexpr (std::is_same_v<Out, StringView>) {
        PRESTO_FAIL("avg cannot produce {}", resultType()->toString());
      } else {
      auto result = FlatVector<Out>::create(resultType(), size);
      for (vector_size_t i = 0; i < size; ++i) {
        const auto* state = reinterpret_cast<const ValueState<Sum>*>(groups[i]);
        if (state->count == 0) {
          result->setNull(i, true);
        } else if constexpr (std::is_same_v<Sum, int128_t>) {
          // Exact decimal average: round half up of sum / count at the input scale.
          int128_t sum = state->value;
          int128_t count = state->count;
          int128_t quotient = sum / count;
          int128_t remainder = sum % count;
          if (remainder < 0) remainder = -remainder;
          if (remainder * 2 >= count) quotient += sum < 0 ? -1 : 1;
          result->set(i, static_cast<Out>(quotient));
        } else {
          result->set(i, static_cast<Out>(static_cast<double>(state->value) / static_cast<double>(state->count)));
        }
      }
      return result;
      }
    });
  }

 private:
  void add(char* group, Sum value, int64_t count) const {
    auto* state = reinterpret_cast<ValueState<Sum>*>(group);
    if constexpr (std::is_same_v<Sum, int128_t>) {
      if (__builtin_add_overflow(state->value, value, &state->value)) {
        PRESTO_USER_FAIL(errors::NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow");
      }
    } else {
      state->value += value;
    }
    state->count += count;
  }
};

template <Fold kFold, typename In, typename Acc>
std::shared_ptr<const AggregateFunction> makeFold(const TypePtr& intermediate, const TypePtr& result, int precision = 0) {
  return std::make_shared<FoldAggregate<kFold, In, Acc>>(intermediate, result, precision);
}

/// min, max, arbitrary over any primitive type (strings are kept as views into the input, so the
/// caller keeps input pages alive until extraction).
template <Fold kFold>
void registerSameTypeFold(FunctionRegistry& registry, const std::string& name, const std::string& description) {
  registry.registerAggregate(makeSignature(name, {"T"}, "T", {{"T", TypeConstraint::kOrderable}}), describe(description),
      [](const FunctionBinding& binding) {
        const auto& type = binding.argumentTypes[0];
        return dispatchScalar(*type, [&](auto tag) -> std::shared_ptr<const AggregateFunction> {
          using T = typename decltype(tag)::type;
          return makeFold<kFold, T, T>(type, type);
        });
      });
}

void registerSums(FunctionRegistry& registry) {
  auto metadata = describe("sum of the non-null values");
  for (const std::string type : {"tinyint", "smallint", "integer", "bigint"}) {
    registry.registerAggregate(makeSignature("sum", {type}, "bigint"), metadata, [](const FunctionBinding& binding) {
      return dispatchScalar(*binding.argumentTypes[0], [&](auto tag) -> std::shared_ptr<const AggregateFunction> {
        using T = typename decltype(tag)::type;
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
          return makeFold<Fold::kSum, T, int64_t>(BIGINT(), BIGINT());
        } else {
          PRESTO_FAIL("unexpected sum input");
        }
      });
    });
  }
  registry.registerAggregate(makeSignature("sum", {"double"}, "double"), metadata,
      [](const FunctionBinding&) { return makeFold<Fold::kSum, double, double>(DOUBLE(), DOUBLE()); });
  registry.registerAggregate(makeSignature("sum", {"real"}, "real"), metadata,
      [](const FunctionBinding&) { return makeFold<Fold::kSum, float, float>(REAL(), REAL()); });
  auto decimalSum = makeSignature("sum", {"decimal(p,s)"}, "decimal(38,s)");
  decimalSum.returnTypeRule = [](const std::vector<TypePtr>& types) { return DECIMAL(38, asDecimal(*types[0]).scale()); };
  registry.registerAggregate(std::move(decimalSum), metadata, [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
    const auto& result = binding.returnType;
    if (binding.argumentTypes[0]->isLongDecimal()) {
      return makeFold<Fold::kSum, int128_t, int128_t>(result, result, 38);
    }
    return makeFold<Fold::kSum, int64_t, int128_t>(result, result, 38);
  });
}

void registerAverages(FunctionRegistry& registry) {
  auto metadata = describe("average of the non-null values");
  auto doubleIntermediate = ROW({"sum", "count"}, {DOUBLE(), BIGINT()});
  for (const std::string type : {"tinyint", "smallint", "integer", "bigint", "double", "real"}) {
    registry.registerAggregate(makeSignature("avg", {type}, type == "real" ? "real" : "double"), metadata,
        [doubleIntermediate](const FunctionBinding& binding) {
          return dispatchScalar(*binding.argumentTypes[0], [&](auto tag) -> std::shared_ptr<const AggregateFunction> {
            using T = typename decltype(tag)::type;
            if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
              return std::make_shared<AvgAggregate<T, double>>(doubleIntermediate, binding.returnType);
            } else {
              PRESTO_FAIL("unexpected avg input");
            }
          });
        });
  }
  auto decimalAvg = makeSignature("avg", {"decimal(p,s)"}, "decimal(p,s)");
  decimalAvg.returnTypeRule = [](const std::vector<TypePtr>& types) { return types[0]; };
  registry.registerAggregate(std::move(decimalAvg), metadata, [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
    auto intermediate = ROW({"sum", "count"}, {DECIMAL(38, asDecimal(*binding.argumentTypes[0]).scale()), BIGINT()});
    if (binding.argumentTypes[0]->isLongDecimal()) {
      return std::make_shared<AvgAggregate<int128_t, int128_t>>(intermediate, binding.returnType);
    }
    return std::make_shared<AvgAggregate<int64_t, int128_t>>(intermediate, binding.returnType);
  });
}

} // namespace

void registerAggregateFunctions(FunctionRegistry& registry) {
  registry.registerAggregate(makeSignature("count", {}, "bigint"), describe("number of rows"),
      [](const FunctionBinding&) { return makeFold<Fold::kCount, int8_t, int64_t>(BIGINT(), BIGINT()); });
  registry.registerAggregate(makeSignature("count", {"T"}, "bigint", {{"T", TypeConstraint::kNone}}), describe("number of non-null values"),
      [](const FunctionBinding& binding) {
        return dispatchScalar(*binding.argumentTypes[0], [&](auto tag) -> std::shared_ptr<const AggregateFunction> {
          using T = typename decltype(tag)::type;
          return makeFold<Fold::kCount, T, int64_t>(BIGINT(), BIGINT());
        });
      });
  registry.registerAggregate(makeSignature("count_if", {"boolean"}, "bigint"), describe("number of true values"),
      [](const FunctionBinding&) { return makeFold<Fold::kCountIf, bool, int64_t>(BIGINT(), BIGINT()); });
  registerSums(registry);
  registerAverages(registry);
  registerSameTypeFold<Fold::kMin>(registry, "min", "smallest non-null value");
  registerSameTypeFold<Fold::kMax>(registry, "max", "largest non-null value");
  registerSameTypeFold<Fold::kArbitrary>(registry, "arbitrary", "any non-null value");
  registerSameTypeFold<Fold::kArbitrary>(registry, "any_value", "any non-null value");
  for (const char* name : {"bool_and", "every"}) {
    registry.registerAggregate(makeSignature(name, {"boolean"}, "boolean"), describe("true if every value is true"),
        [](const FunctionBinding&) { return makeFold<Fold::kBoolAnd, bool, bool>(BOOLEAN(), BOOLEAN()); });
  }
  registry.registerAggregate(makeSignature("bool_or", {"boolean"}, "boolean"), describe("true if any value is true"),
      [](const FunctionBinding&) { return makeFold<Fold::kBoolOr, bool, bool>(BOOLEAN(), BOOLEAN()); });
  registry.registerAggregate(makeSignature("bitwise_and_agg", {"bigint"}, "bigint"), describe("bitwise AND of the non-null values (two's complement)"),
      [](const FunctionBinding&) { return makeFold<Fold::kBitAnd, int64_t, int64_t>(BIGINT(), BIGINT()); });
  registry.registerAggregate(makeSignature("bitwise_or_agg", {"bigint"}, "bigint"), describe("bitwise OR of the non-null values (two's complement)"),
      [](const FunctionBinding&) { return makeFold<Fold::kBitOr, int64_t, int64_t>(BIGINT(), BIGINT()); });
}

} // namespace presto
