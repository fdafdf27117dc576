#pragma once

#include <array>
#include <optional>
#include <string>

#include "function/FunctionRegistry.h"
#include "function/aggregate/AggregateFunction.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

namespace presto {

/// The accumulator of statistical aggregates: how many rows were added and a few running doubles
/// (means, co-moments, sums of logarithms).
template <size_t kNumFields>
struct DoubleState {
  int64_t count;
  std::array<double, kNumFields> fields;
};

/// A numeric input column read as double whatever its physical type.
class DoubleReader {
 public:
  DoubleReader(const BaseVector& vector, const SelectivityVector& rows)
      : decoded_(vector, rows), kind_(physicalKind(*vector.type())) {}

  bool isNullAt(vector_size_t row) const { return decoded_.isNullAt(row); }
  double valueAt(vector_size_t row) const {
    switch (kind_) {
      case PhysicalKind::kInt8: return decoded_.valueAt<int8_t>(row);
      case PhysicalKind::kInt16: return decoded_.valueAt<int16_t>(row);
      case PhysicalKind::kInt32: return decoded_.valueAt<int32_t>(row);
      case PhysicalKind::kInt64: return static_cast<double>(decoded_.valueAt<int64_t>(row));
      case PhysicalKind::kFloat: return decoded_.valueAt<float>(row);
      case PhysicalKind::kDouble: return decoded_.valueAt<double>(row);
      default: PRESTO_FAIL("not a numeric input: {}", decoded_.base()->type()->toString());
    }
  }

 private:
  DecodedVector decoded_;
  PhysicalKind kind_;
};

/// An aggregate over numeric columns (read as double) whose state is a DoubleState. Rows where any
/// input is NULL are skipped. The intermediate is row(count bigint, <field> double, ...). `Policy`
/// supplies the statistics:
///   static constexpr size_t kNumInputs, kNumFields;
///   static constexpr std::array<const char*, kNumFields> kFieldNames;
///   static void add(State& state, const double* inputs);         // count already incremented
///   static void merge(State& state, const State& other);         // REQUIRES: both counts > 0;
///                                                                // count not yet summed
///   static std::optional<double> result(const State& state);     // nullopt: NULL
template <typename Policy>
class DoubleStateAggregate final : public AggregateFunction {
 public:
  using State = DoubleState<Policy::kNumFields>;

  explicit DoubleStateAggregate(TypePtr resultType) : AggregateFunction(makeIntermediateType(), std::move(resultType)) {}

  static TypePtr makeIntermediateType() {
    std::vector<std::string> names{"count"};
    std::vector<TypePtr> types{BIGINT()};
    for (const char* name : Policy::kFieldNames) {
      names.emplace_back(name);
      types.push_back(DOUBLE());
    }
    return ROW(std::move(names), std::move(types));
  }

  size_t accumulatorSize() const override { return sizeof(State); }

  void initialize(char* const* groups, size_t numGroups) const override {
    for (size_t i = 0; i < numGroups; ++i) *state(groups[i]) = State{0, {}};
  }

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    std::array<std::optional<DoubleReader>, Policy::kNumInputs> readers;
    for (size_t i = 0; i < Policy::kNumInputs; ++i) readers[i].emplace(*args[i], rows);
    std::array<double, Policy::kNumInputs> inputs;
    rows.applyToSelected([&](vector_size_t row) {
      for (size_t i = 0; i < Policy::kNumInputs; ++i) {
        if (readers[i]->isNullAt(row)) return;
        inputs[i] = readers[i]->valueAt(row);
      }
      auto* target = state(groups[row]);
      ++target->count;
      Policy::add(*target, inputs.data());
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    DecodedVector decoded(*intermediate, rows);
    const auto* base = decoded.base()->as<RowVector>();
    DecodedVector counts(*base->childAt(0));
    std::array<DecodedVector, Policy::kNumFields> fields;
    for (size_t f = 0; f < Policy::kNumFields; ++f) fields[f].decode(*base->childAt(f + 1));
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) return;
      auto index = decoded.index(row);
      State other{counts.valueAt<int64_t>(index), {}};
      if (other.count == 0) return;
      for (size_t f = 0; f < Policy::kNumFields; ++f) other.fields[f] = fields[f].template valueAt<double>(index);
      auto* target = state(groups[row]);
      if (target->count == 0) {
        *target = other;
        return;
      }
      Policy::merge(*target, other);
      target->count += other.count;
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    auto counts = FlatVector<int64_t>::create(BIGINT(), size);
    std::vector<VectorPtr> children{counts};
    for (size_t f = 0; f < Policy::kNumFields; ++f) children.push_back(FlatVector<double>::create(DOUBLE(), size));
    for (vector_size_t i = 0; i < size; ++i) {
      const auto* source = state(groups[i]);
      counts->set(i, source->count);
      for (size_t f = 0; f < Policy::kNumFields; ++f) children[f + 1]->template as<FlatVector<double>>()->set(i, source->fields[f]);
    }
    return std::make_shared<RowVector>(intermediateType(), size, std::move(children));
  }

  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    bool isReal = resultType()->kind() == TypeKind::kReal;
    VectorPtr result = BaseVector::create(resultType(), size);
    for (vector_size_t i = 0; i < size; ++i) {
      const auto* source = state(groups[i]);
      auto value = source->count == 0 ? std::nullopt : Policy::result(*source);
      if (!value) {
        result->setNull(i, true);
      } else if (isReal) {
        result->as<FlatVector<float>>()->set(i, static_cast<float>(*value));
      } else {
        result->as<FlatVector<double>>()->set(i, *value);
      }
    }
    return result;
  }

 private:
  static State* state(char* group) { return reinterpret_cast<State*>(group); }
};

/// Registers `name(inputTypes...) -> returnType` computed by Policy.
template <typename Policy>
void registerDoubleStateAggregate(FunctionRegistry& registry, const std::string& name,
    const std::vector<std::string>& inputTypes, const std::string& returnType, const std::string& description) {
  registry.registerAggregate(makeSignature(name, inputTypes, returnType), {FunctionKind::kAggregate, true, description, false},
      [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
        return std::make_shared<DoubleStateAggregate<Policy>>(binding.returnType);
      });
}

} // namespace presto
