#pragma once

#include <unordered_set>

#include "vector/Page.h"

namespace presto {

/// The bytes held by a growing set of pages, counting each buffer once however many vectors
/// share it. Pages gathered from a join's build side, or dictionaries over one scan page, share
/// buffers; summing `Page::retainedBytes` would count them once per page.
class UniqueRetainedBytes {
 public:
  /// Counts the buffers of `page` not counted yet; returns the new total.
  uint64_t add(const Page& page);
  uint64_t bytes() const { return bytes_; }
  void clear();

 private:
  std::unordered_set<const Buffer*> seen_;
  uint64_t bytes_ = 0;
};

} // namespace presto
