#pragma once

#include <memory>

#include "exec/HashJoinBridge.h"
#include "exec/Operator.h"
#include "exec/plan/JoinNodes.h"
#include "expression/ExprSet.h"

namespace presto::exec {

/// The probe side of a hash join (or, without keys, of a nested-loop join): for each probe page,
/// generates candidate (probe row, build row) pairs from the hash table chains (or all build rows),
/// applies the residual filter, and emits matches as dictionaries over the probe page and the
/// build page (no row copies). Per join type it then emits probe rows without a match (left,
/// full, anti), matched probe rows once (semi), or a match flag (semi-project, with IN's NULL
/// rules when null-aware). For right and full joins the last probe driver to finish emits the
/// build rows no driver matched; for right semi-project joins, every build row with its flag.
class HashProbeOperator : public Operator {
 public:
  struct Spec {
    JoinType joinType = JoinType::kInner;
    bool nullAware = false;
    /// Probe key channels; empty for a nested-loop join.
    std::vector<int32_t> probeKeys;
    RowExpressionPtr filter;
    std::vector<TypePtr> probeTypes;
    std::vector<TypePtr> buildTypes;
  };

  HashProbeOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> outputTypes, Spec spec, std::shared_ptr<HashJoinBridge> bridge);
  bool needsInput() const override { return input_ == nullptr && !noMoreInput_ && !finished_; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  BlockingReason isBlocked(ContinueFuture* future) override;
  bool isFinished() override { return finished_; }
  void close() override;

 private:
  /// Fills pairs for the current input; returns false when the input's pairs are exhausted.
  bool nextPairs();
  /// Finds each input row's first match (hits_), in the table of the row's partition.
  void probeTables();
  /// Keeps the pairs passing the residual filter.
  void applyFilter();
  PagePtr makePairPage();
  /// Output for the current input after all its pairs: unmatched / matched probe rows.
  PagePtr finishInput();
  PagePtr unmatchedBuildRows();
  /// kRightSemiProject, after the last probe driver: every build row with whether it matched.
  PagePtr markedBuildRows();
  bool isProbeKeyNull(vector_size_t row) const;
  int32_t buildRowNumber(const char* row) const;
  const char* nextInChain(const char* row) const;

  const Spec spec_;
  const std::shared_ptr<HashJoinBridge> bridge_;
  std::unique_ptr<ExprSet> filter_;
  std::shared_ptr<const JoinBuildResult> build_;
  int32_t rowNumberOffset_ = 0;
  int32_t nextOffset_ = 0;

  PagePtr input_;
  std::vector<char*> hits_;
  HashTable::ProbeScratch scratch_;
  /// Partitioned builds: the input's key hashes, rows per partition, one partition's hits.
  std::vector<uint64_t> partitionHashes_;
  std::vector<std::vector<vector_size_t>> partitionRows_;
  std::vector<char*> partitionHits_;
  std::vector<std::unique_ptr<DecodedVector>> probeKeys_;
  std::vector<bool> probeMatched_;
  vector_size_t probeRow_ = 0;
  const char* chain_ = nullptr;
  vector_size_t buildCursor_ = 0;
  bool pairsDone_ = false;
  std::vector<vector_size_t> pairProbe_;
  std::vector<vector_size_t> pairBuild_;

  std::vector<bool> buildMatched_;
  /// Set on the last probe driver to finish: which build rows any driver matched.
  std::shared_ptr<std::vector<bool>> buildMatchedByAll_;
  /// The next build row the last probe driver emits (unmatched, or marked for right semi joins).
  vector_size_t buildOutputCursor_ = 0;
  bool reportedFinish_ = false;
  bool closed_ = false;
  bool finished_ = false;
};

} // namespace presto::exec
