#pragma once

#include "exec/Operator.h"
#include "exec/RowComparator.h"
#include "exec/plan/SortNodes.h"
#include "type/Value.h"

#include "vector/UniqueRetainedBytes.h"

namespace presto::exec {

/// Window functions: keeps all input (as user memory), sorts it by partition and ORDER BY keys
/// when input ends, then computes each function partition by partition and emits the rows in
/// that order with one column per function appended.
class WindowOperator : public Operator {
 public:
  WindowOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const WindowNode> node);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && nextRow_ >= rows_.size(); }
  void close() override;

 private:
  void computePartition(size_t begin, size_t end);

  const std::shared_ptr<const WindowNode> node_;
  const std::vector<TypePtr> inputTypes_;
  RowComparator comparator_;
  std::vector<PagePtr> pages_;
  std::vector<RowReference> rows_;
  /// results_[function][row in sorted order].
  std::vector<std::vector<Value>> results_;
  size_t nextRow_ = 0;
  MemoryReservation reservation_;
  /// What the kept pages hold, each shared buffer once.
  UniqueRetainedBytes retained_;
};

} // namespace presto::exec
