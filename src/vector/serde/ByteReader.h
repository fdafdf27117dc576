#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "common/Check.h"

namespace presto {

/// Reads little-endian fields from untrusted bytes. Every read is bounds-checked: running past the
/// end raises CORRUPT_PAGE, so callers can validate a length with `require` before allocating for it.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : data_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  size_t remaining() const { return static_cast<size_t>(end_ - data_); }

  /// Fails with CORRUPT_PAGE unless at least `size` bytes remain.
  void require(uint64_t size, std::string_view what) const {
    PRESTO_USER_CHECK(size <= remaining(), errors::CORRUPT_PAGE,
        "Corrupt page: {} needs {} bytes but only {} remain", what, size, remaining());
  }

  template <typename T>
  T read(std::string_view what) {
    static_assert(std::is_trivially_copyable_v<T>);
    require(sizeof(T), what);
    T value;
    std::memcpy(&value, data_, sizeof(T));
    data_ += sizeof(T);
    return value;
  }

  /// Reads an int32 count or length and checks that it is not negative.
  int32_t readCount(std::string_view what) {
    auto value = read<int32_t>(what);
    PRESTO_USER_CHECK(value >= 0, errors::CORRUPT_PAGE, "Corrupt page: negative {} {}", what, value);
    return value;
  }

  /// Returns the next `size` bytes and skips them.
  const char* readBytes(uint64_t size, std::string_view what) {
    require(size, what);
    const char* start = data_;
    data_ += size;
    return start;
  }

 private:
  const char* data_;
  const char* end_;
};

} // namespace presto
