#include "exec/operators/MarkDistinctOperator.h"

#include "exec/VectorGather.h"
#include "vector/FlatVector.h"

namespace presto::exec {

MarkDistinctOperator::MarkDistinctOperator(DriverContext* driverContext, int32_t operatorId,
    const std::string& planNodeId, std::vector<TypePtr> outputTypes, std::vector<int32_t> keys,
    std::vector<TypePtr> keyTypes)
    : Operator(driverContext, std::move(outputTypes), operatorId, planNodeId, "MarkDistinct"), keys_(std::move(keys)) {
  table_ = std::make_unique<HashTable>(std::move(keyTypes), std::vector<std::pair<int32_t, int32_t>>{}, 0, pool());
}

void MarkDistinctOperator::addInput(PagePtr input) {
  std::vector<VectorPtr> keys;
  for (auto channel : keys_) {
    keys.push_back(input->column(static_cast<size_t>(channel)));
  }
  std::vector<char*> groups;
  std::vector<vector_size_t> firstSeen;
  table_->groupProbe(keys, input->numRows(), groups, firstSeen);
  auto marker = FlatVector<bool>::create(BOOLEAN(), input->numRows());
  for (auto row : firstSeen) {
    marker->set(row, true);
  }
  auto columns = input->columns();
  columns.push_back(std::move(marker));
  output_ = std::make_shared<Page>(input->numRows(), std::move(columns));
}

DistinctLimitOperator::DistinctLimitOperator(DriverContext* driverContext, int32_t operatorId,
    const std::string& planNodeId, std::vector<TypePtr> outputTypes, std::vector<int32_t> keys, int64_t limit)
    : Operator(driverContext, outputTypes, operatorId, planNodeId, "DistinctLimit"), keys_(std::move(keys)),
      remaining_(limit) {
  table_ = std::make_unique<HashTable>(outputTypes, std::vector<std::pair<int32_t, int32_t>>{}, 0, pool());
}

void DistinctLimitOperator::addInput(PagePtr input) {
  std::vector<VectorPtr> keys;
  for (auto channel : keys_) {
    keys.push_back(input->column(static_cast<size_t>(channel)));
  }
  std::vector<char*> groups;
  std::vector<vector_size_t> firstSeen;
  table_->groupProbe(keys, input->numRows(), groups, firstSeen);
  auto count = static_cast<vector_size_t>(std::min<int64_t>(static_cast<int64_t>(firstSeen.size()), remaining_));
  if (count == 0) {
    return;
  }
  remaining_ -= count;
  auto indices = allocateIndices(count);
  std::copy(firstSeen.begin(), firstSeen.begin() + count, indices->asMutable<vector_size_t>());
  std::vector<VectorPtr> columns;
  for (const auto& key : keys) {
    columns.push_back(wrapInDictionary(nullptr, indices, count, key));
  }
  output_ = std::make_shared<Page>(count, std::move(columns));
}

} // namespace presto::exec
