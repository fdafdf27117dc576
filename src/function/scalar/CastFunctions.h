#pragma once

#include "function/VectorFunction.h"

namespace presto {

/// CAST(x AS to) for x of type `from`, with Presto's formats and INVALID_CAST_ARGUMENT /
/// NUMERIC_VALUE_OUT_OF_RANGE errors (`Cannot cast 'abc' to BIGINT`). Supports every pair of
/// primitive types Presto casts between, plus arrays, maps and rows element-wise. Unsupported
/// pairs are a user error (NOT_SUPPORTED) when the cast is built.
VectorFunctionPtr makeCastFunction(const TypePtr& from, const TypePtr& to);

/// Whether CAST(from AS to) is supported.
bool canCast(const TypePtr& from, const TypePtr& to);

} // namespace presto
