#include "exec/operators/FilterProjectOperator.h"

#include "common/Check.h"
#include "exec/Task.h"
#include "exec/VectorGather.h"
#include "vector/DecodedVector.h"

namespace presto::exec {

FilterProjectOperator::FilterProjectOperator(
    DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const FilterProjectNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "FilterProject") {
  const auto& functions = driverContext->task->services().functions;
  PRESTO_CHECK(functions != nullptr, "the task has no function registry");
  auto numInputs = static_cast<int32_t>(node->source()->outputTypes().size());
  if (node->filter() != nullptr) {
    filter_ = std::make_unique<ExprSet>(std::vector<RowExpressionPtr>{node->filter()}, *functions, numInputs);
  }
  projections_ = std::make_unique<ExprSet>(node->projections(), *functions, numInputs);
}

vector_size_t FilterProjectOperator::filterRows(const Page& page) {
  std::vector<VectorPtr> results;
  filter_->eval(SelectivityVector(page.numRows()), page.columns(), results);
  DecodedVector decoded(*results[0]);
  const auto numRows = page.numRows();
  selected_.resize(static_cast<size_t>(numRows));
  vector_size_t count = 0;
  if (decoded.isIdentityMapping() && !decoded.mayHaveNulls()) {
    // Branch-free: every row is written, and the count moves past the ones that pass.
    const bool* passed = decoded.data<bool>();
    for (vector_size_t row = 0; row < numRows; ++row) {
      selected_[static_cast<size_t>(count)] = row;
      count += passed[row] ? 1 : 0;
    }
  } else {
    for (vector_size_t row = 0; row < numRows; ++row) {
      if (!decoded.isNullAt(row) && decoded.valueAt<bool>(row)) {
        selected_[static_cast<size_t>(count++)] = row;
      }
    }
  }
  selected_.resize(static_cast<size_t>(count));
  return count;
}

PagePtr FilterProjectOperator::getOutput() {
  if (input_ == nullptr) {
    return nullptr;
  }
  PagePtr input = std::move(input_);
  vector_size_t numRows = input->numRows();
  SelectivityVector rows(numRows);
  bool allPass = true;
  if (filter_ != nullptr) {
    numRows = filterRows(*input);
    if (numRows == 0) {
      return nullptr;
    }
    allPass = numRows == input->numRows();
    if (!allPass) {
      rows.clearAll();
      for (auto row : selected_) {
        rows.setValid(row, true);
      }
      rows.updateBounds();
    }
  }
  std::vector<VectorPtr> results;
  projections_->eval(rows, input->columns(), results);
  if (allPass) {
    return std::make_shared<Page>(numRows, std::move(results));
  }
  auto indices = allocateIndices(numRows);
  std::copy(selected_.begin(), selected_.end(), indices->asMutable<vector_size_t>());
  for (auto& result : results) {
    result = wrapInDictionary(nullptr, indices, numRows, result);
  }
  return std::make_shared<Page>(numRows, std::move(results));
}

} // namespace presto::exec
