#include "vector/Buffer.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace presto {

BufferPtr Buffer::allocate(size_t bytes, bool zeroed) {
  size_t capacity = std::max<size_t>(kAlignment, (bytes + kAlignment - 1) / kAlignment * kAlignment);
  void* data = std::aligned_alloc(kAlignment, capacity);
  if (data == nullptr) {
    throw std::bad_alloc();
  }
  if (zeroed) {
    std::memset(data, 0, capacity);
  }
  return BufferPtr(new Buffer(data, capacity));
}

Buffer::~Buffer() {
  std::free(data_);
}

BufferPtr Buffer::copyResized(const Buffer& source, size_t bytes) {
  auto result = allocate(bytes);
  size_t copied = std::min(bytes, source.capacity_);
  std::memcpy(result->data_, source.data_, copied);
  std::memset(static_cast<char*>(result->data_) + copied, 0, result->capacity_ - copied);
  return result;
}

} // namespace presto
