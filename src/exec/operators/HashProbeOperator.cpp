#include "exec/operators/HashProbeOperator.h"

#include "common/Check.h"
#include "exec/Task.h"
#include "exec/RowHash.h"
#include "exec/VectorGather.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/VectorValues.h"

namespace presto::exec {
namespace {

bool needsBuildMatches(JoinType type) {
  return type == JoinType::kRight || type == JoinType::kFull || type == JoinType::kRightSemiProject;
}

bool emitsPairs(JoinType type) {
  return !isLeftOnlyOutput(type) && type != JoinType::kRightSemiProject;
}

VectorPtr wrap(const BufferPtr& indices, vector_size_t size, const VectorPtr& base) {
  return wrapInDictionary(nullptr, indices, size, base);
}

BufferPtr toIndices(const std::vector<vector_size_t>& rows) {
  auto indices = allocateIndices(static_cast<vector_size_t>(rows.size()));
  std::copy(rows.begin(), rows.end(), indices->asMutable<vector_size_t>());
  return indices;
}

} // namespace

HashProbeOperator::HashProbeOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> outputTypes, Spec spec, std::shared_ptr<HashJoinBridge> bridge)
    : Operator(driverContext, std::move(outputTypes), operatorId, planNodeId,
          spec.probeKeys.empty() ? "NestedLoopJoinProbe" : "HashProbe"),
      spec_(std::move(spec)), bridge_(std::move(bridge)) {
  if (spec_.filter != nullptr) {
    PRESTO_USER_CHECK(!spec_.nullAware, errors::NOT_SUPPORTED, "NOT IN / IN with a residual join filter");
    const auto& functions = driverContext->task->services().functions;
    PRESTO_CHECK(functions != nullptr, "the task has no function registry");
    filter_ = std::make_unique<ExprSet>(std::vector<RowExpressionPtr>{spec_.filter}, *functions,
        static_cast<int32_t>(spec_.probeTypes.size() + spec_.buildTypes.size()));
  }
}

BlockingReason HashProbeOperator::isBlocked(ContinueFuture* future) {
  if (build_ != nullptr || finished_) {
    return BlockingReason::kNotBlocked;
  }
  build_ = bridge_->buildResult(future);
  if (build_ == nullptr) {
    return BlockingReason::kWaitForJoinBuild;
  }
  if (build_->isHashJoin()) {
    rowNumberOffset_ = build_->tables[0]->callerExtraOffset() + JoinBuildResult::kRowNumberOffset;
    nextOffset_ = build_->tables[0]->callerExtraOffset() + JoinBuildResult::kNextOffset;
  }
  if (needsBuildMatches(spec_.joinType)) {
    buildMatched_.assign(static_cast<size_t>(build_->buildPage->numRows()), false);
  }
  bool emptyBuild = build_->buildPage->numRows() == 0;
  if (emptyBuild && (spec_.joinType == JoinType::kInner || spec_.joinType == JoinType::kLeftSemiFilter ||
                        spec_.joinType == JoinType::kRightSemiProject)) {
    // Nothing can match: stop the probe side's work.
    finished_ = true;
  }
  return BlockingReason::kNotBlocked;
}

int32_t HashProbeOperator::buildRowNumber(const char* row) const {
  return *reinterpret_cast<const int32_t*>(row + rowNumberOffset_);
}

const char* HashProbeOperator::nextInChain(const char* row) const {
  return *reinterpret_cast<char* const*>(row + nextOffset_);
}

void HashProbeOperator::addInput(PagePtr input) {
  input_ = std::move(input);
  auto numRows = input_->numRows();
  probeMatched_.assign(static_cast<size_t>(numRows), false);
  probeRow_ = 0;
  chain_ = nullptr;
  buildCursor_ = 0;
  pairsDone_ = false;
  probeKeys_.clear();
  for (auto channel : spec_.probeKeys) {
    probeKeys_.push_back(std::make_unique<DecodedVector>(*input_->column(static_cast<size_t>(channel))));
  }
  if (build_->isHashJoin()) {
    probeTables();
  }
}

void HashProbeOperator::probeTables() {
  const auto numRows = input_->numRows();
  std::vector<VectorPtr> keys;
  for (auto channel : spec_.probeKeys) {
    keys.push_back(input_->column(static_cast<size_t>(channel)));
  }
  const auto numPartitions = static_cast<int32_t>(build_->tables.size());
  if (numPartitions == 1) {
    build_->tables[0]->joinProbe(keys, numRows, hits_, scratch_);
    return;
  }
  // Each row looks in its key's partition: probe each partition's rows as one batch.
  hashRows(*input_, spec_.probeKeys, partitionHashes_);
  partitionRows_.resize(static_cast<size_t>(numPartitions));
  for (auto& rows : partitionRows_) {
    rows.clear();
  }
  for (vector_size_t row = 0; row < numRows; ++row) {
    partitionRows_[static_cast<size_t>(joinPartition(partitionHashes_[static_cast<size_t>(row)], numPartitions))]
        .push_back(row);
  }
  hits_.assign(static_cast<size_t>(numRows), nullptr);
  for (int32_t partition = 0; partition < numPartitions; ++partition) {
    const auto& rows = partitionRows_[static_cast<size_t>(partition)];
    if (rows.empty()) {
      continue;
    }
    auto numSelected = static_cast<vector_size_t>(rows.size());
    auto indices = toIndices(rows);
    std::vector<VectorPtr> selected;
    for (const auto& key : keys) {
      selected.push_back(wrap(indices, numSelected, key));
    }
    build_->tables[static_cast<size_t>(partition)]->joinProbe(selected, numSelected, partitionHits_, scratch_);
    for (size_t i = 0; i < rows.size(); ++i) {
      hits_[static_cast<size_t>(rows[i])] = partitionHits_[i];
    }
  }
}

bool HashProbeOperator::isProbeKeyNull(vector_size_t row) const {
  for (const auto& key : probeKeys_) {
    if (key->isNullAt(row)) {
      return true;
    }
  }
  return false;
}

bool HashProbeOperator::nextPairs() {
  pairProbe_.clear();
  pairBuild_.clear();
  const auto limit = static_cast<size_t>(task().config().preferredPageRows);
  const auto numRows = input_->numRows();
  // Semi joins on the probe side need one match per probe row; kRightSemiProject marks them all.
  const bool firstMatchOnly = isLeftOnlyOutput(spec_.joinType) && filter_ == nullptr;
  if (build_->isHashJoin()) {
    for (; probeRow_ < numRows; ++probeRow_) {
      const char* row = chain_ != nullptr ? chain_ : hits_[static_cast<size_t>(probeRow_)];
      chain_ = nullptr;
      if (firstMatchOnly) {
        probeMatched_[static_cast<size_t>(probeRow_)] = row != nullptr;
        continue;
      }
      for (; row != nullptr; row = nextInChain(row)) {
        if (pairProbe_.size() == limit) {
          chain_ = row;
          return true;
        }
        pairProbe_.push_back(probeRow_);
        pairBuild_.push_back(buildRowNumber(row));
      }
    }
    return !pairProbe_.empty();
  }
  const auto numBuild = build_->buildPage->numRows();
  for (; probeRow_ < numRows; ++probeRow_, buildCursor_ = 0) {
    for (; buildCursor_ < numBuild; ++buildCursor_) {
      if (pairProbe_.size() == limit) {
        return true;
      }
      pairProbe_.push_back(probeRow_);
      pairBuild_.push_back(buildCursor_);
    }
  }
  return !pairProbe_.empty();
}

void HashProbeOperator::applyFilter() {
  auto size = static_cast<vector_size_t>(pairProbe_.size());
  auto probeIndices = toIndices(pairProbe_);
  auto buildIndices = toIndices(pairBuild_);
  std::vector<VectorPtr> columns;
  for (const auto& column : input_->columns()) {
    columns.push_back(wrap(probeIndices, size, column));
  }
  for (const auto& column : build_->buildPage->columns()) {
    columns.push_back(wrap(buildIndices, size, column));
  }
  std::vector<VectorPtr> results;
  filter_->eval(SelectivityVector(size), columns, results);
  DecodedVector passed(*results[0]);
  size_t kept = 0;
  for (vector_size_t i = 0; i < size; ++i) {
    if (!passed.isNullAt(i) && passed.valueAt<bool>(i)) {
      pairProbe_[kept] = pairProbe_[static_cast<size_t>(i)];
      pairBuild_[kept] = pairBuild_[static_cast<size_t>(i)];
      ++kept;
    }
  }
  pairProbe_.resize(kept);
  pairBuild_.resize(kept);
}

PagePtr HashProbeOperator::makePairPage() {
  auto size = static_cast<vector_size_t>(pairProbe_.size());
  auto probeIndices = toIndices(pairProbe_);
  auto buildIndices = toIndices(pairBuild_);
  std::vector<VectorPtr> columns;
  for (const auto& column : input_->columns()) {
    columns.push_back(wrap(probeIndices, size, column));
  }
  for (const auto& column : build_->buildPage->columns()) {
    columns.push_back(wrap(buildIndices, size, column));
  }
  return std::make_shared<Page>(size, std::move(columns));
}

PagePtr HashProbeOperator::finishInput() {
  PagePtr input = std::move(input_);
  const auto numRows = input->numRows();
  const bool emptyBuild = build_->buildPage->numRows() == 0;
  std::vector<vector_size_t> rows;
  switch (spec_.joinType) {
    case JoinType::kLeft:
    case JoinType::kFull: {
      for (vector_size_t row = 0; row < numRows; ++row) {
        if (!probeMatched_[static_cast<size_t>(row)]) {
          rows.push_back(row);
        }
      }
      if (rows.empty()) {
        return nullptr;
      }
      auto size = static_cast<vector_size_t>(rows.size());
      auto indices = toIndices(rows);
      std::vector<VectorPtr> columns;
      for (const auto& column : input->columns()) {
        columns.push_back(wrap(indices, size, column));
      }
      for (const auto& type : spec_.buildTypes) {
        columns.push_back(makeNullVector(type, size));
      }
      return std::make_shared<Page>(size, std::move(columns));
    }
    case JoinType::kLeftSemiFilter:
    case JoinType::kAnti: {
      bool anti = spec_.joinType == JoinType::kAnti;
      for (vector_size_t row = 0; row < numRows; ++row) {
        bool matched = probeMatched_[static_cast<size_t>(row)];
        bool keep = anti ? !matched : matched;
        if (anti && spec_.nullAware && !emptyBuild && (isProbeKeyNull(row) || build_->numNullKeyRows > 0)) {
          // NOT IN: a NULL on either side makes "not in" unknown.
          keep = false;
        }
        if (keep) {
          rows.push_back(row);
        }
      }
      if (rows.empty()) {
        return nullptr;
      }
      if (static_cast<vector_size_t>(rows.size()) == numRows) {
        return input;
      }
      return wrapPage(*input, toIndices(rows), static_cast<vector_size_t>(rows.size()));
    }
    case JoinType::kLeftSemiProject: {
      auto match = FlatVector<bool>::create(BOOLEAN(), numRows);
      for (vector_size_t row = 0; row < numRows; ++row) {
        if (probeMatched_[static_cast<size_t>(row)]) {
          match->set(row, true);
        } else if (spec_.nullAware && !emptyBuild && (isProbeKeyNull(row) || build_->numNullKeyRows > 0)) {
          match->setNull(row, true);
        }
      }
      auto columns = input->columns();
      columns.push_back(std::move(match));
      return std::make_shared<Page>(numRows, std::move(columns));
    }
    default:
      return nullptr;
  }
}

PagePtr HashProbeOperator::getOutput() {
  if (finished_ || build_ == nullptr) {
    return nullptr;
  }
  if (input_ != nullptr) {
    while (!pairsDone_) {
      if (!nextPairs()) {
        pairsDone_ = true;
        break;
      }
      if (filter_ != nullptr) {
        applyFilter();
      }
      for (size_t i = 0; i < pairProbe_.size(); ++i) {
        probeMatched_[static_cast<size_t>(pairProbe_[i])] = true;
        if (!buildMatched_.empty()) {
          buildMatched_[static_cast<size_t>(pairBuild_[i])] = true;
        }
      }
      if (emitsPairs(spec_.joinType) && !pairProbe_.empty()) {
        return makePairPage();
      }
    }
    return finishInput();
  }
  if (!noMoreInput_) {
    return nullptr;
  }
  if (!reportedFinish_) {
    reportedFinish_ = true;
    buildMatchedByAll_ = bridge_->probeFinished(buildMatched_);
    if (!needsBuildMatches(spec_.joinType)) {
      buildMatchedByAll_.reset();
    }
  }
  if (buildMatchedByAll_ != nullptr) {
    auto page = spec_.joinType == JoinType::kRightSemiProject ? markedBuildRows() : unmatchedBuildRows();
    if (page != nullptr) {
      return page;
    }
  }
  finished_ = true;
  return nullptr;
}

PagePtr HashProbeOperator::unmatchedBuildRows() {
  const auto numBuild = build_->buildPage->numRows();
  const auto limit = static_cast<size_t>(task().config().preferredPageRows);
  std::vector<vector_size_t> rows;
  for (; buildOutputCursor_ < numBuild && rows.size() < limit; ++buildOutputCursor_) {
    auto index = static_cast<size_t>(buildOutputCursor_);
    if (index >= buildMatchedByAll_->size() || !(*buildMatchedByAll_)[index]) {
      rows.push_back(buildOutputCursor_);
    }
  }
  if (rows.empty()) {
    return nullptr;
  }
  auto size = static_cast<vector_size_t>(rows.size());
  auto indices = toIndices(rows);
  std::vector<VectorPtr> columns;
  for (const auto& type : spec_.probeTypes) {
    columns.push_back(makeNullVector(type, size));
  }
  for (const auto& column : build_->buildPage->columns()) {
    columns.push_back(wrap(indices, size, column));
  }
  return std::make_shared<Page>(size, std::move(columns));
}

PagePtr HashProbeOperator::markedBuildRows() {
  const auto numBuild = build_->buildPage->numRows();
  if (buildOutputCursor_ >= numBuild) {
    return nullptr;
  }
  const auto limit = static_cast<vector_size_t>(task().config().preferredPageRows);
  const auto size = std::min(limit, numBuild - buildOutputCursor_);
  auto indices = allocateIndices(size);
  auto match = FlatVector<bool>::create(BOOLEAN(), size);
  for (vector_size_t i = 0; i < size; ++i, ++buildOutputCursor_) {
    indices->asMutable<vector_size_t>()[i] = buildOutputCursor_;
    auto index = static_cast<size_t>(buildOutputCursor_);
    match->set(i, index < buildMatchedByAll_->size() && (*buildMatchedByAll_)[index]);
  }
  std::vector<VectorPtr> columns;
  for (const auto& column : build_->buildPage->columns()) {
    columns.push_back(wrap(indices, size, column));
  }
  columns.push_back(std::move(match));
  return std::make_shared<Page>(size, std::move(columns));
}

void HashProbeOperator::close() {
  if (closed_) {
    return;
  }
  closed_ = true;
  input_.reset();
  build_.reset();
  bridge_->probeClosed();
}

} // namespace presto::exec
