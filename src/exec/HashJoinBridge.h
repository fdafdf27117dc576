#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "exec/Future.h"
#include "exec/HashTable.h"
#include "exec/RowHash.h"
#include "vector/Page.h"

namespace presto::exec {

/// What the build side of a join hands to the probe side: every build row in one page (flat
/// columns, so probe output can be dictionaries over it), and for hash joins the hash tables over
/// the key columns, whose rows carry their row number in that page.
///
/// A build may be partitioned: then `tables` has one table per partition of the key hashes
/// (joinPartition()), built by different drivers in parallel, and a probe row looks only in the
/// table of its own partition. All tables have the same row layout.
struct JoinBuildResult {
  PagePtr buildPage;
  /// Hash joins: one table per partition (one for an unpartitioned build); empty for nested loops.
  std::vector<std::unique_ptr<HashTable>> tables;
  /// Build rows with a NULL key (not in any table).
  int64_t numNullKeyRows = 0;
  /// Offsets in a table row's caller extra bytes.
  static constexpr int32_t kNextOffset = 0;
  static constexpr int32_t kRowNumberOffset = 8;

  bool isHashJoin() const { return !tables.empty(); }
};

/// The partition of a key whose hashRows() hash is `hash` among `numPartitions` partition tables.
/// It uses the hash's high bits, because the tables themselves place rows by the low bits.
inline int32_t joinPartition(uint64_t hash, int32_t numPartitions) {
  return remotePartition(hash, numPartitions);
}

/// Connects a join's build drivers to its probe drivers inside a task. Build drivers add their
/// pages. Unpartitioned, the last one to finish builds the table and wakes the probes.
/// Partitioned (one partition per build driver), the last one splits the build rows by key hash
/// and wakes the other build drivers; each then builds one partition's table, and the last to
/// finish wakes the probes. Probe drivers report when they finish, with the build rows they
/// matched; the last one is told to emit the build rows no probe matched (right and full joins).
/// The tables are freed when every probe has closed.
class HashJoinBridge {
 public:
  /// `keyChannels` empty: a nested-loop join (no table). `numPartitions` > 1 (hash joins only)
  /// must equal `numBuildDrivers`: each build driver builds one partition, unless the build has
  /// fewer than `minPartitionedRows` rows: then the last build driver builds one table.
  HashJoinBridge(std::vector<TypePtr> buildTypes, std::vector<int32_t> keyChannels, int32_t numBuildDrivers,
      int32_t numProbeDrivers, MemoryPoolPtr pool, int32_t numPartitions = 1, int64_t minPartitionedRows = 0);

  /// Whether build drivers build partitions (buildPartition()) after adding their pages.
  bool isPartitioned() const { return numPartitions_ > 1; }

  /// A build driver's pages; unpartitioned, the last caller builds the table.
  void addBuildPages(std::vector<PagePtr> pages);
  /// Partitioned: whether every build driver's pages are in (else a future to wait for).
  bool buildPagesReady(ContinueFuture* future);
  /// Partitioned: builds the table of the next unbuilt partition (each build driver calls it
  /// once; nothing to do when the build turned out small enough for one table).
  /// REQUIRES: buildPagesReady().
  void buildPartition();
  /// The build result, or nullptr and a future to wait for.
  std::shared_ptr<const JoinBuildResult> buildResult(ContinueFuture* future);

  /// A probe driver is done; `matched` (one flag per build row, may be empty) is merged. Returns
  /// the merged flags to the last probe driver, nullptr to the others.
  std::shared_ptr<std::vector<bool>> probeFinished(const std::vector<bool>& matched);
  /// A probe operator closed (finished or not); the last one frees the table.
  void probeClosed();

 private:
  void build();
  /// Concatenates the pages into the build page (reserving it).
  void concatenateBuildPages(JoinBuildResult& result);
  /// A join table over `rows` of the build page (all rows if `rows` is null).
  std::unique_ptr<HashTable> buildTable(const PagePtr& buildPage, const std::vector<vector_size_t>* rows) const;
  /// Splits the build page's rows by partition and wakes the build drivers.
  void preparePartitions();

  const std::vector<TypePtr> buildTypes_;
  const std::vector<int32_t> keyChannels_;
  const int32_t numProbeDrivers_;
  const int32_t numPartitions_;
  const int64_t minPartitionedRows_;
  /// A partitioned build that turned out small enough for one table, built by the last builder.
  bool builtAsOneTable_ = false;
  MemoryPoolPtr pool_;

  std::mutex mutex_;
  std::vector<PagePtr> pages_;
  int32_t pendingBuilders_;
  std::shared_ptr<JoinBuildResult> result_;
  /// Partitioned build: the result being built, each partition's build rows, build drivers
  /// waiting for the pages, and progress.
  std::shared_ptr<JoinBuildResult> partial_;
  std::vector<std::vector<vector_size_t>> partitionRows_;
  std::vector<ContinuePromise> buildWaiters_;
  int32_t nextPartition_ = 0;
  int32_t builtPartitions_ = 0;
  std::vector<ContinuePromise> waiters_;
  std::shared_ptr<std::vector<bool>> matched_;
  int32_t finishedProbes_ = 0;
  int32_t closedProbes_ = 0;
  std::unique_ptr<MemoryReservation> pageReservation_;
};

} // namespace presto::exec
