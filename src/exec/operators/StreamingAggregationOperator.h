#pragma once

#include <memory>
#include <vector>

#include "exec/Operator.h"
#include "exec/RowContainer.h"
#include "exec/aggregation/Aggregate.h"
#include "exec/plan/AggregationNodes.h"

namespace presto::exec {

/// Aggregation over input already grouped on every grouping key (the node's pre-grouped keys
/// cover its grouping keys): rows of one group arrive together, so no hash table is needed. The
/// operator keeps only the groups of the current page in a RowContainer (one accumulator per
/// aggregate per group, as the hash aggregation does); after each page it emits every group whose
/// key has changed and carries only the still-open last group over, so memory does not grow with
/// the number of groups. The last group is emitted when input ends. Any step; partial steps emit
/// intermediate states.
///
/// REQUIRES: at least one grouping key and no DISTINCT aggregate (the local planner uses the hash
/// aggregation otherwise).
class StreamingAggregationOperator : public Operator {
 public:
  StreamingAggregationOperator(
      DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const AggregationNode> node);
  bool needsInput() const override { return !noMoreInput_ && output_ == nullptr; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  bool isFinished() override { return finished_; }
  void close() override;

 private:
  struct AggregateInfo {
    std::unique_ptr<Aggregate> aggregate;
    std::vector<int32_t> inputs;
    int32_t mask = -1;
  };

  /// Whether row `row` of the decoded keys belongs to `group`.
  bool sameGroup(const std::vector<DecodedVector>& keys, vector_size_t row, const char* group) const;
  /// A page of the first `numGroups` groups of `groups_`; their accumulators are destroyed.
  PagePtr extractGroups(vector_size_t numGroups);
  /// Moves the open (last) group into the spare container and frees every other row.
  void carryOverOpenGroup();

  const std::shared_ptr<const AggregationNode> node_;
  const bool rawInput_;
  const bool finalOutput_;
  const std::vector<int32_t> keyChannels_;
  std::vector<AggregateInfo> aggregates_;
  /// The groups of the current page (the first may continue from the previous page) and an
  /// empty container the open group moves to once the others are emitted.
  std::unique_ptr<RowContainer> groups_;
  std::unique_ptr<RowContainer> spare_;

  std::vector<char*> rowGroups_;
  PagePtr output_;
  bool finished_ = false;
};

} // namespace presto::exec
