#pragma once

#include "expression/RowExpression.h"
#include "function/FunctionRegistry.h"

namespace presto {

/// The optimizer's interpreter: evaluates an expression without column references to a Value,
/// using the same function implementations as vectorized evaluation (a one-row batch). Errors
/// are thrown as PrestoException.
/// REQUIRES: `expression` references no input columns.
Value evaluateConstant(const RowExpressionPtr& expression, const FunctionRegistry& registry);

/// Replaces every deterministic subtree without column references by its value. Subtrees that
/// fail are kept as they are (they may never run, e.g. in an untaken CASE branch).
RowExpressionPtr foldConstants(const RowExpressionPtr& expression, const FunctionRegistry& registry);

} // namespace presto
