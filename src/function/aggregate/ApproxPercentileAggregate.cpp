#include <algorithm>
#include <cmath>

#include "common/Check.h"
#include "function/BuiltinFunctions.h"
#include "function/aggregate/HeapStateAggregate.h"
#include "vector/ComplexVector.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

/// The values of a group and the percentiles asked for.
struct PercentileState {
  std::vector<Value> values;
  std::vector<double> percentiles;
};

/// approx_percentile(x, p) and approx_percentile(x, array(p)), computed exactly: the smallest
/// value with at least p * n values at or below it (p = 0 is the minimum, p = 1 the maximum).
/// NULL values are skipped; a group without values is NULL. The intermediate is
/// row(values array(x), percentiles array(double)).
class ApproxPercentileAggregate final : public HeapStateAggregate<PercentileState> {
 public:
  ApproxPercentileAggregate(const TypePtr& valueType, TypePtr resultType, bool percentileArray)
      : HeapStateAggregate(ROW({"values", "percentiles"}, {ARRAY(valueType), ARRAY(DOUBLE())}), std::move(resultType)),
        valueType_(valueType),
        percentileArray_(percentileArray) {}

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    rows.applyToSelected([&](vector_size_t row) {
      if (args[0]->isNullAt(row) || args[1]->isNullAt(row)) return;
      auto& state = stateFor(groups[row]);
      if (state.percentiles.empty()) state.percentiles = percentilesOf(valueAt(*args[1], row));
      state.values.push_back(valueAt(*args[0], row));
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    rows.applyToSelected([&](vector_size_t row) {
      if (intermediate->isNullAt(row)) return;
      auto partial = valueAt(*intermediate, row);
      auto& fields = partial.as<RowValue>().fields;
      auto& state = stateFor(groups[row]);
      if (state.percentiles.empty()) {
        for (const auto& percentile : fields[1].as<ArrayValue>().elements) state.percentiles.push_back(percentile.as<double>());
      }
      for (auto& value : fields[0].as<ArrayValue>().elements) state.values.push_back(std::move(value));
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override {
    std::vector<Value> rows;
    for (size_t i = 0; i < numGroups; ++i) {
      const auto* state = stateOf(groups[i]);
      if (!state) {
        rows.emplace_back();
        continue;
      }
      std::vector<Value> percentiles(state->percentiles.begin(), state->percentiles.end());
      rows.push_back(Value::row({Value::array(state->values), Value::array(std::move(percentiles))}));
    }
    return vectorFromValues(intermediateType(), rows);
  }

  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override {
    std::vector<Value> results;
    for (size_t i = 0; i < numGroups; ++i) {
      auto* state = slot(groups[i]);
      if (!state || state->values.empty()) {
        results.emplace_back();
        continue;
      }
      auto& values = state->values;
      std::sort(values.begin(), values.end(), [&](const Value& left, const Value& right) {
        return compareValues(*valueType_, left, right) < 0;
      });
      std::vector<Value> picked;
      for (double percentile : state->percentiles) {
        auto rank = static_cast<size_t>(std::ceil(percentile * static_cast<double>(values.size())));
        picked.push_back(values[rank == 0 ? 0 : std::min(rank, values.size()) - 1]);
      }
      results.push_back(percentileArray_ ? Value::array(std::move(picked)) : picked.front());
    }
    return vectorFromValues(resultType(), results);
  }

 private:
  PercentileState& stateFor(char* group) const {
    auto& state = slot(group);
    if (!state) state = new PercentileState();
    return *state;
  }

  std::vector<double> percentilesOf(const Value& argument) const {
    std::vector<double> percentiles;
    if (percentileArray_) {
      for (const auto& element : argument.as<ArrayValue>().elements) {
        PRESTO_USER_CHECK(!element.isNull(), errors::INVALID_FUNCTION_ARGUMENT, "Percentile cannot be null");
        percentiles.push_back(element.as<double>());
      }
    } else {
      percentiles.push_back(argument.as<double>());
    }
    for (double percentile : percentiles) {
      PRESTO_USER_CHECK(percentile >= 0 && percentile <= 1, errors::INVALID_FUNCTION_ARGUMENT, "Percentile must be between 0 and 1");
    }
    return percentiles;
  }

  const TypePtr valueType_;
  const bool percentileArray_;
};

} // namespace

void registerApproxPercentileAggregate(FunctionRegistry& registry) {
  FunctionMetadata metadata{FunctionKind::kAggregate, true,
      "value at the given percentile (computed exactly: the smallest value with at least p * n values at or below it)", false};
  for (const std::string type : {"bigint", "double", "real"}) {
    registry.registerAggregate(makeSignature("approx_percentile", {type, "double"}, type), metadata,
        [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
          return std::make_shared<ApproxPercentileAggregate>(binding.argumentTypes[0], binding.returnType, false);
        });
    registry.registerAggregate(makeSignature("approx_percentile", {type, "array(double)"}, "array(" + type + ")"), metadata,
        [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
          return std::make_shared<ApproxPercentileAggregate>(binding.argumentTypes[0], binding.returnType, true);
        });
  }
}

} // namespace presto
