#include "exec/operators/RowNumberOperator.h"

#include <algorithm>
#include <functional>

#include "exec/Task.h"
#include "exec/VectorGather.h"
#include "vector/FlatVector.h"

namespace presto::exec {

RowNumberOperator::RowNumberOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> outputTypes, std::vector<int32_t> partitionKeys, std::vector<TypePtr> keyTypes,
    std::optional<int64_t> maxRows)
    : Operator(driverContext, std::move(outputTypes), operatorId, planNodeId, "RowNumber"),
      partitionKeys_(std::move(partitionKeys)), maxRows_(maxRows) {
  table_ = std::make_unique<HashTable>(std::move(keyTypes), std::vector<std::pair<int32_t, int32_t>>{{8, 8}}, 0, pool());
}

void RowNumberOperator::addInput(PagePtr input) {
  const auto numRows = input->numRows();
  auto numbers = FlatVector<int64_t>::create(BIGINT(), numRows);
  auto* raw = numbers->mutableRawValues();
  if (partitionKeys_.empty()) {
    for (vector_size_t row = 0; row < numRows; ++row) {
      raw[row] = ++globalCount_;
    }
  } else {
    std::vector<VectorPtr> keys;
    for (auto channel : partitionKeys_) {
      keys.push_back(input->column(static_cast<size_t>(channel)));
    }
    std::vector<char*> groups;
    std::vector<vector_size_t> newGroups;
    table_->groupProbe(keys, numRows, groups, newGroups);
    const int32_t offset = table_->rows().accumulatorOffset(0);
    for (vector_size_t row = 0; row < numRows; ++row) {
      raw[row] = ++*reinterpret_cast<int64_t*>(groups[static_cast<size_t>(row)] + offset);
    }
  }
  std::vector<vector_size_t> kept;
  if (maxRows_.has_value()) {
    for (vector_size_t row = 0; row < numRows; ++row) {
      if (raw[row] <= *maxRows_) {
        kept.push_back(row);
      }
    }
    if (kept.empty()) {
      return;
    }
  }
  auto columns = input->columns();
  columns.push_back(std::move(numbers));
  auto page = std::make_shared<Page>(numRows, std::move(columns));
  if (maxRows_.has_value() && static_cast<vector_size_t>(kept.size()) < numRows) {
    auto indices = allocateIndices(static_cast<vector_size_t>(kept.size()));
    std::copy(kept.begin(), kept.end(), indices->asMutable<vector_size_t>());
    page = wrapPage(*page, indices, static_cast<vector_size_t>(kept.size()));
  }
  output_ = std::move(page);
}

namespace {

std::vector<SortKey> partitionThenSort(const std::vector<int32_t>& partitionKeys, const std::vector<SortKey>& sortKeys) {
  std::vector<SortKey> keys;
  for (auto channel : partitionKeys) {
    keys.push_back(SortKey{channel, SortOrder{true, true}});
  }
  keys.insert(keys.end(), sortKeys.begin(), sortKeys.end());
  return keys;
}

} // namespace

TopNRowNumberOperator::TopNRowNumberOperator(DriverContext* driverContext, int32_t operatorId,
    const std::string& planNodeId, std::vector<TypePtr> outputTypes, std::vector<TypePtr> inputTypes,
    std::vector<int32_t> partitionKeys, std::vector<SortKey> sortKeys, int64_t limit, bool generateRowNumber)
    : Operator(driverContext, std::move(outputTypes), operatorId, planNodeId, "TopNRowNumber"),
      inputTypes_(inputTypes), numPartitionKeys_(partitionKeys.size()), limit_(limit),
      generateRowNumber_(generateRowNumber), comparator_(inputTypes, partitionThenSort(partitionKeys, sortKeys)),
      reservation_(pool(), MemoryKind::kUser) {}

void TopNRowNumberOperator::addInput(PagePtr input) {
  reservation_.resize(static_cast<int64_t>(retained_.add(*input)));
  auto source = static_cast<int32_t>(pages_.size());
  comparator_.addPage(*input);
  for (vector_size_t row = 0; row < input->numRows(); ++row) {
    rows_.push_back(RowReference{source, row});
  }
  pages_.push_back(std::move(input));
}

void TopNRowNumberOperator::noMoreInput() {
  Operator::noMoreInput();
  std::stable_sort(rows_.begin(), rows_.end(), std::cref(comparator_));
  int64_t number = 0;
  for (size_t i = 0; i < rows_.size(); ++i) {
    bool newPartition = i == 0 || comparator_.compare(rows_[i - 1], rows_[i], numPartitionKeys_) != 0;
    number = newPartition ? 1 : number + 1;
    if (number <= limit_) {
      selected_.push_back(rows_[i]);
      rowNumbers_.push_back(number);
    }
  }
  rows_.clear();
}

PagePtr TopNRowNumberOperator::getOutput() {
  if (!noMoreInput_ || nextRow_ >= selected_.size()) {
    return nullptr;
  }
  auto numRows = static_cast<vector_size_t>(
      std::min(selected_.size() - nextRow_, static_cast<size_t>(task().config().preferredPageRows)));
  std::vector<VectorPtr> columns;
  for (size_t column = 0; column < inputTypes_.size(); ++column) {
    std::vector<const BaseVector*> sources;
    for (const auto& page : pages_) {
      sources.push_back(page->column(column).get());
    }
    VectorGather gather(inputTypes_[column], std::move(sources));
    columns.push_back(gather.gather(selected_.data() + nextRow_, numRows));
  }
  if (generateRowNumber_) {
    auto numbers = FlatVector<int64_t>::create(BIGINT(), numRows);
    std::copy(rowNumbers_.begin() + static_cast<ptrdiff_t>(nextRow_),
        rowNumbers_.begin() + static_cast<ptrdiff_t>(nextRow_) + numRows, numbers->mutableRawValues());
    columns.push_back(std::move(numbers));
  }
  nextRow_ += static_cast<size_t>(numRows);
  return std::make_shared<Page>(numRows, std::move(columns));
}

void TopNRowNumberOperator::close() {
  pages_.clear();
  rows_.clear();
  comparator_.clear();
  retained_.clear();
  reservation_.resize(0);
}

} // namespace presto::exec
