#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

namespace presto {

class Buffer;
using BufferPtr = std::shared_ptr<Buffer>;

/// A block of 64-byte aligned memory that vectors hold by shared pointer, so that wrappers
/// (dictionaries, slices, copies of pages) share data without copying it.
class Buffer {
 public:
  static constexpr size_t kAlignment = 64;

  /// Allocates at least `bytes` bytes; zero-filled when `zeroed` is true.
  static BufferPtr allocate(size_t bytes, bool zeroed = false);

  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer();

  size_t capacity() const { return capacity_; }

  template <typename T>
  const T* as() const {
    return reinterpret_cast<const T*>(data_);
  }
  template <typename T>
  T* asMutable() {
    return reinterpret_cast<T*>(data_);
  }

  /// A new buffer of `bytes` capacity holding the first min(bytes, capacity) bytes of `source`,
  /// the rest zero-filled.
  static BufferPtr copyResized(const Buffer& source, size_t bytes);

 private:
  Buffer(void* data, size_t capacity) : data_(data), capacity_(capacity) {}

  void* data_;
  size_t capacity_;
};

} // namespace presto
