#pragma once

#include <memory>

#include "exec/HashTable.h"
#include "exec/Operator.h"
#include "exec/aggregation/Aggregate.h"
#include "exec/plan/AggregationNodes.h"

namespace presto::exec {

/// Hash aggregation for every step: groups rows by the grouping keys in a HashTable whose rows
/// hold one accumulator per aggregate, then emits one row per group once all input is in
/// (partial steps emit intermediate states). Without keys it is a global aggregation with exactly
/// one group, present even for empty input.
///
/// FILTER masks select the rows each aggregate sees. A DISTINCT aggregate keeps a second hash
/// table over (grouping keys, arguments) and feeds only first occurrences to the aggregate.
///
/// A partial step emits its groups early and starts a new table when it reaches
/// TaskConfig::maxPartialAggregationGroups groups having reduced its input at least by half so
/// far, or in any case at 8 times as many groups; the final step merges the pieces.
class HashAggregationOperator : public Operator {
 public:
  HashAggregationOperator(
      DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const AggregationNode> node);
  bool needsInput() const override { return !noMoreInput_ && !flushing_; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  bool isFinished() override { return finished_; }
  void close() override;

  /// The table's mode (for tests and statistics).
  HashMode hashMode() const { return table_->mode(); }

 private:
  struct AggregateInfo {
    std::unique_ptr<Aggregate> aggregate;
    std::vector<int32_t> inputs;
    int32_t mask = -1;
    /// For DISTINCT: the (keys, arguments) combinations seen so far.
    std::unique_ptr<HashTable> distinctTable;
  };

  /// Rows of `input` an aggregate takes: masked rows only, and first occurrences for DISTINCT.
  void selectRows(AggregateInfo& info, const Page& input, SelectivityVector& rows);
  static constexpr int64_t kHardGroupLimitFactor = 8;

  /// A new, empty table laid out for the aggregates' accumulators.
  std::unique_ptr<HashTable> createTable();
  /// The next page of groups, or null when all are out.
  PagePtr nextGroups();
  void destroyAccumulators();

  const std::shared_ptr<const AggregationNode> node_;
  const bool rawInput_;
  const bool finalOutput_;
  std::vector<int32_t> keyChannels_;
  std::vector<TypePtr> keyTypes_;
  std::vector<std::pair<int32_t, int32_t>> accumulatorLayout_;
  /// Partial steps without DISTINCT: groups held before they are emitted early; 0: never.
  int64_t maxGroups_ = 0;
  std::vector<AggregateInfo> aggregates_;
  std::unique_ptr<HashTable> table_;
  char* globalGroup_ = nullptr;

  std::vector<char*> groups_;
  std::vector<vector_size_t> newGroups_;
  size_t nextOutputGroup_ = 0;
  bool finished_ = false;
  bool destroyed_ = false;
  /// Emitting the groups held so far before taking more input.
  bool flushing_ = false;
  /// Input rows since the table was started, and whether it has reached maxGroups_.
  int64_t tableInputRows_ = 0;
  bool reachedGroupLimit_ = false;
};

} // namespace presto::exec
