#include "exec/operators/StreamingAggregationOperator.h"

#include <cstring>
#include <numeric>

#include "common/Check.h"
#include "exec/Task.h"
#include "exec/aggregation/AggregateInput.h"
#include "vector/DecodedVector.h"

namespace presto::exec {

StreamingAggregationOperator::StreamingAggregationOperator(
    DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const AggregationNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "StreamingAggregation"),
      node_(std::move(node)),
      rawInput_(node_->step() == AggregationStep::kPartial || node_->step() == AggregationStep::kSingle),
      finalOutput_(node_->step() == AggregationStep::kFinal || node_->step() == AggregationStep::kSingle),
      keyChannels_(node_->groupingKeys()) {
  PRESTO_CHECK(!keyChannels_.empty(), "a streaming aggregation needs grouping keys");
  const auto& resolver = driverContext->task->services().aggregates;
  PRESTO_CHECK(resolver != nullptr, "the task has no aggregate functions");
  auto inputTypes = node_->source()->outputTypes();
  std::vector<TypePtr> keyTypes;
  for (auto channel : keyChannels_) {
    keyTypes.push_back(inputTypes.at(static_cast<size_t>(channel)));
  }
  std::vector<std::pair<int32_t, int32_t>> accumulators;
  for (const auto& call : node_->aggregates()) {
    PRESTO_CHECK(!call.distinct, "a streaming aggregation does not compute DISTINCT aggregates");
    AggregateInfo info;
    info.aggregate = resolver->create(call, node_->step());
    info.inputs = call.inputs;
    info.mask = call.mask;
    accumulators.emplace_back(info.aggregate->accumulatorSize(), info.aggregate->accumulatorAlignment());
    aggregates_.push_back(std::move(info));
  }
  groups_ = std::make_unique<RowContainer>(keyTypes, accumulators, 0, pool());
  spare_ = std::make_unique<RowContainer>(keyTypes, accumulators, 0, pool());
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    placeAccumulator(*aggregates_[i].aggregate, *groups_, static_cast<int32_t>(i));
  }
}

bool StreamingAggregationOperator::sameGroup(
    const std::vector<DecodedVector>& keys, vector_size_t row, const char* group) const {
  for (size_t key = 0; key < keys.size(); ++key) {
    if (!groups_->keyEquals(keys[key], row, group, static_cast<int32_t>(key))) {
      return false;
    }
  }
  return true;
}

void StreamingAggregationOperator::addInput(PagePtr input) {
  const vector_size_t numRows = input->numRows();
  std::vector<DecodedVector> keys(keyChannels_.size());
  for (size_t key = 0; key < keyChannels_.size(); ++key) {
    keys[key].decode(*input->column(static_cast<size_t>(keyChannels_[key])));
  }
  // Assign each row to the current group, opening a new group wherever the key changes; only
  // the group left open by the previous page exists before this loop.
  std::vector<char*> newGroups;
  char* current = groups_->rows().empty() ? nullptr : groups_->rows().back();
  rowGroups_.resize(static_cast<size_t>(numRows));
  for (vector_size_t row = 0; row < numRows; ++row) {
    if (current == nullptr || !sameGroup(keys, row, current)) {
      current = groups_->newRow();
      for (size_t key = 0; key < keys.size(); ++key) {
        groups_->storeKey(keys[key], row, current, static_cast<int32_t>(key));
      }
      newGroups.push_back(current);
    }
    rowGroups_[static_cast<size_t>(row)] = current;
  }
  if (!newGroups.empty()) {
    std::vector<vector_size_t> indices(newGroups.size());
    std::iota(indices.begin(), indices.end(), 0);
    for (auto& info : aggregates_) {
      info.aggregate->initializeNewGroups(newGroups.data(), indices);
    }
  }
  SelectivityVector rows(numRows);
  for (auto& info : aggregates_) {
    if (info.mask >= 0) {
      selectMaskedRows(*input, info.mask, rows);
      if (!rows.hasSelections()) {
        continue;
      }
    } else if (!rows.isAllSelected()) {
      rows.setAll();
    }
    addAggregateInput(*info.aggregate, info.inputs, rawInput_, rowGroups_.data(), rows, *input);
  }
  // Every group but the last is complete: emit them and keep only the open one.
  auto numComplete = static_cast<vector_size_t>(groups_->numRows() - 1);
  if (numComplete > 0) {
    output_ = extractGroups(numComplete);
    carryOverOpenGroup();
  }
}

PagePtr StreamingAggregationOperator::extractGroups(vector_size_t numGroups) {
  char** groups = const_cast<char**>(groups_->rows().data());
  std::vector<VectorPtr> columns;
  for (int32_t key = 0; key < groups_->numKeys(); ++key) {
    columns.push_back(groups_->extractKey(groups, numGroups, key));
  }
  for (auto& info : aggregates_) {
    columns.push_back(aggregateOutput(*info.aggregate, groups, numGroups, finalOutput_));
  }
  for (auto& info : aggregates_) {
    info.aggregate->destroy(groups, numGroups);
  }
  return std::make_shared<Page>(numGroups, std::move(columns));
}

void StreamingAggregationOperator::carryOverOpenGroup() {
  const char* open = groups_->rows().back();
  char* moved = spare_->newRow();
  // Null flags and accumulators are plain bytes (heap state they point to changes owner with
  // them); keys are stored again so that string bytes live in the new container's arena.
  std::memcpy(moved + groups_->nullOffset(), open + groups_->nullOffset(),
      static_cast<size_t>(groups_->rowSize() - groups_->nullOffset()));
  for (int32_t key = 0; key < groups_->numKeys(); ++key) {
    auto value = groups_->extractKey(&open, 1, key);
    DecodedVector decoded(*value);
    spare_->storeKey(decoded, 0, moved, key);
  }
  groups_->clear();
  std::swap(groups_, spare_);
}

PagePtr StreamingAggregationOperator::getOutput() {
  if (output_ != nullptr) {
    return std::move(output_);
  }
  if (!noMoreInput_ || finished_) {
    return nullptr;
  }
  finished_ = true;
  if (groups_->numRows() == 0) {
    return nullptr;
  }
  auto last = extractGroups(static_cast<vector_size_t>(groups_->numRows()));
  groups_->clear();
  return last;
}

void StreamingAggregationOperator::close() {
  if (groups_ != nullptr && groups_->numRows() > 0) {
    for (auto& info : aggregates_) {
      info.aggregate->destroy(const_cast<char**>(groups_->rows().data()), static_cast<vector_size_t>(groups_->numRows()));
    }
    groups_->clear();
  }
  if (spare_ != nullptr) {
    spare_->clear();
  }
}

} // namespace presto::exec
