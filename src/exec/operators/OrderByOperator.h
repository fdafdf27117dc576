#pragma once

#include "exec/Operator.h"
#include "exec/RowComparator.h"

#include "vector/UniqueRetainedBytes.h"

namespace presto::exec {

/// Sorts all its input: keeps the pages (as user memory), sorts references to their rows once
/// input ends, and emits the rows in order, gathered into new pages.
class OrderByOperator : public Operator {
 public:
  OrderByOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, std::vector<SortKey> keys);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && nextRow_ >= rows_.size(); }
  void close() override;

 private:
  RowComparator comparator_;
  std::vector<PagePtr> pages_;
  std::vector<RowReference> rows_;
  size_t nextRow_ = 0;
  MemoryReservation reservation_;
  /// What the kept pages hold, each shared buffer once.
  UniqueRetainedBytes retained_;
};

/// The first N rows in sort order, kept in a max-heap of N row references; pages whose rows left
/// the heap are dropped by compacting the heap's rows into one page now and then.
class TopNOperator : public Operator {
 public:
  TopNOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, std::vector<SortKey> keys, int64_t count);
  bool needsInput() const override { return !noMoreInput_ && count_ > 0; }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  PagePtr getOutput() override;
  bool isFinished() override { return (noMoreInput_ || count_ == 0) && nextRow_ >= output_.size(); }
  void close() override;

 private:
  void compact();

  std::vector<SortKey> keys_;
  const size_t count_;
  std::unique_ptr<RowComparator> comparator_;
  std::vector<PagePtr> pages_;
  std::vector<RowReference> heap_;
  std::vector<RowReference> output_;
  size_t nextRow_ = 0;
  MemoryReservation reservation_;
  /// What the kept pages hold, each shared buffer once.
  UniqueRetainedBytes retained_;
};

} // namespace presto::exec
