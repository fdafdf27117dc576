#pragma once

#include <memory>

#include "exec/HashTable.h"
#include "exec/Operator.h"
#include "exec/RowComparator.h"

#include "vector/UniqueRetainedBytes.h"

namespace presto::exec {

/// Appends row_number() per partition (in arrival order): a hash table keyed on the partition
/// keys holds each partition's count. With a maximum, rows past it are dropped.
class RowNumberOperator : public Operator {
 public:
  RowNumberOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> outputTypes, std::vector<int32_t> partitionKeys, std::vector<TypePtr> keyTypes,
      std::optional<int64_t> maxRows);
  bool needsInput() const override { return output_ == nullptr && !noMoreInput_; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override { return std::move(output_); }
  bool isFinished() override { return noMoreInput_ && output_ == nullptr; }
  void close() override { table_->clear(); }

 private:
  const std::vector<int32_t> partitionKeys_;
  const std::optional<int64_t> maxRows_;
  std::unique_ptr<HashTable> table_;
  int64_t globalCount_ = 0;
  PagePtr output_;
};

/// The first N rows of each partition in sort order, with their row numbers: sorts all input
/// by (partition keys, sort keys) and keeps a prefix of each partition.
class TopNRowNumberOperator : public Operator {
 public:
  TopNRowNumberOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> outputTypes, std::vector<TypePtr> inputTypes, std::vector<int32_t> partitionKeys,
      std::vector<SortKey> sortKeys, int64_t limit, bool generateRowNumber);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && nextRow_ >= selected_.size(); }
  void close() override;

 private:
  const std::vector<TypePtr> inputTypes_;
  const size_t numPartitionKeys_;
  const int64_t limit_;
  const bool generateRowNumber_;
  RowComparator comparator_;
  std::vector<PagePtr> pages_;
  std::vector<RowReference> rows_;
  std::vector<RowReference> selected_;
  std::vector<int64_t> rowNumbers_;
  size_t nextRow_ = 0;
  MemoryReservation reservation_;
  /// What the kept pages hold, each shared buffer once.
  UniqueRetainedBytes retained_;
};

} // namespace presto::exec
