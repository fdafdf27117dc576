#pragma once

#include <cstdint>
#include <vector>

namespace presto::tpch {

/// Where lineitem rows start: lineitem is generated order by order, each order having 1 to 7
/// lines drawn from its own stream, so finding the order that holds lineitem row r takes the line
/// counts of all orders before it. This index keeps the running line count at every block of
/// orders; a lookup scans at most one block. Building it scans the line-count stream once
/// (about 1 ns per order); it is immutable afterwards.
class LineitemIndex {
 public:
  /// Orders per index block.
  static constexpr int64_t kBlockOrders = 4096;

  /// Indexes orders 0..orders-1.
  explicit LineitemIndex(int64_t orders);

  /// Total number of lineitem rows.
  int64_t totalLines() const { return blockStarts_.back(); }

  /// A lineitem row's order (0-based order index) and line within it (0-based).
  struct Position {
    int64_t order;
    int32_t line;
  };

  /// REQUIRES: 0 <= lineRow <= totalLines(); totalLines() maps to one past the last order.
  Position locate(int64_t lineRow) const;

  /// Lines of orders [0, order).
  int64_t linesBefore(int64_t order) const;

 private:
  int64_t orders_;
  // blockStarts_[b] = lines of orders [0, b * kBlockOrders); the last entry is the total.
  std::vector<int64_t> blockStarts_;
};

} // namespace presto::tpch
