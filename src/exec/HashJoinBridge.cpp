#include "exec/HashJoinBridge.h"

#include "vector/UniqueRetainedBytes.h"

#include "common/Check.h"
#include "exec/VectorGather.h"
#include "vector/DictionaryVector.h"

namespace presto::exec {

HashJoinBridge::HashJoinBridge(std::vector<TypePtr> buildTypes, std::vector<int32_t> keyChannels,
    int32_t numBuildDrivers, int32_t numProbeDrivers, MemoryPoolPtr pool, int32_t numPartitions,
    int64_t minPartitionedRows)
    : buildTypes_(std::move(buildTypes)), keyChannels_(std::move(keyChannels)), numProbeDrivers_(numProbeDrivers),
      numPartitions_(numPartitions), minPartitionedRows_(minPartitionedRows), pool_(std::move(pool)),
      pendingBuilders_(numBuildDrivers) {
  PRESTO_CHECK(numPartitions_ == 1 || (!keyChannels_.empty() && numPartitions_ == numBuildDrivers),
      "a partitioned join build has one partition per build driver");
}

void HashJoinBridge::addBuildPages(std::vector<PagePtr> pages) {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    PRESTO_CHECK(pendingBuilders_ > 0, "too many join build drivers");
    for (auto& page : pages) {
      pages_.push_back(std::move(page));
    }
    if (--pendingBuilders_ > 0) {
      return;
    }
    int64_t numRows = 0;
    for (const auto& page : pages_) {
      numRows += page->numRows();
    }
    if (isPartitioned() && numRows >= minPartitionedRows_) {
      // The build drivers build the partitions; they wait on buildPagesReady() until then.
      preparePartitions();
      wake.swap(buildWaiters_);
    } else {
      // The last builder builds; probes wait on the futures until then. A small partitioned build
      // is built as one table too: every probe row would pay for finding its partition.
      build();
      builtAsOneTable_ = true;
      wake.swap(waiters_);
      wake.insert(wake.end(), std::make_move_iterator(buildWaiters_.begin()),
          std::make_move_iterator(buildWaiters_.end()));
      buildWaiters_.clear();
    }
  }
  notifyAll(wake);
}

void HashJoinBridge::concatenateBuildPages(JoinBuildResult& result) {
  result.buildPage = concatenatePages(buildTypes_, pages_);
  pages_.clear();
  pageReservation_ = std::make_unique<MemoryReservation>(pool_, MemoryKind::kUser);
  pageReservation_->resize(static_cast<int64_t>(UniqueRetainedBytes().add(*result.buildPage)));
}

std::unique_ptr<HashTable> HashJoinBridge::buildTable(
    const PagePtr& buildPage, const std::vector<vector_size_t>* rows) const {
  std::vector<TypePtr> keyTypes;
  std::vector<VectorPtr> keys;
  vector_size_t numRows = rows == nullptr ? buildPage->numRows() : static_cast<vector_size_t>(rows->size());
  BufferPtr indices;
  if (rows != nullptr) {
    indices = allocateIndices(numRows);
    std::copy(rows->begin(), rows->end(), indices->asMutable<vector_size_t>());
  }
  for (auto channel : keyChannels_) {
    keyTypes.push_back(buildTypes_[static_cast<size_t>(channel)]);
    const auto& column = buildPage->column(static_cast<size_t>(channel));
    keys.push_back(rows == nullptr ? column : wrapInDictionary(nullptr, indices, numRows, column));
  }
  auto table = std::make_unique<HashTable>(keyTypes, std::vector<std::pair<int32_t, int32_t>>{}, 16, pool_);
  const int32_t extra = table->callerExtraOffset();
  table->buildJoin(keys, numRows, JoinBuildResult::kNextOffset, [extra, rows](char* row, vector_size_t index) {
    // Rows carry their number in the build page, wherever their partition's table is.
    *reinterpret_cast<int32_t*>(row + extra + JoinBuildResult::kRowNumberOffset) =
        rows == nullptr ? index : (*rows)[static_cast<size_t>(index)];
  });
  return table;
}

void HashJoinBridge::build() {
  auto result = std::make_shared<JoinBuildResult>();
  concatenateBuildPages(*result);
  if (!keyChannels_.empty()) {
    result->tables.push_back(buildTable(result->buildPage, nullptr));
    result->numNullKeyRows = result->tables[0]->numNullKeyRows();
  }
  result_ = std::move(result);
}

void HashJoinBridge::preparePartitions() {
  partial_ = std::make_shared<JoinBuildResult>();
  concatenateBuildPages(*partial_);
  partial_->tables.resize(static_cast<size_t>(numPartitions_));
  std::vector<uint64_t> hashes;
  hashRows(*partial_->buildPage, keyChannels_, hashes);
  partitionRows_.assign(static_cast<size_t>(numPartitions_), {});
  for (vector_size_t row = 0; row < partial_->buildPage->numRows(); ++row) {
    partitionRows_[static_cast<size_t>(joinPartition(hashes[static_cast<size_t>(row)], numPartitions_))].push_back(row);
  }
}

bool HashJoinBridge::buildPagesReady(ContinueFuture* future) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (partial_ != nullptr || result_ != nullptr || builtAsOneTable_) {
    return true;
  }
  buildWaiters_.emplace_back();
  *future = buildWaiters_.back().future();
  return false;
}

void HashJoinBridge::buildPartition() {
  std::shared_ptr<JoinBuildResult> partial;
  size_t partition = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (builtAsOneTable_) {
      return;
    }
    PRESTO_CHECK(partial_ != nullptr && nextPartition_ < numPartitions_, "no join build partition left to build");
    partial = partial_;
    partition = static_cast<size_t>(nextPartition_++);
  }
  // The build page and the partition's rows are not modified any more: build without the lock.
  auto table = buildTable(partial->buildPage, &partitionRows_[partition]);
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    partial->numNullKeyRows += table->numNullKeyRows();
    partial->tables[partition] = std::move(table);
    if (++builtPartitions_ < numPartitions_) {
      return;
    }
    partitionRows_.clear();
    partial_.reset();
    result_ = std::move(partial);
    wake.swap(waiters_);
  }
  notifyAll(wake);
}

std::shared_ptr<const JoinBuildResult> HashJoinBridge::buildResult(ContinueFuture* future) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (result_ != nullptr) {
    return result_;
  }
  waiters_.emplace_back();
  *future = waiters_.back().future();
  return nullptr;
}

std::shared_ptr<std::vector<bool>> HashJoinBridge::probeFinished(const std::vector<bool>& matched) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!matched.empty()) {
    if (matched_ == nullptr) {
      matched_ = std::make_shared<std::vector<bool>>(matched);
    } else {
      for (size_t i = 0; i < matched.size(); ++i) {
        if (matched[i]) {
          (*matched_)[i] = true;
        }
      }
    }
  }
  if (++finishedProbes_ == numProbeDrivers_) {
    return matched_ != nullptr ? matched_ : std::make_shared<std::vector<bool>>();
  }
  return nullptr;
}

void HashJoinBridge::probeClosed() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (++closedProbes_ == numProbeDrivers_) {
    result_.reset();
    partial_.reset();
    pageReservation_.reset();
    pages_.clear();
  }
}

} // namespace presto::exec
