#pragma once

#include <array>
#include <cstdint>

#include "connector/tpch/RandomStream.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {

/// The comments of consecutive rows, drawn a few rows ahead of the row being generated so their
/// text can be prefetched: every comment is a random read from the 300 MiB pool, and overlapping
/// those cache misses is most of the speed of comment-heavy tables.
///
/// Applies to comment streams budgeted exactly the two draws of one comment per row (part,
/// supplier, customer, and partsupp whose 8 draws per part are 2 per partsupp row), so the stream
/// is simply read sequentially.
class CommentLookahead {
 public:
  static constexpr int32_t kDistance = 16;

  CommentLookahead(const TextPool& pool, int64_t seed, int32_t averageLength)
      : pool_(pool), shape_(averageLength), seed_(seed), stream_(seed) {}

  /// Positions at row `row` (0-based).
  void seek(int64_t row) {
    stream_ = RandomStream(seed_);
    stream_.skip(2 * row);
    for (TextSlice& slice : ring_) {
      slice = drawAndPrefetch();
    }
    head_ = 0;
  }

  /// The comment of the current row; moves to the next row.
  TextSlice next() {
    const TextSlice slice = ring_[head_];
    ring_[head_] = drawAndPrefetch();
    head_ = head_ + 1 == kDistance ? 0 : head_ + 1;
    return slice;
  }

 private:
  TextSlice drawAndPrefetch() {
    const TextSlice slice = shape_.draw(stream_);
    pool_.prefetch(slice);
    return slice;
  }

  const TextPool& pool_;
  const CommentShape shape_;
  const int64_t seed_;
  RandomStream stream_;
  std::array<TextSlice, kDistance> ring_{};
  int32_t head_{0};
};

} // namespace presto::tpch
