#include "vector/ComplexVector.h"

#include "common/Check.h"

namespace presto {
namespace {

// Grows an int32 buffer to hold `newSize` entries, zero-filling new ones.
void growIndexBuffer(BufferPtr& buffer, vector_size_t oldSize, vector_size_t newSize) {
  size_t needed = static_cast<size_t>(std::max(newSize, 1)) * sizeof(vector_size_t);
  if (needed > buffer->capacity()) {
    buffer = Buffer::copyResized(*buffer, std::max(needed, buffer->capacity() * 2));
  } else if (newSize > oldSize) {
    std::memset(buffer->asMutable<vector_size_t>() + oldSize, 0,
        static_cast<size_t>(newSize - oldSize) * sizeof(vector_size_t));
  }
}

} // namespace

void ArrayVector::visitBuffers(const std::function<void(const Buffer&)>& visit) const {
  BaseVector::visitBuffers(visit);
  visit(*offsets_);
  visit(*sizes_);
  elements_->visitBuffers(visit);
}

void ArrayVector::resize(vector_size_t newSize) {
  growIndexBuffer(offsets_, size_, newSize);
  growIndexBuffer(sizes_, size_, newSize);
  BaseVector::resize(newSize);
}

void MapVector::visitBuffers(const std::function<void(const Buffer&)>& visit) const {
  BaseVector::visitBuffers(visit);
  visit(*offsets_);
  visit(*sizes_);
  keys_->visitBuffers(visit);
  values_->visitBuffers(visit);
}

void MapVector::resize(vector_size_t newSize) {
  growIndexBuffer(offsets_, size_, newSize);
  growIndexBuffer(sizes_, size_, newSize);
  BaseVector::resize(newSize);
}

RowVector::RowVector(TypePtr type, vector_size_t size, std::vector<VectorPtr> children, BufferPtr nulls)
    : BaseVector(std::move(type), VectorEncoding::kRow, size, std::move(nulls)), children_(std::move(children)) {
  PRESTO_CHECK(children_.size() == type_->children().size(), "row vector has {} children for type {}",
      children_.size(), type_->toString());
  for (const auto& child : children_) {
    PRESTO_CHECK(child->size() >= size, "row child has {} rows, fewer than the row's {}", child->size(), size);
  }
}

void RowVector::visitBuffers(const std::function<void(const Buffer&)>& visit) const {
  BaseVector::visitBuffers(visit);
  for (const auto& child : children_) {
    child->visitBuffers(visit);
  }
}

void RowVector::resize(vector_size_t newSize) {
  for (auto& child : children_) {
    if (child->size() < newSize) {
      child->resize(newSize);
    }
  }
  BaseVector::resize(newSize);
}

} // namespace presto
