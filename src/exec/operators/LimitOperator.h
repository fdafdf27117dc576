#pragma once

#include "exec/Operator.h"

namespace presto::exec {

/// Passes the first `count` rows. Reports finished as soon as it has them, so the driver stops
/// the operators upstream (LIMIT stops the scan).
class LimitOperator : public Operator {
 public:
  LimitOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, int64_t count);
  bool needsInput() const override { return remaining_ > 0 && output_ == nullptr; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  bool isFinished() override { return output_ == nullptr && (remaining_ == 0 || noMoreInput_); }

 private:
  int64_t remaining_;
  PagePtr output_;
};

/// Drops the first `count` rows and passes the rest.
class OffsetOperator : public Operator {
 public:
  OffsetOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, int64_t count);
  bool needsInput() const override { return output_ == nullptr; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  bool isFinished() override { return output_ == nullptr && noMoreInput_; }

 private:
  int64_t toSkip_;
  PagePtr output_;
};

} // namespace presto::exec
