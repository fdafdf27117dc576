#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace presto {

/// A 16-byte reference to string bytes: 4 bytes of length, the first 4 bytes of the string, and
/// either the next 8 bytes (strings of up to 12 bytes are stored inline) or a pointer to the bytes,
/// which live in a buffer owned by the vector. Equality and ordering usually decide on the length
/// and prefix without touching the heap.
class StringView {
 public:
  static constexpr size_t kInlineSize = 12;

  StringView() {
    static_assert(sizeof(StringView) == 16);
    std::memset(this, 0, sizeof(StringView));
  }

  /// References `size` bytes at `data`; copies them when they fit inline. The caller keeps
  /// non-inline bytes alive as long as the view is used.
  StringView(const char* data, size_t size) : size_(static_cast<uint32_t>(size)) {
    if (size <= kInlineSize) {
      std::memset(inlineBytes(), 0, kInlineSize);
      if (size > 0) {
        std::memcpy(inlineBytes(), data, size);
      }
    } else {
      std::memcpy(prefix_, data, 4);
      value_.data = data;
    }
  }

  explicit StringView(std::string_view text) : StringView(text.data(), text.size()) {}

  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  bool isInline() const { return size_ <= kInlineSize; }
  const char* data() const { return isInline() ? reinterpret_cast<const char*>(this) + 4 : value_.data; }
  std::string_view view() const { return {data(), size_}; }
  std::string str() const { return std::string(data(), size_); }
  operator std::string_view() const { return view(); }

  bool operator==(const StringView& other) const {
    // Size and prefix compared as one 8-byte word.
    if (sizeAndPrefix() != other.sizeAndPrefix()) {
      return false;
    }
    if (isInline()) {
      return value_.inlined == other.value_.inlined;
    }
    return std::memcmp(value_.data + 4, other.value_.data + 4, size_ - 4) == 0;
  }

  /// Negative, zero or positive as in memcmp, bytewise unsigned (which is code-point order for UTF-8).
  int compare(const StringView& other) const {
    uint32_t prefixLength = std::min<uint32_t>(4, std::min(size_, other.size_));
    int result = std::memcmp(prefix_, other.prefix_, prefixLength);
    if (result != 0) {
      return result;
    }
    uint32_t common = std::min(size_, other.size_);
    result = std::memcmp(data(), other.data(), common);
    if (result != 0) {
      return result;
    }
    return size_ < other.size_ ? -1 : (size_ > other.size_ ? 1 : 0);
  }

  bool operator<(const StringView& other) const { return compare(other) < 0; }

 private:
  uint64_t sizeAndPrefix() const {
    uint64_t word;
    std::memcpy(&word, this, 8);
    return word;
  }

  // The prefix and the inline bytes are contiguous: 12 bytes starting at offset 4.
  char* inlineBytes() { return reinterpret_cast<char*>(this) + 4; }

  uint32_t size_;
  char prefix_[4];
  union {
    char inlinedChars[8];
    uint64_t inlined;
    const char* data;
  } value_;
};

} // namespace presto
