#pragma once

#include <atomic>

#include "exec/Operator.h"

namespace presto::exec {

/// Passes exactly one row: a row of NULLs for empty input; more than one row fails the query
/// with SUBQUERY_MULTIPLE_ROWS (a scalar subquery returned several rows).
class EnforceSingleRowOperator : public Operator {
 public:
  EnforceSingleRowOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  bool isFinished() override { return finished_; }

 private:
  PagePtr row_;
  bool finished_ = false;
};

/// Appends a query-unique bigint id: the task's unique id in bits 40..63, and a counter that each
/// driver takes in ranges of 2^20 ids from a task-wide counter.
class AssignUniqueIdOperator : public Operator {
 public:
  AssignUniqueIdOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, int32_t taskUniqueId, std::shared_ptr<std::atomic<int64_t>> rangeCounter);
  bool needsInput() const override { return input_ == nullptr && !noMoreInput_; }
  void addInput(PagePtr input) override { input_ = std::move(input); }
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && input_ == nullptr; }

 private:
  static constexpr int64_t kRangeSize = int64_t{1} << 20;
  const int64_t taskBits_;
  std::shared_ptr<std::atomic<int64_t>> rangeCounter_;
  int64_t nextId_ = 0;
  int64_t rangeEnd_ = 0;
  PagePtr input_;
};

} // namespace presto::exec
