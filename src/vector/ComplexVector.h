#pragma once

#include <vector>

#include "vector/BaseVector.h"

namespace presto {

/// Arrays: row i holds elements [offsets[i], offsets[i] + sizes[i]) of the elements vector.
class ArrayVector : public BaseVector {
 public:
  ArrayVector(TypePtr type, vector_size_t size, BufferPtr offsets, BufferPtr sizes, VectorPtr elements,
      BufferPtr nulls = nullptr)
      : BaseVector(std::move(type), VectorEncoding::kArray, size, std::move(nulls)),
        offsets_(std::move(offsets)),
        sizes_(std::move(sizes)),
        elements_(std::move(elements)) {}

  vector_size_t offsetAt(vector_size_t index) const { return rawOffsets()[index]; }
  vector_size_t sizeAt(vector_size_t index) const { return rawSizes()[index]; }
  const vector_size_t* rawOffsets() const { return offsets_->as<vector_size_t>(); }
  const vector_size_t* rawSizes() const { return sizes_->as<vector_size_t>(); }
  vector_size_t* mutableOffsets() { return offsets_->asMutable<vector_size_t>(); }
  vector_size_t* mutableSizes() { return sizes_->asMutable<vector_size_t>(); }
  const VectorPtr& elements() const { return elements_; }
  void setElements(VectorPtr elements) { elements_ = std::move(elements); }

  void visitBuffers(const std::function<void(const Buffer&)>& visit) const override;
  void resize(vector_size_t newSize) override;

 private:
  BufferPtr offsets_;
  BufferPtr sizes_;
  VectorPtr elements_;
};

/// Maps: row i holds entries [offsets[i], offsets[i] + sizes[i]) of the keys and values vectors.
class MapVector : public BaseVector {
 public:
  MapVector(TypePtr type, vector_size_t size, BufferPtr offsets, BufferPtr sizes, VectorPtr keys, VectorPtr values,
      BufferPtr nulls = nullptr)
      : BaseVector(std::move(type), VectorEncoding::kMap, size, std::move(nulls)),
        offsets_(std::move(offsets)),
        sizes_(std::move(sizes)),
        keys_(std::move(keys)),
        values_(std::move(values)) {}

  vector_size_t offsetAt(vector_size_t index) const { return rawOffsets()[index]; }
  vector_size_t sizeAt(vector_size_t index) const { return rawSizes()[index]; }
  const vector_size_t* rawOffsets() const { return offsets_->as<vector_size_t>(); }
  const vector_size_t* rawSizes() const { return sizes_->as<vector_size_t>(); }
  vector_size_t* mutableOffsets() { return offsets_->asMutable<vector_size_t>(); }
  vector_size_t* mutableSizes() { return sizes_->asMutable<vector_size_t>(); }
  const VectorPtr& mapKeys() const { return keys_; }
  const VectorPtr& mapValues() const { return values_; }
  void setKeysAndValues(VectorPtr keys, VectorPtr values) {
    keys_ = std::move(keys);
    values_ = std::move(values);
  }

  void visitBuffers(const std::function<void(const Buffer&)>& visit) const override;
  void resize(vector_size_t newSize) override;

 private:
  BufferPtr offsets_;
  BufferPtr sizes_;
  VectorPtr keys_;
  VectorPtr values_;
};

/// Rows (structs): one child vector per field, each with this vector's row count.
class RowVector : public BaseVector {
 public:
  RowVector(TypePtr type, vector_size_t size, std::vector<VectorPtr> children, BufferPtr nulls = nullptr);

  size_t childrenSize() const { return children_.size(); }
  const VectorPtr& childAt(size_t index) const { return children_.at(index); }
  const std::vector<VectorPtr>& children() const { return children_; }
  void setChild(size_t index, VectorPtr child) { children_.at(index) = std::move(child); }

  void visitBuffers(const std::function<void(const Buffer&)>& visit) const override;
  void resize(vector_size_t newSize) override;

 private:
  std::vector<VectorPtr> children_;
};

} // namespace presto
