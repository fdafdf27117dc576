#include "exec/operators/OrderByOperator.h"

#include <algorithm>
#include <functional>

#include "exec/Task.h"

namespace presto::exec {
namespace {

/// Gathers `rows` (references into `pages`) into a page of `types`.
PagePtr gatherRows(const std::vector<TypePtr>& types, const std::vector<PagePtr>& pages, const RowReference* rows,
    vector_size_t numRows) {
  std::vector<VectorPtr> columns;
  for (size_t column = 0; column < types.size(); ++column) {
    std::vector<const BaseVector*> sources;
    for (const auto& page : pages) {
      sources.push_back(page->column(column).get());
    }
    VectorGather gather(types[column], std::move(sources));
    columns.push_back(gather.gather(rows, numRows));
  }
  return std::make_shared<Page>(numRows, std::move(columns));
}

} // namespace

OrderByOperator::OrderByOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> types, std::vector<SortKey> keys)
    : Operator(driverContext, types, operatorId, planNodeId, "OrderBy"), comparator_(types, std::move(keys)),
      reservation_(pool(), MemoryKind::kUser) {}

void OrderByOperator::addInput(PagePtr input) {
  retained_.add(*input);
  reservation_.resize(static_cast<int64_t>(retained_.bytes() + (rows_.size() + static_cast<size_t>(input->numRows())) *
      sizeof(RowReference)));
  auto source = static_cast<int32_t>(pages_.size());
  comparator_.addPage(*input);
  for (vector_size_t row = 0; row < input->numRows(); ++row) {
    rows_.push_back(RowReference{source, row});
  }
  pages_.push_back(std::move(input));
}

void OrderByOperator::noMoreInput() {
  Operator::noMoreInput();
  std::stable_sort(rows_.begin(), rows_.end(), std::cref(comparator_));
}

PagePtr OrderByOperator::getOutput() {
  if (!noMoreInput_ || nextRow_ >= rows_.size()) {
    return nullptr;
  }
  auto numRows = static_cast<vector_size_t>(
      std::min(rows_.size() - nextRow_, static_cast<size_t>(task().config().preferredPageRows)));
  auto page = gatherRows(outputTypes_, pages_, rows_.data() + nextRow_, numRows);
  nextRow_ += static_cast<size_t>(numRows);
  if (nextRow_ == rows_.size()) {
    close();
  }
  return page;
}

void OrderByOperator::close() {
  pages_.clear();
  comparator_.clear();
  rows_.clear();
  rows_.shrink_to_fit();
  nextRow_ = 0;
  retained_.clear();
  reservation_.resize(0);
}

TopNOperator::TopNOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> types, std::vector<SortKey> keys, int64_t count)
    : Operator(driverContext, types, operatorId, planNodeId, "TopN"), keys_(std::move(keys)),
      count_(static_cast<size_t>(std::max<int64_t>(count, 0))),
      comparator_(std::make_unique<RowComparator>(types, keys_)), reservation_(pool(), MemoryKind::kUser) {}

void TopNOperator::addInput(PagePtr input) {
  auto source = static_cast<int32_t>(pages_.size());
  comparator_->addPage(*input);
  pages_.push_back(input);
  const auto& comparator = *comparator_;
  bool used = false;
  for (vector_size_t row = 0; row < input->numRows(); ++row) {
    RowReference candidate{source, row};
    if (heap_.size() < count_) {
      heap_.push_back(candidate);
      std::push_heap(heap_.begin(), heap_.end(), std::cref(comparator));
      used = true;
    } else if (comparator.compare(candidate, heap_.front()) < 0) {
      std::pop_heap(heap_.begin(), heap_.end(), std::cref(comparator));
      heap_.back() = candidate;
      std::push_heap(heap_.begin(), heap_.end(), std::cref(comparator));
      used = true;
    }
  }
  if (!used) {
    // Keep the slot (sources are indices) but drop the page's data.
    pages_.back() = std::make_shared<Page>(0, std::vector<VectorPtr>{});
  }
  retained_.clear();
  for (const auto& page : pages_) {
    retained_.add(*page);
  }
  reservation_.resize(static_cast<int64_t>(retained_.bytes()));
  if (pages_.size() > 64) {
    compact();
  }
}

void TopNOperator::compact() {
  std::vector<RowReference> rows = heap_;
  std::sort(rows.begin(), rows.end(), std::cref(*comparator_));
  std::vector<PagePtr> pages = pages_;
  std::vector<VectorPtr> columns;
  auto numRows = static_cast<vector_size_t>(rows.size());
  for (size_t column = 0; column < outputTypes_.size(); ++column) {
    std::vector<const BaseVector*> sources;
    for (const auto& page : pages) {
      sources.push_back(page->numColumns() > column ? page->column(column).get() : nullptr);
    }
    VectorGather gather(outputTypes_[column], std::move(sources));
    columns.push_back(gather.gather(rows.data(), numRows));
  }
  auto page = std::make_shared<Page>(numRows, std::move(columns));
  pages_ = {page};
  comparator_ = std::make_unique<RowComparator>(outputTypes_, keys_);
  comparator_->addPage(*page);
  heap_.clear();
  for (vector_size_t row = 0; row < numRows; ++row) {
    heap_.push_back(RowReference{0, row});
  }
  std::make_heap(heap_.begin(), heap_.end(), std::cref(*comparator_));
  retained_.clear();
  reservation_.resize(static_cast<int64_t>(retained_.add(*page)));
}

void TopNOperator::noMoreInput() {
  Operator::noMoreInput();
  output_ = heap_;
  std::sort(output_.begin(), output_.end(), std::cref(*comparator_));
}

PagePtr TopNOperator::getOutput() {
  if (!noMoreInput_ || nextRow_ >= output_.size()) {
    return nullptr;
  }
  auto numRows = static_cast<vector_size_t>(
      std::min(output_.size() - nextRow_, static_cast<size_t>(task().config().preferredPageRows)));
  std::vector<VectorPtr> columns;
  for (size_t column = 0; column < outputTypes_.size(); ++column) {
    std::vector<const BaseVector*> sources;
    for (const auto& page : pages_) {
      sources.push_back(page->numColumns() > column ? page->column(column).get() : nullptr);
    }
    VectorGather gather(outputTypes_[column], std::move(sources));
    columns.push_back(gather.gather(output_.data() + nextRow_, numRows));
  }
  nextRow_ += static_cast<size_t>(numRows);
  if (nextRow_ == output_.size()) {
    pages_.clear();
    retained_.clear();
  reservation_.resize(0);
  }
  return std::make_shared<Page>(numRows, std::move(columns));
}

void TopNOperator::close() {
  pages_.clear();
  heap_.clear();
  output_.clear();
  nextRow_ = 0;
  retained_.clear();
  reservation_.resize(0);
}

} // namespace presto::exec
