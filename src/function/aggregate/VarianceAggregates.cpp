#include <cmath>

#include "function/BuiltinFunctions.h"
#include "function/aggregate/DoubleStateAggregate.h"

namespace presto {
namespace {

/// Running mean and sum of squared deviations (Welford's update; Chan's formula to merge), which
/// stays accurate where a sum of squares would cancel.
struct CentralMoments {
  static constexpr size_t kNumInputs = 1;
  static constexpr size_t kNumFields = 2;
  static constexpr std::array<const char*, kNumFields> kFieldNames{"mean", "m2"};
  using State = DoubleState<kNumFields>;

  static double& mean(State& state) { return state.fields[0]; }
  static double& m2(State& state) { return state.fields[1]; }

  static void add(State& state, const double* inputs) {
    double delta = inputs[0] - mean(state);
    mean(state) += delta / static_cast<double>(state.count);
    m2(state) += delta * (inputs[0] - mean(state));
  }

  static void merge(State& state, const State& other) {
    auto left = static_cast<double>(state.count);
    auto right = static_cast<double>(other.count);
    double total = left + right;
    double delta = other.fields[0] - mean(state);
    mean(state) += delta * right / total;
    m2(state) += other.fields[1] + delta * delta * left * right / total;
  }
};

/// Sample variance: NULL for fewer than two rows.
struct SampleVariance : CentralMoments {
  static std::optional<double> result(const State& state) {
    if (state.count < 2) return std::nullopt;
    return state.fields[1] / static_cast<double>(state.count - 1);
  }
};

struct PopulationVariance : CentralMoments {
  static std::optional<double> result(const State& state) { return state.fields[1] / static_cast<double>(state.count); }
};

template <typename Variance>
struct StandardDeviation : Variance {
  static std::optional<double> result(const typename Variance::State& state) {
    auto variance = Variance::result(state);
    if (!variance) return std::nullopt;
    return std::sqrt(*variance);
  }
};

template <typename Policy>
void registerForNumbers(FunctionRegistry& registry, const std::string& name, const std::string& description) {
  for (const std::string type : {"bigint", "double"}) {
    registerDoubleStateAggregate<Policy>(registry, name, {type}, "double", description);
  }
}

} // namespace

void registerVarianceAggregates(FunctionRegistry& registry) {
  for (const char* name : {"variance", "var_samp"}) {
    registerForNumbers<SampleVariance>(registry, name, "sample variance; NULL for fewer than two values");
  }
  registerForNumbers<PopulationVariance>(registry, "var_pop", "population variance");
  for (const char* name : {"stddev", "stddev_samp"}) {
    registerForNumbers<StandardDeviation<SampleVariance>>(registry, name, "sample standard deviation; NULL for fewer than two values");
  }
  registerForNumbers<StandardDeviation<PopulationVariance>>(registry, "stddev_pop", "population standard deviation");
}

} // namespace presto
