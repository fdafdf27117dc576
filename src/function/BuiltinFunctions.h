#pragma once

#include <memory>

#include "function/FunctionRegistry.h"

namespace presto {

/// Registers every built-in function and operator. Each group lives in its own file under
/// function/scalar/, function/aggregate/ or function/window/.
void registerBuiltinFunctions(FunctionRegistry& registry);

/// A registry holding the built-ins.
std::shared_ptr<FunctionRegistry> makeBuiltinRegistry();

void registerArithmeticFunctions(FunctionRegistry& registry);
void registerDecimalArithmetic(FunctionRegistry& registry);
void registerComparisonFunctions(FunctionRegistry& registry);
void registerLogicalFunctions(FunctionRegistry& registry);
void registerMathFunctions(FunctionRegistry& registry);
void registerDecimalMathFunctions(FunctionRegistry& registry);
void registerTypeofFunction(FunctionRegistry& registry);
void registerStringFunctions(FunctionRegistry& registry);
void registerNormalizeFunctions(FunctionRegistry& registry);
void registerLikeFunctions(FunctionRegistry& registry);
void registerRegexpFunctions(FunctionRegistry& registry);
void registerDateTimeFunctions(FunctionRegistry& registry);
void registerDateParseFunctions(FunctionRegistry& registry);
void registerTimeZoneFunctions(FunctionRegistry& registry);
void registerBinaryFunctions(FunctionRegistry& registry);
void registerJsonFunctions(FunctionRegistry& registry);
void registerArrayFunctions(FunctionRegistry& registry);
void registerArraySetFunctions(FunctionRegistry& registry);
void registerArrayBuildFunctions(FunctionRegistry& registry);
void registerMapFunctions(FunctionRegistry& registry);
void registerMapLambdaFunctions(FunctionRegistry& registry);
void registerHigherOrderFunctions(FunctionRegistry& registry);
void registerAggregateFunctions(FunctionRegistry& registry);
void registerVarianceAggregates(FunctionRegistry& registry);
void registerCovarianceAggregates(FunctionRegistry& registry);
void registerGeometricMeanAggregate(FunctionRegistry& registry);
void registerApproxDistinctAggregate(FunctionRegistry& registry);
void registerChecksumAggregate(FunctionRegistry& registry);
void registerArrayAggAggregate(FunctionRegistry& registry);
void registerExtremeByAggregates(FunctionRegistry& registry);
void registerMapAggregates(FunctionRegistry& registry);
void registerApproxPercentileAggregate(FunctionRegistry& registry);
void registerWindowFunctions(FunctionRegistry& registry);

} // namespace presto
