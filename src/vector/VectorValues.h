#pragma once

#include <vector>

#include "type/Value.h"
#include "vector/BaseVector.h"

namespace presto {

/// The value of one row of any vector as a detached Value (the generic slow path: tests, constant
/// folding, result formatting).
Value valueAt(const BaseVector& vector, vector_size_t row);

/// Builds a flat (array, map, row) vector of `type` holding `values` (NULL where a value is null).
VectorPtr vectorFromValues(const TypePtr& type, const std::vector<Value>& values);

/// A constant vector of `size` rows repeating `value` (NULL if the value is null).
VectorPtr makeConstant(const TypePtr& type, const Value& value, vector_size_t size);

} // namespace presto
