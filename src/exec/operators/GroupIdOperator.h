#pragma once

#include "exec/Operator.h"
#include "exec/plan/AggregationNodes.h"

namespace presto::exec {

/// Replicates each input page once per grouping set: the keys outside the set become NULL
/// constants and the set's ordinal is appended, so one aggregation computes all grouping sets.
class GroupIdOperator : public Operator {
 public:
  GroupIdOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const GroupIdNode> node);
  bool needsInput() const override { return input_ == nullptr && !noMoreInput_; }
  void addInput(PagePtr input) override {
    input_ = std::move(input);
    nextSet_ = 0;
  }
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && input_ == nullptr; }

 private:
  const std::shared_ptr<const GroupIdNode> node_;
  PagePtr input_;
  size_t nextSet_ = 0;
};

} // namespace presto::exec
