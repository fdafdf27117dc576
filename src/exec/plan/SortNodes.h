#pragma once

#include <optional>

#include "exec/plan/PlanNode.h"
#include "type/Value.h"

namespace presto::exec {

/// Sorts all input rows by `keys`.
class OrderByNode : public SingleSourceNode {
 public:
  OrderByNode(std::string id, PlanNodePtr source, std::vector<SortKey> keys)
      : SingleSourceNode(id, source->outputType(), source), keys_(std::move(keys)) {}
  std::string_view name() const override { return "OrderBy"; }
  const std::vector<SortKey>& keys() const { return keys_; }

 private:
  const std::vector<SortKey> keys_;
};

/// The first `count` rows in `keys` order.
class TopNNode : public SingleSourceNode {
 public:
  TopNNode(std::string id, PlanNodePtr source, std::vector<SortKey> keys, int64_t count)
      : SingleSourceNode(id, source->outputType(), source), keys_(std::move(keys)), count_(count) {}
  std::string_view name() const override { return "TopN"; }
  const std::vector<SortKey>& keys() const { return keys_; }
  int64_t count() const { return count_; }

 private:
  const std::vector<SortKey> keys_;
  const int64_t count_;
};

/// Appends row_number() over `partitionKeys` (input order within a partition); with
/// `maxRowsPerPartition`, rows past that number are dropped.
class RowNumberNode : public SingleSourceNode {
 public:
  RowNumberNode(std::string id, PlanNodePtr source, std::vector<int32_t> partitionKeys,
      std::optional<int64_t> maxRowsPerPartition, std::string rowNumberName = "row_number")
      : SingleSourceNode(id, appendColumns(*source, {std::move(rowNumberName)}, {BIGINT()}), source),
        partitionKeys_(std::move(partitionKeys)), maxRowsPerPartition_(maxRowsPerPartition) {}
  std::string_view name() const override { return "RowNumber"; }
  const std::vector<int32_t>& partitionKeys() const { return partitionKeys_; }
  const std::optional<int64_t>& maxRowsPerPartition() const { return maxRowsPerPartition_; }

 private:
  const std::vector<int32_t> partitionKeys_;
  const std::optional<int64_t> maxRowsPerPartition_;
};

/// The first `limit` rows of each partition in `sortKeys` order, with their row number appended
/// (unless `generateRowNumber` is false).
class TopNRowNumberNode : public SingleSourceNode {
 public:
  TopNRowNumberNode(std::string id, PlanNodePtr source, std::vector<int32_t> partitionKeys,
      std::vector<SortKey> sortKeys, int64_t limit, bool generateRowNumber, std::string rowNumberName = "row_number")
      : SingleSourceNode(id,
            generateRowNumber ? appendColumns(*source, {std::move(rowNumberName)}, {BIGINT()}) : source->outputType(),
            source),
        partitionKeys_(std::move(partitionKeys)), sortKeys_(std::move(sortKeys)), limit_(limit),
        generateRowNumber_(generateRowNumber) {}
  std::string_view name() const override { return "TopNRowNumber"; }
  const std::vector<int32_t>& partitionKeys() const { return partitionKeys_; }
  const std::vector<SortKey>& sortKeys() const { return sortKeys_; }
  int64_t limit() const { return limit_; }
  bool generateRowNumber() const { return generateRowNumber_; }

 private:
  const std::vector<int32_t> partitionKeys_;
  const std::vector<SortKey> sortKeys_;
  const int64_t limit_;
  const bool generateRowNumber_;
};

/// Frame of a window function.
struct WindowFrame {
  enum class Type { kRows, kRange, kGroups };
  enum class BoundType { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };
  Type type = Type::kRange;
  BoundType startType = BoundType::kUnboundedPreceding;
  /// Offset for kPreceding/kFollowing (a constant; ROWS/GROUPS: a count, RANGE: a value distance
  /// on the single numeric sort key).
  int64_t startOffset = 0;
  BoundType endType = BoundType::kCurrentRow;
  int64_t endOffset = 0;
};

/// One window function: ranking (`row_number`, `rank`, `dense_rank`, `percent_rank`,
/// `cume_dist`, `ntile`), value (`first_value`, `last_value`, `nth_value`, `lag`, `lead`) or an
/// aggregate over the frame (`sum`, `count`, `min`, `max`, `avg`).
struct WindowFunctionCall {
  std::string function;
  std::vector<int32_t> inputs;
  TypePtr resultType;
  WindowFrame frame;
  /// Constant arguments (ntile buckets, lag/lead offset, nth_value position).
  int64_t constantArgument = 1;
  /// lag/lead: the value of rows whose offset row is outside the partition (NULL by default).
  Value defaultValue;
  /// IGNORE NULLS (value functions only): offsets and positions count non-null rows only.
  bool ignoreNulls = false;
};

/// Computes window functions over partitions of `partitionKeys` ordered by `sortKeys`, appending
/// one column per function.
class WindowNode : public SingleSourceNode {
 public:
  WindowNode(std::string id, PlanNodePtr source, std::vector<int32_t> partitionKeys, std::vector<SortKey> sortKeys,
      std::vector<WindowFunctionCall> functions, std::vector<std::string> names);
  std::string_view name() const override { return "Window"; }
  const std::vector<int32_t>& partitionKeys() const { return partitionKeys_; }
  const std::vector<SortKey>& sortKeys() const { return sortKeys_; }
  const std::vector<WindowFunctionCall>& functions() const { return functions_; }

 private:
  const std::vector<int32_t> partitionKeys_;
  const std::vector<SortKey> sortKeys_;
  const std::vector<WindowFunctionCall> functions_;
};

} // namespace presto::exec
