#pragma once

#include <memory>

#include "exec/HashJoinBridge.h"
#include "exec/Operator.h"

#include "vector/UniqueRetainedBytes.h"

namespace presto::exec {

/// The sink of a join's build pipeline: collects its driver's build pages (reserving them as user
/// memory) and hands them to the bridge when its input ends; the last build driver builds the
/// hash table (or, for a nested-loop join, just the combined page). With a partitioned bridge,
/// every build driver then waits for the others' pages and builds one partition's table.
class HashBuildOperator : public Operator {
 public:
  HashBuildOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, std::shared_ptr<HashJoinBridge> bridge);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  BlockingReason isBlocked(ContinueFuture* future) override;
  /// Builds this driver's partition once every build page is in (partitioned bridges only).
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && (!bridge_->isPartitioned() || partitionBuilt_); }
  void close() override;

 private:
  std::shared_ptr<HashJoinBridge> bridge_;
  bool partitionBuilt_ = false;
  std::vector<PagePtr> pages_;
  MemoryReservation reservation_;
  /// What the kept pages hold, each shared buffer once.
  UniqueRetainedBytes retained_;
};

} // namespace presto::exec
