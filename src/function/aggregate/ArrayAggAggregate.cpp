#include "function/BuiltinFunctions.h"
#include "function/aggregate/HeapStateAggregate.h"
#include "vector/DecodedVector.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

/// array_agg(x): the input values of a group, NULLs included, in the order they arrive; NULL for
/// a group without rows. Values are held detached from the input pages, so any element type works.
/// The intermediate is the partial array itself.
class ArrayAggAggregate final : public HeapStateAggregate<std::vector<Value>> {
 public:
  explicit ArrayAggAggregate(const TypePtr& arrayType) : HeapStateAggregate(arrayType, arrayType) {}

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    const auto& input = *args[0];
    rows.applyToSelected([&](vector_size_t row) { elements(groups[row]).push_back(valueAt(input, row)); });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    rows.applyToSelected([&](vector_size_t row) {
      if (intermediate->isNullAt(row)) return;
      auto partial = valueAt(*intermediate, row);
      auto& target = elements(groups[row]);
      for (auto& element : partial.as<ArrayValue>().elements) target.push_back(std::move(element));
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override { return extract(groups, numGroups); }
  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override { return extract(groups, numGroups); }

 private:
  static std::vector<Value>& elements(char* group) {
    auto& state = slot(group);
    if (!state) state = new std::vector<Value>();
    return *state;
  }

  VectorPtr extract(char* const* groups, size_t numGroups) const {
    std::vector<Value> arrays;
    arrays.reserve(numGroups);
    for (size_t i = 0; i < numGroups; ++i) {
      const auto* state = stateOf(groups[i]);
      arrays.push_back(state ? Value::array(*state) : Value());
    }
    return vectorFromValues(resultType(), arrays);
  }
};

} // namespace

void registerArrayAggAggregate(FunctionRegistry& registry) {
  registry.registerAggregate(makeSignature("array_agg", {"T"}, "array(T)", {{"T", TypeConstraint::kNone}}),
      {FunctionKind::kAggregate, true, "array of the input values, NULLs included", false},
      [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
        return std::make_shared<ArrayAggAggregate>(binding.returnType);
      });
}

} // namespace presto
