#include <cmath>

#include "function/BuiltinFunctions.h"
#include "function/aggregate/DoubleStateAggregate.h"

namespace presto {
namespace {

/// Co-moments of pairs (y, x) — Presto's argument order puts the dependent variable first: means
/// of both, the sum of products of deviations and each variable's sum of squared deviations,
/// updated one pair at a time and merged with Chan's formulas.
struct CoMoments {
  static constexpr size_t kNumInputs = 2;
  static constexpr size_t kNumFields = 5;
  static constexpr std::array<const char*, kNumFields> kFieldNames{"mean_y", "mean_x", "c2", "m2_y", "m2_x"};
  using State = DoubleState<kNumFields>;
  enum Field { kMeanY, kMeanX, kC2, kM2Y, kM2X };

  static void add(State& state, const double* inputs) {
    auto& f = state.fields;
    auto count = static_cast<double>(state.count);
    double deltaY = inputs[0] - f[kMeanY];
    double deltaX = inputs[1] - f[kMeanX];
    f[kMeanY] += deltaY / count;
    f[kMeanX] += deltaX / count;
    f[kC2] += deltaX * (inputs[0] - f[kMeanY]);
    f[kM2Y] += deltaY * (inputs[0] - f[kMeanY]);
    f[kM2X] += deltaX * (inputs[1] - f[kMeanX]);
  }

  static void merge(State& state, const State& other) {
    auto& f = state.fields;
    const auto& g = other.fields;
    auto left = static_cast<double>(state.count);
    auto right = static_cast<double>(other.count);
    double total = left + right;
    double deltaY = g[kMeanY] - f[kMeanY];
    double deltaX = g[kMeanX] - f[kMeanX];
    double weight = left * right / total;
    f[kC2] += g[kC2] + deltaX * deltaY * weight;
    f[kM2Y] += g[kM2Y] + deltaY * deltaY * weight;
    f[kM2X] += g[kM2X] + deltaX * deltaX * weight;
    f[kMeanY] += deltaY * right / total;
    f[kMeanX] += deltaX * right / total;
  }

  /// NULL where the statistic is undefined (a zero variance makes it infinite or NaN).
  static std::optional<double> finite(double value) {
    if (!std::isfinite(value)) return std::nullopt;
    return value;
  }
};

struct SampleCovariance : CoMoments {
  static std::optional<double> result(const State& state) {
    if (state.count < 2) return std::nullopt;
    return state.fields[kC2] / static_cast<double>(state.count - 1);
  }
};

struct PopulationCovariance : CoMoments {
  static std::optional<double> result(const State& state) { return state.fields[kC2] / static_cast<double>(state.count); }
};

struct Correlation : CoMoments {
  static std::optional<double> result(const State& state) {
    if (state.count < 2) return std::nullopt;
    return finite(state.fields[kC2] / std::sqrt(state.fields[kM2Y] * state.fields[kM2X]));
  }
};

/// Slope of the least-squares line of y over x.
struct RegressionSlope : CoMoments {
  static std::optional<double> result(const State& state) { return finite(state.fields[kC2] / state.fields[kM2X]); }
};

struct RegressionIntercept : CoMoments {
  static std::optional<double> result(const State& state) {
    const auto& f = state.fields;
    return finite(f[kMeanY] - f[kC2] / f[kM2X] * f[kMeanX]);
  }
};

} // namespace

void registerCovarianceAggregates(FunctionRegistry& registry) {
  const std::vector<std::string> pair{"double", "double"};
  registerDoubleStateAggregate<SampleCovariance>(registry, "covar_samp", pair, "double", "sample covariance of (y, x); NULL for fewer than two pairs");
  registerDoubleStateAggregate<PopulationCovariance>(registry, "covar_pop", pair, "double", "population covariance of (y, x)");
  registerDoubleStateAggregate<Correlation>(registry, "corr", pair, "double", "correlation coefficient of (y, x); NULL when undefined");
  registerDoubleStateAggregate<RegressionSlope>(registry, "regr_slope", pair, "double", "slope of the least-squares line of y over x");
  registerDoubleStateAggregate<RegressionIntercept>(registry, "regr_intercept", pair, "double", "intercept of the least-squares line of y over x");
}

} // namespace presto
