#pragma once

#include <string_view>
#include <vector>

#include "vector/BaseVector.h"
#include "vector/StringView.h"

namespace presto {

/// A vector of fixed-width values (or StringViews) stored contiguously. For strings, the bytes of
/// non-inline views live in string buffers owned by the vector.
template <typename T>
class FlatVector : public BaseVector {
 public:
  FlatVector(TypePtr type, vector_size_t size, BufferPtr values, BufferPtr nulls = nullptr)
      : BaseVector(std::move(type), VectorEncoding::kFlat, size, std::move(nulls)), values_(std::move(values)) {}

  /// A vector of `size` zeroed values and no nulls.
  static std::shared_ptr<FlatVector<T>> create(TypePtr type, vector_size_t size) {
    return std::make_shared<FlatVector<T>>(
        std::move(type), size, Buffer::allocate(static_cast<size_t>(std::max(size, 1)) * sizeof(T), true));
  }

  const T* rawValues() const { return values_->as<T>(); }
  T* mutableRawValues() { return values_->asMutable<T>(); }
  const BufferPtr& values() const { return values_; }

  T valueAt(vector_size_t index) const { return rawValues()[index]; }

  /// Sets a value (and clears the row's null bit). For StringView, the bytes must stay alive as
  /// long as this vector: either inline, in one of its string buffers, or see setString().
  void set(vector_size_t index, T value) {
    mutableRawValues()[index] = value;
    if (nulls_) {
      bits::clearBit(nulls_->asMutable<uint64_t>(), static_cast<size_t>(index));
    }
  }

  /// Copies `text` into this vector's string buffers and sets it at `index`.
  /// REQUIRES: T is StringView.
  void setString(vector_size_t index, std::string_view text)
    requires std::is_same_v<T, StringView>
  {
    set(index, copyString(text));
  }

  /// Copies `text` into this vector's string buffers and returns a view of the copy.
  StringView copyString(std::string_view text)
    requires std::is_same_v<T, StringView>;

  /// Makes this vector co-own a buffer that its views point into (e.g. shared by another vector).
  void addStringBuffer(BufferPtr buffer) {
    stringBufferBytes_ += buffer->capacity();
    stringBuffers_.push_back(std::move(buffer));
  }
  const std::vector<BufferPtr>& stringBuffers() const { return stringBuffers_; }

  void visitBuffers(const std::function<void(const Buffer&)>& visit) const override;
  uint64_t retainedBytes() const override {
    return (nulls() ? nulls()->capacity() : 0) + values_->capacity() + stringBufferBytes_;
  }
  void resize(vector_size_t newSize) override;

 private:
  static constexpr size_t kStringBufferSize = 32 * 1024;

  BufferPtr values_;
  std::vector<BufferPtr> stringBuffers_;
  uint64_t stringBufferBytes_ = 0;  // capacity of stringBuffers_, summed
  size_t stringBufferUsed_ = 0;  // bytes used in stringBuffers_.back() by copyString
};

template <typename T>
using FlatVectorPtr = std::shared_ptr<FlatVector<T>>;

template <typename T>
void FlatVector<T>::visitBuffers(const std::function<void(const Buffer&)>& visit) const {
  BaseVector::visitBuffers(visit);
  visit(*values_);
  for (const auto& buffer : stringBuffers_) {
    visit(*buffer);
  }
}

template <typename T>
void FlatVector<T>::resize(vector_size_t newSize) {
  size_t needed = static_cast<size_t>(std::max(newSize, 1)) * sizeof(T);
  if (needed > values_->capacity()) {
    values_ = Buffer::copyResized(*values_, std::max(needed, values_->capacity() * 2));
  } else if (newSize > size_) {
    std::memset(static_cast<void*>(values_->asMutable<T>() + size_), 0, static_cast<size_t>(newSize - size_) * sizeof(T));
  }
  BaseVector::resize(newSize);
}

template <typename T>
StringView FlatVector<T>::copyString(std::string_view text)
  requires std::is_same_v<T, StringView>
{
  if (text.size() <= StringView::kInlineSize) {
    return StringView(text);
  }
  if (stringBuffers_.empty() || stringBufferUsed_ + text.size() > stringBuffers_.back()->capacity()) {
    addStringBuffer(Buffer::allocate(std::max(kStringBufferSize, text.size())));
    stringBufferUsed_ = 0;
  }
  char* destination = stringBuffers_.back()->template asMutable<char>() + stringBufferUsed_;
  std::memcpy(destination, text.data(), text.size());
  stringBufferUsed_ += text.size();
  return StringView(destination, text.size());
}

} // namespace presto
