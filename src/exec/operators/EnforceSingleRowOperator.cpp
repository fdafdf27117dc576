#include "exec/operators/EnforceSingleRowOperator.h"

#include <atomic>

#include "common/Check.h"
#include "exec/VectorGather.h"
#include "vector/FlatVector.h"

namespace presto::exec {

EnforceSingleRowOperator::EnforceSingleRowOperator(
    DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId, std::vector<TypePtr> types)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "EnforceSingleRow") {}

void EnforceSingleRowOperator::addInput(PagePtr input) {
  PRESTO_USER_CHECK(row_ == nullptr && input->numRows() == 1, errors::SUBQUERY_MULTIPLE_ROWS,
      "Scalar sub-query has returned multiple rows");
  row_ = std::move(input);
}

PagePtr EnforceSingleRowOperator::getOutput() {
  if (!noMoreInput_ || finished_) {
    return nullptr;
  }
  finished_ = true;
  if (row_ != nullptr) {
    return std::move(row_);
  }
  std::vector<VectorPtr> columns;
  for (const auto& type : outputTypes_) {
    columns.push_back(makeNullVector(type, 1));
  }
  return std::make_shared<Page>(1, std::move(columns));
}

AssignUniqueIdOperator::AssignUniqueIdOperator(DriverContext* driverContext, int32_t operatorId,
    const std::string& planNodeId, std::vector<TypePtr> types, int32_t taskUniqueId,
    std::shared_ptr<std::atomic<int64_t>> rangeCounter)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "AssignUniqueId"),
      taskBits_(static_cast<int64_t>(taskUniqueId) << 40), rangeCounter_(std::move(rangeCounter)) {
  PRESTO_CHECK(taskUniqueId >= 0 && taskUniqueId < (1 << 23), "task unique id {} out of range", taskUniqueId);
}

PagePtr AssignUniqueIdOperator::getOutput() {
  if (input_ == nullptr) {
    return nullptr;
  }
  auto input = std::move(input_);
  auto ids = FlatVector<int64_t>::create(BIGINT(), input->numRows());
  auto* raw = ids->mutableRawValues();
  for (vector_size_t row = 0; row < input->numRows(); ++row) {
    if (nextId_ == rangeEnd_) {
      nextId_ = rangeCounter_->fetch_add(kRangeSize);
      rangeEnd_ = nextId_ + kRangeSize;
      PRESTO_CHECK(rangeEnd_ <= (int64_t{1} << 40), "unique id space of the task exhausted");
    }
    raw[row] = taskBits_ | nextId_++;
  }
  auto columns = input->columns();
  columns.push_back(std::move(ids));
  return std::make_shared<Page>(input->numRows(), std::move(columns));
}

} // namespace presto::exec
