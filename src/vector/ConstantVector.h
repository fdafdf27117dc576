#pragma once

#include "vector/BaseVector.h"

namespace presto {

/// `size` copies of one row of a base vector (the RLE case). A NULL constant is a base row that is
/// NULL. The base may itself be any encoding.
class ConstantVector : public BaseVector {
 public:
  ConstantVector(VectorPtr base, vector_size_t baseIndex, vector_size_t size)
      : BaseVector(base->type(), VectorEncoding::kConstant, size),
        base_(std::move(base)),
        baseIndex_(baseIndex),
        isNull_(base_->isNullAt(baseIndex_)) {}

  bool isNullAt(vector_size_t) const override { return isNull_; }
  bool mayHaveNulls() const override { return isNull_; }
  const BaseVector* wrappedVector() const override { return base_->wrappedVector(); }
  vector_size_t wrappedIndex(vector_size_t) const override { return base_->wrappedIndex(baseIndex_); }
  void visitBuffers(const std::function<void(const Buffer&)>& visit) const override { base_->visitBuffers(visit); }
  uint64_t retainedBytes() const override { return base_->retainedBytes(); }
  void resize(vector_size_t newSize) override { size_ = newSize; }

  const VectorPtr& valueVector() const { return base_; }
  vector_size_t baseIndex() const { return baseIndex_; }

 private:
  const VectorPtr base_;
  const vector_size_t baseIndex_;
  const bool isNull_;
};

} // namespace presto
