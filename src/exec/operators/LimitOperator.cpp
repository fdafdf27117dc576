#include "exec/operators/LimitOperator.h"

#include "exec/VectorGather.h"

namespace presto::exec {

LimitOperator::LimitOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> types, int64_t count)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "Limit"), remaining_(count) {}

void LimitOperator::addInput(PagePtr input) {
  if (input->numRows() <= remaining_) {
    remaining_ -= input->numRows();
    output_ = std::move(input);
    return;
  }
  output_ = slicePage(input, 0, static_cast<vector_size_t>(remaining_));
  remaining_ = 0;
}

PagePtr LimitOperator::getOutput() {
  return std::move(output_);
}

OffsetOperator::OffsetOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> types, int64_t count)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "Offset"), toSkip_(count) {}

void OffsetOperator::addInput(PagePtr input) {
  if (toSkip_ == 0) {
    output_ = std::move(input);
    return;
  }
  if (input->numRows() <= toSkip_) {
    toSkip_ -= input->numRows();
    return;
  }
  auto skip = static_cast<vector_size_t>(toSkip_);
  toSkip_ = 0;
  output_ = slicePage(input, skip, input->numRows() - skip);
}

PagePtr OffsetOperator::getOutput() {
  return std::move(output_);
}

} // namespace presto::exec
