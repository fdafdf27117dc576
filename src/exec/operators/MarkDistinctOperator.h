#pragma once

#include <memory>

#include "exec/HashTable.h"
#include "exec/Operator.h"

namespace presto::exec {

/// Appends a boolean that is true on the first occurrence of each combination of the keys.
class MarkDistinctOperator : public Operator {
 public:
  MarkDistinctOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> outputTypes, std::vector<int32_t> keys, std::vector<TypePtr> keyTypes);
  bool needsInput() const override { return output_ == nullptr && !noMoreInput_; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override { return std::move(output_); }
  bool isFinished() override { return noMoreInput_ && output_ == nullptr; }
  void close() override { table_->clear(); }

 private:
  const std::vector<int32_t> keys_;
  std::unique_ptr<HashTable> table_;
  PagePtr output_;
};

/// Passes the first occurrence of each combination of the keys (output: the key columns) until
/// `limit` distinct combinations have been seen; then it is finished and upstream stops.
class DistinctLimitOperator : public Operator {
 public:
  DistinctLimitOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> outputTypes, std::vector<int32_t> keys, int64_t limit);
  bool needsInput() const override { return output_ == nullptr && !noMoreInput_ && remaining_ > 0; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override { return std::move(output_); }
  bool isFinished() override { return output_ == nullptr && (noMoreInput_ || remaining_ == 0); }
  void close() override { table_->clear(); }

 private:
  const std::vector<int32_t> keys_;
  int64_t remaining_;
  std::unique_ptr<HashTable> table_;
  PagePtr output_;
};

} // namespace presto::exec
