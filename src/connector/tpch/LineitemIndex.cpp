#include "connector/tpch/LineitemIndex.h"

#include <algorithm>
#include <array>

#include "common/Check.h"
#include "connector/tpch/RandomStream.h"
#include "connector/tpch/StreamSeeds.h"

namespace presto::tpch {
namespace {

constexpr int32_t kMaxLines = 7;

/// A stream of line counts positioned at order `order` (0-based).
RandomStream lineCountStream(int64_t order) {
  RowStream stream = makeRowStream(streams::kOrderLineCount);
  stream.seek(order);
  return stream.start();
}

int32_t drawLineCount(RandomStream& stream) {
  return static_cast<int32_t>(stream.uniform(1, kMaxLines));
}

/// Lines of `count` orders starting at `order`.
int64_t countLines(int64_t order, int64_t count) {
  RandomStream stream = lineCountStream(order);
  int64_t lines = 0;
  for (int64_t index = 0; index < count; ++index) {
    lines += drawLineCount(stream);
  }
  return lines;
}

} // namespace

LineitemIndex::LineitemIndex(int64_t orders) : orders_(orders) {
  const int64_t blocks = (orders + kBlockOrders - 1) / kBlockOrders;
  std::vector<int64_t> blockLines(blocks);
  // Full blocks four at a time: four independent chains keep the multiplier pipeline busy.
  constexpr int32_t kLanes = 4;
  const int64_t fullBlocks = orders / kBlockOrders;
  int64_t block = 0;
  for (; block + kLanes <= fullBlocks; block += kLanes) {
    std::array<RandomStream, kLanes> lanes{
        lineCountStream(block * kBlockOrders),
        lineCountStream((block + 1) * kBlockOrders),
        lineCountStream((block + 2) * kBlockOrders),
        lineCountStream((block + 3) * kBlockOrders)};
    std::array<int64_t, kLanes> sums{};
    for (int64_t index = 0; index < kBlockOrders; ++index) {
      for (int32_t lane = 0; lane < kLanes; ++lane) {
        sums[lane] += drawLineCount(lanes[lane]);
      }
    }
    for (int32_t lane = 0; lane < kLanes; ++lane) {
      blockLines[block + lane] = sums[lane];
    }
  }
  for (; block < blocks; ++block) {
    const int64_t first = block * kBlockOrders;
    blockLines[block] = countLines(first, std::min(kBlockOrders, orders - first));
  }
  blockStarts_.resize(blocks + 1);
  blockStarts_[0] = 0;
  for (int64_t index = 0; index < blocks; ++index) {
    blockStarts_[index + 1] = blockStarts_[index] + blockLines[index];
  }
}

int64_t LineitemIndex::linesBefore(int64_t order) const {
  PRESTO_CHECK(order >= 0 && order <= orders_, "order {} out of range", order);
  const int64_t block = order / kBlockOrders;
  if (block * kBlockOrders == order) {
    return blockStarts_[block];
  }
  return blockStarts_[block] + countLines(block * kBlockOrders, order - block * kBlockOrders);
}

LineitemIndex::Position LineitemIndex::locate(int64_t lineRow) const {
  PRESTO_CHECK(lineRow >= 0 && lineRow <= totalLines(), "lineitem row {} out of range", lineRow);
  if (lineRow == totalLines()) {
    return Position{orders_, 0};
  }
  // The last block start <= lineRow.
  const auto next = std::upper_bound(blockStarts_.begin(), blockStarts_.end(), lineRow);
  const int64_t block = (next - blockStarts_.begin()) - 1;
  int64_t order = block * kBlockOrders;
  int64_t linesBeforeOrder = blockStarts_[block];
  RandomStream stream = lineCountStream(order);
  while (true) {
    const int32_t lines = drawLineCount(stream);
    if (lineRow < linesBeforeOrder + lines) {
      return Position{order, static_cast<int32_t>(lineRow - linesBeforeOrder)};
    }
    linesBeforeOrder += lines;
    ++order;
  }
}

} // namespace presto::tpch
