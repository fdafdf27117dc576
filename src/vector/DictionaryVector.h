#pragma once

#include "vector/BaseVector.h"

namespace presto {

/// Row i shows row indices[i] of a base vector; the dictionary's own null bits add NULLs on top of
/// the base's. Filters and joins produce dictionaries instead of copying the rows they keep.
class DictionaryVector : public BaseVector {
 public:
  /// REQUIRES: `indices` holds `size` int32 values, each < base->size() (unless that row is NULL
  /// in `nulls`).
  DictionaryVector(BufferPtr nulls, BufferPtr indices, vector_size_t size, VectorPtr base)
      : BaseVector(base->type(), VectorEncoding::kDictionary, size, std::move(nulls)),
        indices_(std::move(indices)),
        base_(std::move(base)) {}

  bool isNullAt(vector_size_t index) const override {
    return BaseVector::isNullAt(index) || base_->isNullAt(rawIndices()[index]);
  }
  bool mayHaveNulls() const override { return nulls_ != nullptr || base_->mayHaveNulls(); }
  const BaseVector* wrappedVector() const override { return base_->wrappedVector(); }
  vector_size_t wrappedIndex(vector_size_t index) const override { return base_->wrappedIndex(rawIndices()[index]); }
  void visitBuffers(const std::function<void(const Buffer&)>& visit) const override {
    BaseVector::visitBuffers(visit);
    visit(*indices_);
    base_->visitBuffers(visit);
  }
  uint64_t retainedBytes() const override {
    return (nulls() ? nulls()->capacity() : 0) + indices_->capacity() + base_->retainedBytes();
  }

  const vector_size_t* rawIndices() const { return indices_->as<vector_size_t>(); }
  const BufferPtr& indices() const { return indices_; }
  const VectorPtr& valueVector() const { return base_; }

 private:
  const BufferPtr indices_;
  const VectorPtr base_;
};

/// Wraps `base` in a dictionary with the given row indices (and optional extra nulls).
VectorPtr wrapInDictionary(BufferPtr nulls, BufferPtr indices, vector_size_t size, VectorPtr base);

/// Allocates an indices buffer for `size` rows.
BufferPtr allocateIndices(vector_size_t size);

} // namespace presto
