#pragma once

#include <vector>

#include "type/Value.h"
#include "vector/BaseVector.h"
#include "vector/SelectivityVector.h"

namespace presto {

/// Assembles one result vector from pieces computed for disjoint sets of rows (the branches of IF
/// and CASE, the arguments of COALESCE, TRY's surviving rows). Primitive types are copied value by
/// value into a flat vector (string bytes are shared with the sources, not copied); nested types
/// go through Values.
class ResultMerger {
 public:
  ResultMerger(TypePtr type, vector_size_t size);

  /// Copies the selected rows of `source` (any encoding, same type).
  void copy(const SelectivityVector& rows, const VectorPtr& source);
  void setNull(vector_size_t row);
  /// The merged vector; rows never copied or set are NULL.
  VectorPtr finish();

 private:
  TypePtr type_;
  vector_size_t size_;
  VectorPtr flat_;
  std::vector<Value> values_;  // nested types only
  std::vector<uint64_t> written_;
};

} // namespace presto
