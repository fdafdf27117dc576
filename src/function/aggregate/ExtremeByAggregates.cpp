#include "function/BuiltinFunctions.h"
#include "function/aggregate/HeapStateAggregate.h"
#include "vector/ComplexVector.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

/// The value of x on the row with the largest (smallest) y seen so far.
struct ValueAtExtreme {
  Value x;
  Value y;
};

/// max_by(x, y) / min_by(x, y): x of the row whose y is largest (smallest); rows with NULL y are
/// skipped; x itself may be NULL; the first row wins ties. The intermediate is row(x, y), NULL for
/// a group without rows.
class ExtremeByAggregate final : public HeapStateAggregate<ValueAtExtreme> {
 public:
  ExtremeByAggregate(TypePtr intermediateType, TypePtr resultType, bool max)
      : HeapStateAggregate(std::move(intermediateType), std::move(resultType)), max_(max) {}

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    rows.applyToSelected([&](vector_size_t row) {
      if (args[1]->isNullAt(row)) return;
      offer(groups[row], *args[0], *args[1], row);
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    rows.applyToSelected([&](vector_size_t row) {
      if (intermediate->isNullAt(row)) return;
      auto partial = valueAt(*intermediate, row);
      auto& fields = partial.as<RowValue>().fields;
      update(groups[row], std::move(fields[0]), std::move(fields[1]));
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override {
    std::vector<Value> rows;
    for (size_t i = 0; i < numGroups; ++i) {
      const auto* state = stateOf(groups[i]);
      rows.push_back(state ? Value::row({state->x, state->y}) : Value());
    }
    return vectorFromValues(intermediateType(), rows);
  }

  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override {
    std::vector<Value> values;
    for (size_t i = 0; i < numGroups; ++i) {
      const auto* state = stateOf(groups[i]);
      values.push_back(state ? state->x : Value());
    }
    return vectorFromValues(resultType(), values);
  }

 private:
  const Type& keyType() const { return *intermediateType()->childAt(1); }

  bool better(const Value& candidate, const Value& current) const {
    int comparison = compareValues(keyType(), candidate, current);
    return max_ ? comparison > 0 : comparison < 0;
  }

  /// Reads x only when the row's y wins, so that losing rows cost one key comparison.
  void offer(char* group, const BaseVector& x, const BaseVector& y, vector_size_t row) const {
    auto key = valueAt(y, row);
    const auto* state = stateOf(group);
    if (state && !better(key, state->y)) return;
    update(group, valueAt(x, row), std::move(key));
  }

  void update(char* group, Value x, Value y) const {
    auto& state = slot(group);
    if (state && !better(y, state->y)) return;
    if (!state) state = new ValueAtExtreme();
    state->x = std::move(x);
    state->y = std::move(y);
  }

  const bool max_;
};

void registerExtremeBy(FunctionRegistry& registry, const std::string& name, bool max) {
  registry.registerAggregate(
      makeSignature(name, {"T", "V"}, "T", {{"T", TypeConstraint::kNone}, {"V", TypeConstraint::kOrderable}}),
      {FunctionKind::kAggregate, true, max ? "x at the largest y" : "x at the smallest y", false},
      [max](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
        auto intermediate = ROW({"x", "y"}, {binding.argumentTypes[0], binding.argumentTypes[1]});
        return std::make_shared<ExtremeByAggregate>(intermediate, binding.returnType, max);
      });
}

} // namespace

void registerExtremeByAggregates(FunctionRegistry& registry) {
  registerExtremeBy(registry, "max_by", true);
  registerExtremeBy(registry, "min_by", false);
}

} // namespace presto
