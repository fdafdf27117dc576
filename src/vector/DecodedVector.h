#pragma once

#include <vector>

#include "vector/BaseVector.h"
#include "vector/FlatVector.h"
#include "vector/SelectivityVector.h"

namespace presto {

/// Reads any encoding uniformly: peels constant, dictionary and lazy layers off a vector and
/// exposes the innermost (flat, array, map or row) base plus, per row, the base index and null
/// flag. Fast paths are visible to callers: `isIdentityMapping()` (flat input: index(i) == i) and
/// `isConstantMapping()` (one base row for all rows).
///
/// A DecodedVector may be reused for many vectors; it keeps its scratch buffers.
class DecodedVector {
 public:
  DecodedVector() = default;
  DecodedVector(const BaseVector& vector, const SelectivityVector& rows) { decode(vector, rows); }
  explicit DecodedVector(const BaseVector& vector) { decode(vector); }

  DecodedVector(const DecodedVector&) = delete;
  DecodedVector& operator=(const DecodedVector&) = delete;

  /// Decodes `vector` for the selected rows (other rows are not valid afterwards).
  void decode(const BaseVector& vector, const SelectivityVector& rows);
  /// Decodes every row.
  void decode(const BaseVector& vector);

  const BaseVector* base() const { return base_; }
  vector_size_t size() const { return size_; }

  vector_size_t index(vector_size_t row) const {
    if (isIdentity_) return row;
    if (isConstant_) return constantIndex_;
    return indices_[row];
  }

  bool isNullAt(vector_size_t row) const {
    if (isConstant_) return constantIsNull_;
    if (wrapperNulls_ && bits::isBitSet(wrapperNulls_, static_cast<size_t>(row))) return true;
    return baseNulls_ && bits::isBitSet(baseNulls_, static_cast<size_t>(index(row)));
  }

  bool mayHaveNulls() const { return isConstant_ ? constantIsNull_ : (wrapperNulls_ || baseNulls_); }
  bool isIdentityMapping() const { return isIdentity_; }
  bool isConstantMapping() const { return isConstant_; }
  /// Row-to-base indices; valid only when neither identity nor constant.
  const vector_size_t* indices() const { return indices_; }

  /// The value of a primitive-typed row. REQUIRES: T matches the type's physical layout.
  template <typename T>
  T valueAt(vector_size_t row) const {
    return static_cast<const T*>(data_)[index(row)];
  }
  /// Raw values of the flat base (nullptr for nested bases).
  template <typename T>
  const T* data() const {
    return static_cast<const T*>(data_);
  }

 private:
  void reset(vector_size_t size);
  void setBase(const BaseVector& base);
  void makeIndices(const SelectivityVector& rows);
  void applyDictionary(const BaseVector& dictionary, const SelectivityVector& rows);

  const BaseVector* base_ = nullptr;
  const void* data_ = nullptr;
  const uint64_t* baseNulls_ = nullptr;
  const uint64_t* wrapperNulls_ = nullptr;
  const vector_size_t* indices_ = nullptr;
  vector_size_t size_ = 0;
  vector_size_t constantIndex_ = 0;
  bool isIdentity_ = true;
  bool isConstant_ = false;
  bool constantIsNull_ = false;

  std::vector<vector_size_t> copiedIndices_;
  std::vector<uint64_t> copiedNulls_;
};

} // namespace presto
