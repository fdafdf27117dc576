#include "exec/operators/WindowOperator.h"

#include <algorithm>
#include <functional>

#include "exec/Task.h"
#include "exec/operators/WindowFunctions.h"
#include "vector/VectorValues.h"

namespace presto::exec {
namespace {

std::vector<SortKey> windowSortKeys(const WindowNode& node) {
  std::vector<SortKey> keys;
  for (auto channel : node.partitionKeys()) {
    keys.push_back(SortKey{channel, SortOrder{true, true}});
  }
  keys.insert(keys.end(), node.sortKeys().begin(), node.sortKeys().end());
  return keys;
}

} // namespace

WindowOperator::WindowOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const WindowNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "Window"), node_(std::move(node)),
      inputTypes_(node_->source()->outputTypes()), comparator_(inputTypes_, windowSortKeys(*node_)),
      results_(node_->functions().size()), reservation_(pool(), MemoryKind::kUser) {}

void WindowOperator::addInput(PagePtr input) {
  reservation_.resize(static_cast<int64_t>(retained_.add(*input)));
  auto source = static_cast<int32_t>(pages_.size());
  comparator_.addPage(*input);
  for (vector_size_t row = 0; row < input->numRows(); ++row) {
    rows_.push_back(RowReference{source, row});
  }
  pages_.push_back(std::move(input));
}

void WindowOperator::noMoreInput() {
  Operator::noMoreInput();
  std::stable_sort(rows_.begin(), rows_.end(), std::cref(comparator_));
  const size_t numPartitionKeys = node_->partitionKeys().size();
  size_t begin = 0;
  for (size_t i = 1; i <= rows_.size(); ++i) {
    if (i == rows_.size() || comparator_.compare(rows_[i - 1], rows_[i], numPartitionKeys) != 0) {
      computePartition(begin, i);
      begin = i;
    }
  }
}

void WindowOperator::computePartition(size_t begin, size_t end) {
  const size_t numKeys = node_->partitionKeys().size() + node_->sortKeys().size();
  WindowPartition partition;
  for (size_t i = begin; i < end; ++i) {
    if (i == begin || comparator_.compare(rows_[i - 1], rows_[i], numKeys) != 0) {
      if (i != begin) {
        partition.groupEnd.push_back(static_cast<int64_t>(i - begin));
      }
      partition.groupStart.push_back(static_cast<int64_t>(i - begin));
    }
    partition.peerGroup.push_back(static_cast<int64_t>(partition.groupStart.size()) - 1);
  }
  partition.groupEnd.push_back(static_cast<int64_t>(end - begin));
  if (node_->sortKeys().size() == 1) {
    const auto& key = node_->sortKeys()[0];
    partition.orderAscending = key.order.ascending;
    for (size_t i = begin; i < end; ++i) {
      partition.orderValues.push_back(
          valueAt(*pages_[static_cast<size_t>(rows_[i].source)]->column(static_cast<size_t>(key.channel)), rows_[i].row));
    }
  }
  for (size_t f = 0; f < node_->functions().size(); ++f) {
    const auto& function = node_->functions()[f];
    partition.arguments.assign(1, {});
    TypePtr argumentType;
    if (!function.inputs.empty()) {
      auto channel = static_cast<size_t>(function.inputs[0]);
      argumentType = inputTypes_[channel];
      for (size_t i = begin; i < end; ++i) {
        partition.arguments[0].push_back(valueAt(*pages_[static_cast<size_t>(rows_[i].source)]->column(channel), rows_[i].row));
      }
    }
    computeWindowFunction(function, argumentType, partition, 0, results_[f]);
  }
}

PagePtr WindowOperator::getOutput() {
  if (!noMoreInput_ || nextRow_ >= rows_.size()) {
    return nullptr;
  }
  auto numRows = static_cast<vector_size_t>(
      std::min(rows_.size() - nextRow_, static_cast<size_t>(task().config().preferredPageRows)));
  std::vector<VectorPtr> columns;
  for (size_t column = 0; column < inputTypes_.size(); ++column) {
    std::vector<const BaseVector*> sources;
    for (const auto& page : pages_) {
      sources.push_back(page->column(column).get());
    }
    VectorGather gather(inputTypes_[column], std::move(sources));
    columns.push_back(gather.gather(rows_.data() + nextRow_, numRows));
  }
  for (size_t f = 0; f < results_.size(); ++f) {
    std::vector<Value> values(results_[f].begin() + static_cast<ptrdiff_t>(nextRow_),
        results_[f].begin() + static_cast<ptrdiff_t>(nextRow_) + numRows);
    columns.push_back(vectorFromValues(node_->functions()[f].resultType, values));
  }
  nextRow_ += static_cast<size_t>(numRows);
  return std::make_shared<Page>(numRows, std::move(columns));
}

void WindowOperator::close() {
  pages_.clear();
  comparator_.clear();
  results_.clear();
  retained_.clear();
  reservation_.resize(0);
}

} // namespace presto::exec
