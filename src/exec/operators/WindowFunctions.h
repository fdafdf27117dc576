#pragma once

#include <vector>

#include "exec/plan/SortNodes.h"
#include "type/Value.h"

namespace presto::exec {

/// One sorted partition as the window functions see it: the argument values of each row, and
/// the peer groups (rows equal on the ORDER BY keys).
struct WindowPartition {
  /// Rows of the partition, in order; `arguments[a][r]` is argument a of row r.
  std::vector<std::vector<Value>> arguments;
  /// Value of the single ORDER BY key per row (RANGE frames with offsets), if any.
  std::vector<Value> orderValues;
  bool orderAscending = true;
  /// For each row: index of its peer group, and each group's first row and end (exclusive).
  std::vector<int64_t> peerGroup;
  std::vector<int64_t> groupStart;
  std::vector<int64_t> groupEnd;
  int64_t numRows() const { return static_cast<int64_t>(peerGroup.size()); }
};

/// Computes `function` for every row of `partition`, appending the results to `results`.
/// Supports ranking (row_number, rank, dense_rank, percent_rank, cume_dist, ntile), value
/// (first_value, last_value, nth_value, lag, lead) and aggregate (sum, count, min, max, avg)
/// functions, the latter two kinds over ROWS, RANGE or GROUPS frames.
void computeWindowFunction(const WindowFunctionCall& function, const TypePtr& argumentType,
    const WindowPartition& partition, size_t argument, std::vector<Value>& results);

} // namespace presto::exec
