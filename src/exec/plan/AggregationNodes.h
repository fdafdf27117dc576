#pragma once

#include "exec/plan/PlanNode.h"

namespace presto::exec {

/// Which part of a split aggregation a node computes (as Presto's AggregationNode.Step).
enum class AggregationStep {
  /// Raw input -> intermediate accumulators.
  kPartial,
  /// Intermediate -> intermediate (combining partials).
  kIntermediate,
  /// Intermediate -> final values.
  kFinal,
  /// Raw input -> final values.
  kSingle,
};

std::string_view aggregationStepName(AggregationStep step);

/// One aggregate of an aggregation node.
struct AggregateCall {
  /// Function name (`sum`, `count`, ...).
  std::string function;
  /// Input channels: raw arguments for partial/single, the one intermediate column otherwise.
  std::vector<int32_t> inputs;
  /// Types of the raw arguments (what the function was resolved with).
  std::vector<TypePtr> rawInputTypes;
  /// Type of the intermediate (partial) state and of the final result.
  TypePtr intermediateType;
  TypePtr resultType;
  /// Boolean channel: only rows where it is true are aggregated (`FILTER (WHERE ...)`); -1: none.
  int32_t mask = -1;
  /// Aggregate over distinct argument values (`count(DISTINCT x)`); single step only.
  bool distinct = false;
};

/// Groups rows by `groupingKeys` and computes aggregates per group. Without grouping keys the
/// node is a global aggregation: exactly one output row, even for empty input (unless partial).
/// Output: grouping keys, then one column per aggregate (intermediate for partial/intermediate
/// steps, final otherwise).
class AggregationNode : public SingleSourceNode {
 public:
  AggregationNode(std::string id, PlanNodePtr source, AggregationStep step, std::vector<int32_t> groupingKeys,
      std::vector<AggregateCall> aggregates, std::vector<std::string> aggregateNames,
      std::vector<int32_t> preGroupedKeys = {});
  std::string_view name() const override { return "Aggregation"; }
  std::string details() const override;
  AggregationStep step() const { return step_; }
  const std::vector<int32_t>& groupingKeys() const { return groupingKeys_; }
  const std::vector<AggregateCall>& aggregates() const { return aggregates_; }
  /// Keys the input is already grouped (sorted) on: enables streaming aggregation when equal to
  /// the grouping keys.
  const std::vector<int32_t>& preGroupedKeys() const { return preGroupedKeys_; }
  bool isPartialOutput() const { return step_ == AggregationStep::kPartial || step_ == AggregationStep::kIntermediate; }

 private:
  const AggregationStep step_;
  const std::vector<int32_t> groupingKeys_;
  const std::vector<AggregateCall> aggregates_;
  const std::vector<int32_t> preGroupedKeys_;
};

/// Replicates each input row once per grouping set, nulling the grouping keys not in the set and
/// appending the set's ordinal as `groupIdName` (bigint). Output: grouping keys (in
/// `groupingKeys` order), then `passThrough` columns, then the group id.
class GroupIdNode : public SingleSourceNode {
 public:
  GroupIdNode(std::string id, PlanNodePtr source, std::vector<int32_t> groupingKeys,
      std::vector<std::vector<int32_t>> groupingSets, std::vector<int32_t> passThrough, std::string groupIdName);
  std::string_view name() const override { return "GroupId"; }
  const std::vector<int32_t>& groupingKeys() const { return groupingKeys_; }
  /// Each set lists channels (of the source) that are kept.
  const std::vector<std::vector<int32_t>>& groupingSets() const { return groupingSets_; }
  const std::vector<int32_t>& passThrough() const { return passThrough_; }

 private:
  const std::vector<int32_t> groupingKeys_;
  const std::vector<std::vector<int32_t>> groupingSets_;
  const std::vector<int32_t> passThrough_;
};

/// The first `limit` distinct combinations of `keys`; output: the key columns.
class DistinctLimitNode : public SingleSourceNode {
 public:
  DistinctLimitNode(std::string id, PlanNodePtr source, std::vector<int32_t> keys, int64_t limit)
      : SingleSourceNode(id, selectColumns(*source, keys), source), keys_(std::move(keys)), limit_(limit) {}
  std::string_view name() const override { return "DistinctLimit"; }
  const std::vector<int32_t>& keys() const { return keys_; }
  int64_t limit() const { return limit_; }

 private:
  const std::vector<int32_t> keys_;
  const int64_t limit_;
};

/// Appends a boolean column that is true on the first occurrence of each combination of `keys`.
class MarkDistinctNode : public SingleSourceNode {
 public:
  MarkDistinctNode(std::string id, PlanNodePtr source, std::vector<int32_t> keys, std::string markerName)
      : SingleSourceNode(id, appendColumns(*source, {std::move(markerName)}, {BOOLEAN()}), source),
        keys_(std::move(keys)) {}
  std::string_view name() const override { return "MarkDistinct"; }
  const std::vector<int32_t>& keys() const { return keys_; }

 private:
  const std::vector<int32_t> keys_;
};

} // namespace presto::exec
