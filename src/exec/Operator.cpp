#include "exec/Operator.h"

#include <fmt/format.h>

#include "common/Check.h"
#include "exec/Task.h"

namespace presto::exec {

OperatorContext::OperatorContext(
    DriverContext* driverContext, int32_t operatorId, std::string planNodeId, std::string operatorType)
    : driverContext_(driverContext) {
  stats_.operatorId = operatorId;
  stats_.planNodeId = std::move(planNodeId);
  stats_.operatorType = std::move(operatorType);
  pool_ = driverContext_->task->pool()->addChild(fmt::format("{}.{}#{}.driver{}", stats_.planNodeId,
      stats_.operatorType, operatorId, driverContext_->driverId));
}

Operator::Operator(DriverContext* driverContext, std::vector<TypePtr> outputTypes, int32_t operatorId,
    std::string planNodeId, std::string operatorType)
    : context_(driverContext, operatorId, std::move(planNodeId), std::move(operatorType)),
      outputTypes_(std::move(outputTypes)) {}

void SourceOperator::addInput(PagePtr /*input*/) {
  PRESTO_FAIL("{} is a source operator and takes no input", context_.operatorType());
}

void recordOutput(OperatorStats& stats, const Page& page) {
  stats.outputRows += page.numRows();
  stats.outputBytes += static_cast<int64_t>(page.retainedBytes());
  ++stats.outputPages;
}

void recordInput(OperatorStats& stats, const Page& page) {
  stats.inputRows += page.numRows();
  stats.inputBytes += static_cast<int64_t>(page.retainedBytes());
  ++stats.inputPages;
}

} // namespace presto::exec
