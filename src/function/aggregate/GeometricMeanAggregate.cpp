#include <cmath>

#include "function/BuiltinFunctions.h"
#include "function/aggregate/DoubleStateAggregate.h"

namespace presto {
namespace {

/// exp of the mean of the natural logarithms (a negative input makes the result NaN, as in Presto).
struct GeometricMean {
  static constexpr size_t kNumInputs = 1;
  static constexpr size_t kNumFields = 1;
  static constexpr std::array<const char*, kNumFields> kFieldNames{"sum_log"};
  using State = DoubleState<kNumFields>;

  static void add(State& state, const double* inputs) { state.fields[0] += std::log(inputs[0]); }
  static void merge(State& state, const State& other) { state.fields[0] += other.fields[0]; }
  static std::optional<double> result(const State& state) {
    return std::exp(state.fields[0] / static_cast<double>(state.count));
  }
};

} // namespace

void registerGeometricMeanAggregate(FunctionRegistry& registry) {
  const std::string description = "geometric mean of the non-null values";
  registerDoubleStateAggregate<GeometricMean>(registry, "geometric_mean", {"bigint"}, "double", description);
  registerDoubleStateAggregate<GeometricMean>(registry, "geometric_mean", {"double"}, "double", description);
  registerDoubleStateAggregate<GeometricMean>(registry, "geometric_mean", {"real"}, "real", description);
}

} // namespace presto
