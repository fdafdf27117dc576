#include "vector/UniqueRetainedBytes.h"

namespace presto {

uint64_t UniqueRetainedBytes::add(const Page& page) {
  for (const auto& column : page.columns()) {
    column->visitBuffers([&](const Buffer& buffer) {
      if (seen_.insert(&buffer).second) {
        bytes_ += buffer.capacity();
      }
    });
  }
  return bytes_;
}

void UniqueRetainedBytes::clear() {
  seen_.clear();
  bytes_ = 0;
}

} // namespace presto
