#include "utils/TestAggregates.h"

#include <limits>
#include <string>

#include "common/Check.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

namespace presto::exec::test {
namespace {

/// Reads an integer or floating column as TAccumulator.
template <typename TAccumulator>
TAccumulator numericAt(const DecodedVector& decoded, PhysicalKind kind, vector_size_t row) {
  switch (kind) {
    case PhysicalKind::kInt8: return static_cast<TAccumulator>(decoded.valueAt<int8_t>(row));
    case PhysicalKind::kInt16: return static_cast<TAccumulator>(decoded.valueAt<int16_t>(row));
    case PhysicalKind::kInt32: return static_cast<TAccumulator>(decoded.valueAt<int32_t>(row));
    case PhysicalKind::kInt64: return static_cast<TAccumulator>(decoded.valueAt<int64_t>(row));
    case PhysicalKind::kFloat: return static_cast<TAccumulator>(decoded.valueAt<float>(row));
    case PhysicalKind::kDouble: return static_cast<TAccumulator>(decoded.valueAt<double>(row));
    default: PRESTO_FAIL("not numeric");
  }
}

/// sum(x) with an int64 or double accumulator; NULL when no input.
template <typename T>
class SumAggregate : public Aggregate {
 public:
  using Aggregate::Aggregate;
  int32_t accumulatorSize() const override { return sizeof(T); }
  void initializeNewGroups(char** groups, const std::vector<vector_size_t>& indices) override {
    for (auto index : indices) {
      *accumulator<T>(groups[index]) = 0;
      setNull(groups[index]);
    }
  }
  void addRawInput(char** groups, const SelectivityVector& rows, const std::vector<VectorPtr>& arguments) override {
    add(groups, rows, *arguments[0]);
  }
  void addIntermediate(char** groups, const SelectivityVector& rows, const VectorPtr& intermediate) override {
    add(groups, rows, *intermediate);
  }
  void extractValues(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    auto flat = FlatVector<T>::create(resultType_, numGroups);
    for (vector_size_t i = 0; i < numGroups; ++i) {
      if (isNull(groups[i])) {
        flat->setNull(i, true);
      } else {
        flat->set(i, *accumulator<T>(groups[i]));
      }
    }
    result = flat;
  }
  void extractAccumulators(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    extractValues(groups, numGroups, result);
  }

 private:
  void add(char** groups, const SelectivityVector& rows, const BaseVector& input) {
    DecodedVector decoded(input);
    auto kind = physicalKind(*input.type());
    if (kind == PhysicalKind::kInt64 && decoded.isIdentityMapping() && !decoded.mayHaveNulls()) {
      const int64_t* raw = decoded.data<int64_t>();
      rows.applyToSelected([&](vector_size_t row) {
        char* group = groups[row];
        clearNull(group);
        *accumulator<T>(group) += static_cast<T>(raw[row]);
      });
      return;
    }
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) {
        return;
      }
      char* group = groups[row];
      clearNull(group);
      *accumulator<T>(group) += numericAt<T>(decoded, kind, row);
    });
  }
};

/// count(x) / count(*): never NULL.
class CountAggregate : public Aggregate {
 public:
  using Aggregate::Aggregate;
  int32_t accumulatorSize() const override { return sizeof(int64_t); }
  void initializeNewGroups(char** groups, const std::vector<vector_size_t>& indices) override {
    for (auto index : indices) {
      *accumulator<int64_t>(groups[index]) = 0;
    }
  }
  void addRawInput(char** groups, const SelectivityVector& rows, const std::vector<VectorPtr>& arguments) override {
    if (arguments.empty()) {
      rows.applyToSelected([&](vector_size_t row) { ++*accumulator<int64_t>(groups[row]); });
      return;
    }
    DecodedVector decoded(*arguments[0]);
    rows.applyToSelected([&](vector_size_t row) {
      if (!decoded.isNullAt(row)) {
        ++*accumulator<int64_t>(groups[row]);
      }
    });
  }
  void addIntermediate(char** groups, const SelectivityVector& rows, const VectorPtr& intermediate) override {
    DecodedVector decoded(*intermediate);
    rows.applyToSelected([&](vector_size_t row) {
      if (!decoded.isNullAt(row)) {
        *accumulator<int64_t>(groups[row]) += decoded.valueAt<int64_t>(row);
      }
    });
  }
  void extractValues(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    auto flat = FlatVector<int64_t>::create(BIGINT(), numGroups);
    for (vector_size_t i = 0; i < numGroups; ++i) {
      flat->set(i, *accumulator<int64_t>(groups[i]));
    }
    result = flat;
  }
  void extractAccumulators(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    extractValues(groups, numGroups, result);
  }
};

/// min(x) / max(x) of a fixed-width type or varchar (strings kept as std::string on the heap).
template <typename T, bool kIsMin>
class MinMaxAggregate : public Aggregate {
 public:
  using Aggregate::Aggregate;
  using Stored = std::conditional_t<std::is_same_v<T, StringView>, std::string*, T>;
  int32_t accumulatorSize() const override { return sizeof(Stored); }
  void initializeNewGroups(char** groups, const std::vector<vector_size_t>& indices) override {
    for (auto index : indices) {
      *accumulator<Stored>(groups[index]) = Stored{};
      setNull(groups[index]);
    }
  }
  void addRawInput(char** groups, const SelectivityVector& rows, const std::vector<VectorPtr>& arguments) override {
    add(groups, rows, *arguments[0]);
  }
  void addIntermediate(char** groups, const SelectivityVector& rows, const VectorPtr& intermediate) override {
    add(groups, rows, *intermediate);
  }
  void extractValues(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    auto flat = FlatVector<T>::create(resultType_, numGroups);
    for (vector_size_t i = 0; i < numGroups; ++i) {
      if (isNull(groups[i])) {
        flat->setNull(i, true);
      } else if constexpr (std::is_same_v<T, StringView>) {
        flat->setString(i, **accumulator<Stored>(groups[i]));
      } else {
        flat->set(i, *accumulator<Stored>(groups[i]));
      }
    }
    result = flat;
  }
  void extractAccumulators(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    extractValues(groups, numGroups, result);
  }
  void destroy(char** groups, vector_size_t numGroups) override {
    if constexpr (std::is_same_v<T, StringView>) {
      for (vector_size_t i = 0; i < numGroups; ++i) {
        delete *accumulator<Stored>(groups[i]);
        *accumulator<Stored>(groups[i]) = nullptr;
      }
    }
  }

 private:
  void add(char** groups, const SelectivityVector& rows, const BaseVector& input) {
    DecodedVector decoded(input);
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) {
        return;
      }
      char* group = groups[row];
      T value = decoded.valueAt<T>(row);
      auto* stored = accumulator<Stored>(group);
      if constexpr (std::is_same_v<T, StringView>) {
        if (isNull(group)) {
          *stored = new std::string(value.view());
        } else if (kIsMin ? value.view() < std::string_view(**stored) : value.view() > std::string_view(**stored)) {
          **stored = value.view();
        }
      } else if (isNull(group) || (kIsMin ? value < *stored : value > *stored)) {
        *stored = value;
      }
      clearNull(group);
    });
  }
};

/// avg(x): double result; intermediate row(sum double, count bigint).
class AvgAggregate : public Aggregate {
 public:
  AvgAggregate(TypePtr resultType, TypePtr intermediateType)
      : Aggregate(std::move(resultType)), intermediateType_(std::move(intermediateType)) {}
  struct State {
    double sum;
    int64_t count;
  };
  int32_t accumulatorSize() const override { return sizeof(State); }
  void initializeNewGroups(char** groups, const std::vector<vector_size_t>& indices) override {
    for (auto index : indices) {
      *accumulator<State>(groups[index]) = State{0, 0};
    }
  }
  void addRawInput(char** groups, const SelectivityVector& rows, const std::vector<VectorPtr>& arguments) override {
    DecodedVector decoded(*arguments[0]);
    auto kind = physicalKind(*arguments[0]->type());
    rows.applyToSelected([&](vector_size_t row) {
      if (!decoded.isNullAt(row)) {
        auto* state = accumulator<State>(groups[row]);
        state->sum += numericAt<double>(decoded, kind, row);
        ++state->count;
      }
    });
  }
  void addIntermediate(char** groups, const SelectivityVector& rows, const VectorPtr& intermediate) override {
    DecodedVector decoded(*intermediate);
    const auto* rowVector = decoded.base()->as<RowVector>();
    DecodedVector sums(*rowVector->childAt(0));
    DecodedVector counts(*rowVector->childAt(1));
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) {
        return;
      }
      auto index = decoded.index(row);
      auto* state = accumulator<State>(groups[row]);
      state->sum += sums.valueAt<double>(index);
      state->count += counts.valueAt<int64_t>(index);
    });
  }
  void extractValues(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    auto flat = FlatVector<double>::create(DOUBLE(), numGroups);
    for (vector_size_t i = 0; i < numGroups; ++i) {
      auto* state = accumulator<State>(groups[i]);
      if (state->count == 0) {
        flat->setNull(i, true);
      } else {
        flat->set(i, state->sum / static_cast<double>(state->count));
      }
    }
    result = flat;
  }
  void extractAccumulators(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    auto sums = FlatVector<double>::create(DOUBLE(), numGroups);
    auto counts = FlatVector<int64_t>::create(BIGINT(), numGroups);
    for (vector_size_t i = 0; i < numGroups; ++i) {
      auto* state = accumulator<State>(groups[i]);
      sums->set(i, state->sum);
      counts->set(i, state->count);
    }
    result = std::make_shared<RowVector>(intermediateType_, numGroups, std::vector<VectorPtr>{sums, counts});
  }

 private:
  const TypePtr intermediateType_;
};

template <bool kIsMin>
std::unique_ptr<Aggregate> makeMinMax(const TypePtr& type) {
  return dispatchScalar(*type, [&](auto tag) -> std::unique_ptr<Aggregate> {
    using T = typename decltype(tag)::type;
    return std::make_unique<MinMaxAggregate<T, kIsMin>>(type);
  });
}

class TestAggregateResolver : public AggregateResolver {
 public:
  std::unique_ptr<Aggregate> create(const AggregateCall& call, AggregationStep step) const override {
    bool finalOutput = step == AggregationStep::kFinal || step == AggregationStep::kSingle;
    const auto& type = finalOutput ? call.resultType : call.intermediateType;
    if (call.function == "count") {
      return std::make_unique<CountAggregate>(BIGINT());
    }
    if (call.function == "sum") {
      if (call.resultType->kind() == TypeKind::kDouble) {
        return std::make_unique<SumAggregate<double>>(type);
      }
      return std::make_unique<SumAggregate<int64_t>>(type);
    }
    if (call.function == "min") {
      return makeMinMax<true>(call.resultType);
    }
    if (call.function == "max") {
      return makeMinMax<false>(call.resultType);
    }
    if (call.function == "avg") {
      return std::make_unique<AvgAggregate>(call.resultType, call.intermediateType);
    }
    PRESTO_USER_FAIL(errors::FUNCTION_NOT_FOUND, "Function {} not registered", call.function);
  }
};

} // namespace

std::shared_ptr<const AggregateResolver> testAggregates() {
  static const auto resolver = std::make_shared<TestAggregateResolver>();
  return resolver;
}

} // namespace presto::exec::test
