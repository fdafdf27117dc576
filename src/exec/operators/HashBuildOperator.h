#pragma once

#include <memory>

#include "exec/HashJoinBridge.h"
#include "exec/Operator.h"

#include "vector/UniqueRetainedBytes.h"

namespace presto::exec {

/// The sink of a join's build pipeline: collects its driver's build pages (reserving them as user
/// memory) and hands them to the bridge when its input ends; the last build driver builds the
/// hash table (or, for a nested-loop join, just the combined page).
class HashBuildOperator : public Operator {
 public:
  HashBuildOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, std::shared_ptr<HashJoinBridge> bridge);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  PagePtr getOutput() override { return nullptr; }
  bool isFinished() override { return noMoreInput_; }
  void close() override;

 private:
  std::shared_ptr<HashJoinBridge> bridge_;
  std::vector<PagePtr> pages_;
  MemoryReservation reservation_;
  /// What the kept pages hold, each shared buffer once.
  UniqueRetainedBytes retained_;
};

} // namespace presto::exec
