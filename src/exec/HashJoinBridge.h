#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "exec/Future.h"
#include "exec/HashTable.h"
#include "vector/Page.h"

namespace presto::exec {

/// What the build side of a join hands to the probe side: every build row in one page (flat
/// columns, so probe output can be dictionaries over it), and for hash joins the hash table over
/// the key columns, whose rows carry their row number in that page.
struct JoinBuildResult {
  PagePtr buildPage;
  std::unique_ptr<HashTable> table;
  /// Build rows with a NULL key (not in the table).
  int64_t numNullKeyRows = 0;
  /// Offsets in a table row's caller extra bytes.
  static constexpr int32_t kNextOffset = 0;
  static constexpr int32_t kRowNumberOffset = 8;
};

/// Connects a join's build drivers to its probe drivers inside a task. Build drivers add their
/// pages; the last one to finish builds the table and wakes the probes. Probe drivers report when
/// they finish, with the build rows they matched; the last one is told to emit the build rows no
/// probe matched (right and full joins). The table is freed when every probe has closed.
class HashJoinBridge {
 public:
  /// `keyChannels` empty: a nested-loop join (no table).
  HashJoinBridge(std::vector<TypePtr> buildTypes, std::vector<int32_t> keyChannels, int32_t numBuildDrivers,
      int32_t numProbeDrivers, MemoryPoolPtr pool);

  /// A build driver's pages; the last caller builds the table.
  void addBuildPages(std::vector<PagePtr> pages);
  /// The build result, or nullptr and a future to wait for.
  std::shared_ptr<const JoinBuildResult> buildResult(ContinueFuture* future);

  /// A probe driver is done; `matched` (one flag per build row, may be empty) is merged. Returns
  /// the merged flags to the last probe driver, nullptr to the others.
  std::shared_ptr<std::vector<bool>> probeFinished(const std::vector<bool>& matched);
  /// A probe operator closed (finished or not); the last one frees the table.
  void probeClosed();

 private:
  void build();

  const std::vector<TypePtr> buildTypes_;
  const std::vector<int32_t> keyChannels_;
  const int32_t numProbeDrivers_;
  MemoryPoolPtr pool_;

  std::mutex mutex_;
  std::vector<PagePtr> pages_;
  int32_t pendingBuilders_;
  std::shared_ptr<JoinBuildResult> result_;
  std::vector<ContinuePromise> waiters_;
  std::shared_ptr<std::vector<bool>> matched_;
  int32_t finishedProbes_ = 0;
  int32_t closedProbes_ = 0;
  std::unique_ptr<MemoryReservation> pageReservation_;
};

} // namespace presto::exec
