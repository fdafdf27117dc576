#include "exec/operators/HashAggregationOperator.h"

#include "common/Check.h"
#include "exec/Task.h"
#include "exec/aggregation/AggregateInput.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"

namespace presto::exec {

HashAggregationOperator::HashAggregationOperator(
    DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const AggregationNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "HashAggregation"), node_(std::move(node)),
      rawInput_(node_->step() == AggregationStep::kPartial || node_->step() == AggregationStep::kSingle),
      finalOutput_(node_->step() == AggregationStep::kFinal || node_->step() == AggregationStep::kSingle),
      keyChannels_(node_->groupingKeys()) {
  const auto& resolver = driverContext->task->services().aggregates;
  PRESTO_CHECK(resolver != nullptr, "the task has no aggregate functions");
  auto inputTypes = node_->source()->outputTypes();
  for (auto channel : keyChannels_) {
    keyTypes_.push_back(inputTypes.at(static_cast<size_t>(channel)));
  }
  bool anyDistinct = false;
  for (const auto& call : node_->aggregates()) {
    AggregateInfo info;
    info.aggregate = resolver->create(call, node_->step());
    info.inputs = call.inputs;
    info.mask = call.mask;
    accumulatorLayout_.emplace_back(info.aggregate->accumulatorSize(), info.aggregate->accumulatorAlignment());
    anyDistinct |= call.distinct;
    if (call.distinct) {
      auto distinctTypes = keyTypes_;
      for (auto input : call.inputs) {
        distinctTypes.push_back(inputTypes.at(static_cast<size_t>(input)));
      }
      info.distinctTable = std::make_unique<HashTable>(distinctTypes, std::vector<std::pair<int32_t, int32_t>>{}, 0, pool());
    }
    aggregates_.push_back(std::move(info));
  }
  table_ = createTable();
  if (node_->step() == AggregationStep::kPartial && !anyDistinct && !keyChannels_.empty()) {
    maxGroups_ = driverContext->task->config().maxPartialAggregationGroups;
  }
  if (keyChannels_.empty()) {
    globalGroup_ = table_->rows().newRow();
    std::vector<vector_size_t> first{0};
    for (auto& info : aggregates_) {
      info.aggregate->initializeNewGroups(&globalGroup_, first);
    }
  }
}

std::unique_ptr<HashTable> HashAggregationOperator::createTable() {
  auto table = std::make_unique<HashTable>(keyTypes_, accumulatorLayout_, 0, pool());
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    placeAccumulator(*aggregates_[i].aggregate, table->rows(), static_cast<int32_t>(i));
  }
  return table;
}

void HashAggregationOperator::selectRows(AggregateInfo& info, const Page& input, SelectivityVector& rows) {
  if (info.mask >= 0) {
    selectMaskedRows(input, info.mask, rows);
  } else {
    rows.resize(input.numRows());
    rows.setAll();
  }
  if (info.distinctTable != nullptr) {
    // Only rows that pass the mask may register their (keys, arguments) combination.
    std::vector<vector_size_t> selected;
    rows.applyToSelected([&](vector_size_t row) { selected.push_back(row); });
    auto numSelected = static_cast<vector_size_t>(selected.size());
    auto indices = allocateIndices(numSelected);
    std::copy(selected.begin(), selected.end(), indices->asMutable<vector_size_t>());
    std::vector<VectorPtr> keys;
    for (auto channel : keyChannels_) {
      keys.push_back(wrapInDictionary(nullptr, indices, numSelected, input.column(static_cast<size_t>(channel))));
    }
    for (auto channel : info.inputs) {
      keys.push_back(wrapInDictionary(nullptr, indices, numSelected, input.column(static_cast<size_t>(channel))));
    }
    std::vector<char*> ignored;
    std::vector<vector_size_t> firstSeen;
    info.distinctTable->groupProbe(keys, numSelected, ignored, firstSeen);
    rows.clearAll();
    for (auto index : firstSeen) {
      rows.setValid(selected[static_cast<size_t>(index)], true);
    }
    rows.updateBounds();
  }
}

void HashAggregationOperator::addInput(PagePtr input) {
  const vector_size_t numRows = input->numRows();
  if (globalGroup_ != nullptr) {
    groups_.assign(static_cast<size_t>(numRows), globalGroup_);
  } else {
    std::vector<VectorPtr> keys;
    for (auto channel : keyChannels_) {
      keys.push_back(input->column(static_cast<size_t>(channel)));
    }
    newGroups_.clear();
    table_->groupProbe(keys, numRows, groups_, newGroups_);
    if (!newGroups_.empty()) {
      for (auto& info : aggregates_) {
        info.aggregate->initializeNewGroups(groups_.data(), newGroups_);
      }
    }
  }
  SelectivityVector rows(numRows);
  for (auto& info : aggregates_) {
    if (info.mask >= 0 || info.distinctTable != nullptr) {
      selectRows(info, *input, rows);
      if (!rows.hasSelections()) {
        continue;
      }
    } else if (!rows.isAllSelected()) {
      rows.setAll();
    }
    addAggregateInput(*info.aggregate, info.inputs, rawInput_, groups_.data(), rows, *input);
  }
  tableInputRows_ += numRows;
  const auto numGroups = static_cast<int64_t>(table_->rows().numRows());
  if (maxGroups_ > 0 && numGroups >= maxGroups_ && !reachedGroupLimit_) {
    // Judged once per table: input reduced well so far (clustered keys, few groups) is worth
    // flushing, while keys spread over the input recur and are better kept.
    reachedGroupLimit_ = true;
    flushing_ = tableInputRows_ >= 2 * numGroups;
  }
  if (maxGroups_ > 0 && numGroups >= kHardGroupLimitFactor * maxGroups_) {
    flushing_ = true;
  }
}

PagePtr HashAggregationOperator::getOutput() {
  if (finished_) {
    return nullptr;
  }
  if (flushing_) {
    if (auto page = nextGroups()) {
      return page;
    }
    // Every group is out: free them and start over with an empty table.
    auto& rows = table_->rows().rows();
    for (auto& info : aggregates_) {
      info.aggregate->destroy(const_cast<char**>(rows.data()), static_cast<vector_size_t>(rows.size()));
    }
    table_ = createTable();
    nextOutputGroup_ = 0;
    tableInputRows_ = 0;
    reachedGroupLimit_ = false;
    flushing_ = false;
    return nullptr;
  }
  if (!noMoreInput_) {
    return nullptr;
  }
  if (auto page = nextGroups()) {
    return page;
  }
  finished_ = true;
  destroyAccumulators();
  return nullptr;
}

PagePtr HashAggregationOperator::nextGroups() {
  const auto& allGroups = table_->rows().rows();
  if (nextOutputGroup_ >= allGroups.size()) {
    return nullptr;
  }
  auto numGroups = static_cast<vector_size_t>(
      std::min<size_t>(allGroups.size() - nextOutputGroup_, static_cast<size_t>(task().config().preferredPageRows)));
  char** groups = const_cast<char**>(allGroups.data()) + nextOutputGroup_;
  std::vector<VectorPtr> columns;
  for (int32_t key = 0; key < static_cast<int32_t>(keyChannels_.size()); ++key) {
    columns.push_back(table_->rows().extractKey(groups, numGroups, key));
  }
  for (auto& info : aggregates_) {
    columns.push_back(aggregateOutput(*info.aggregate, groups, numGroups, finalOutput_));
  }
  nextOutputGroup_ += static_cast<size_t>(numGroups);
  return std::make_shared<Page>(numGroups, std::move(columns));
}

void HashAggregationOperator::destroyAccumulators() {
  if (destroyed_) {
    return;
  }
  destroyed_ = true;
  auto& rows = table_->rows().rows();
  for (auto& info : aggregates_) {
    info.aggregate->destroy(const_cast<char**>(rows.data()), static_cast<vector_size_t>(rows.size()));
    if (info.distinctTable != nullptr) {
      info.distinctTable->clear();
    }
  }
  table_->clear();
}

void HashAggregationOperator::close() {
  destroyAccumulators();
}

} // namespace presto::exec
