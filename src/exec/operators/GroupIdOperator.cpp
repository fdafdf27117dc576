#include "exec/operators/GroupIdOperator.h"

#include <algorithm>

#include "exec/VectorGather.h"
#include "vector/VectorValues.h"

namespace presto::exec {

GroupIdOperator::GroupIdOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const GroupIdNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "GroupId"), node_(std::move(node)) {}

PagePtr GroupIdOperator::getOutput() {
  if (input_ == nullptr) {
    return nullptr;
  }
  const auto& set = node_->groupingSets()[nextSet_];
  std::vector<VectorPtr> columns;
  auto numRows = input_->numRows();
  for (size_t i = 0; i < node_->groupingKeys().size(); ++i) {
    auto channel = node_->groupingKeys()[i];
    if (std::find(set.begin(), set.end(), channel) != set.end()) {
      columns.push_back(input_->column(static_cast<size_t>(channel)));
    } else {
      columns.push_back(makeNullVector(outputTypes_[i], numRows));
    }
  }
  for (auto channel : node_->passThrough()) {
    columns.push_back(input_->column(static_cast<size_t>(channel)));
  }
  columns.push_back(makeConstant(BIGINT(), Value(static_cast<int64_t>(nextSet_)), numRows));
  if (++nextSet_ == node_->groupingSets().size()) {
    input_.reset();
  }
  return std::make_shared<Page>(numRows, std::move(columns));
}

} // namespace presto::exec
