#pragma once

#include "exec/Operator.h"
#include "exec/plan/SourceNodes.h"

namespace presto::exec {

/// Produces the pages of a ValuesNode (by driver 0 only, unless the node is parallel).
class ValuesOperator : public SourceOperator {
 public:
  ValuesOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const ValuesNode> node);
  PagePtr getOutput() override;
  bool isFinished() override { return finished_; }

 private:
  const std::shared_ptr<const ValuesNode> node_;
  size_t nextPage_ = 0;
  int32_t round_ = 0;
  bool finished_;
};

} // namespace presto::exec
