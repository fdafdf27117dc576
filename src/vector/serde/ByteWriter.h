#pragma once

#include <cstring>
#include <string>
#include <type_traits>

namespace presto {

/// Appends little-endian fields and raw bytes to a string (the page being written).
class ByteWriter {
 public:
  explicit ByteWriter(std::string& out) : out_(out) {}

  /// Appends the bytes of a trivially copyable value (little-endian on our hosts).
  template <typename T>
  void write(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    append(&value, sizeof(T));
  }

  void append(const void* data, size_t size) {
    if (size > 0) {
      out_.append(static_cast<const char*>(data), size);
    }
  }

  /// Appends `size` zero bytes and returns a pointer to them for the caller to fill. The pointer
  /// is valid until the next append.
  char* grow(size_t size) {
    size_t start = out_.size();
    out_.resize(start + size);
    return out_.data() + start;
  }

  size_t size() const { return out_.size(); }

 private:
  std::string& out_;
};

} // namespace presto
