#pragma once

#include <string>
#include <vector>

#include "vector/ComplexVector.h"
#include "vector/FlatVector.h"

namespace presto {

/// Builds an array(varchar) result row by row: `startRow`, `add` elements, or `setNull`.
class StringArrayBuilder {
 public:
  explicit StringArrayBuilder(vector_size_t numRows)
      : offsets_(static_cast<size_t>(numRows), 0), sizes_(static_cast<size_t>(numRows), 0), nulls_(bits::numWords(static_cast<size_t>(numRows)), 0) {}

  void startRow(vector_size_t row) {
    current_ = row;
    offsets_[static_cast<size_t>(row)] = static_cast<vector_size_t>(elements_.size());
  }
  void add(std::string_view element) {
    elements_.emplace_back(element);
    ++sizes_[static_cast<size_t>(current_)];
  }
  void setNull(vector_size_t row) {
    bits::setBit(nulls_.data(), static_cast<size_t>(row));
    hasNulls_ = true;
  }

  VectorPtr build(const TypePtr& type) {
    auto numRows = static_cast<vector_size_t>(offsets_.size());
    auto elements = FlatVector<StringView>::create(type->childAt(0), static_cast<vector_size_t>(elements_.size()));
    for (size_t i = 0; i < elements_.size(); ++i) {
      elements->set(static_cast<vector_size_t>(i), elements->copyString(elements_[i]));
    }
    auto toBuffer = [&](const std::vector<vector_size_t>& values) {
      auto buffer = Buffer::allocate(sizeof(vector_size_t) * std::max<size_t>(values.size(), 1), true);
      std::memcpy(buffer->asMutable<vector_size_t>(), values.data(), sizeof(vector_size_t) * values.size());
      return buffer;
    };
    BufferPtr nulls;
    if (hasNulls_) {
      nulls = Buffer::allocate(nulls_.size() * 8 + 8, true);
      std::memcpy(nulls->asMutable<uint64_t>(), nulls_.data(), nulls_.size() * 8);
    }
    return std::make_shared<ArrayVector>(type, numRows, toBuffer(offsets_), toBuffer(sizes_), elements, nulls);
  }

 private:
  std::vector<vector_size_t> offsets_;
  std::vector<vector_size_t> sizes_;
  std::vector<uint64_t> nulls_;
  std::vector<std::string> elements_;
  vector_size_t current_ = 0;
  bool hasNulls_ = false;
};

} // namespace presto
