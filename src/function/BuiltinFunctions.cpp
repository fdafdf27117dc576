#include "function/BuiltinFunctions.h"

namespace presto {

void registerBuiltinFunctions(FunctionRegistry& registry) {
  registerArithmeticFunctions(registry);
  registerDecimalArithmetic(registry);
  registerComparisonFunctions(registry);
  registerLogicalFunctions(registry);
  registerMathFunctions(registry);
  registerDecimalMathFunctions(registry);
  registerTypeofFunction(registry);
  registerStringFunctions(registry);
  registerNormalizeFunctions(registry);
  registerLikeFunctions(registry);
  registerDateTimeFunctions(registry);
  registerDateParseFunctions(registry);
  registerTimeZoneFunctions(registry);
  registerRegexpFunctions(registry);
  registerBinaryFunctions(registry);
  registerArrayFunctions(registry);
  registerArraySetFunctions(registry);
  registerArrayBuildFunctions(registry);
  registerMapFunctions(registry);
  registerHigherOrderFunctions(registry);
  registerMapLambdaFunctions(registry);
  registerJsonFunctions(registry);
  registerAggregateFunctions(registry);
  registerVarianceAggregates(registry);
  registerCovarianceAggregates(registry);
  registerGeometricMeanAggregate(registry);
  registerApproxDistinctAggregate(registry);
  registerChecksumAggregate(registry);
  registerArrayAggAggregate(registry);
  registerExtremeByAggregates(registry);
  registerMapAggregates(registry);
  registerApproxPercentileAggregate(registry);
  registerWindowFunctions(registry);
}

std::shared_ptr<FunctionRegistry> makeBuiltinRegistry() {
  auto registry = std::make_shared<FunctionRegistry>();
  registerBuiltinFunctions(*registry);
  return registry;
}

} // namespace presto
