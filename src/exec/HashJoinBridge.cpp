#include "exec/HashJoinBridge.h"

#include "vector/UniqueRetainedBytes.h"

#include "common/Check.h"
#include "exec/VectorGather.h"

namespace presto::exec {

HashJoinBridge::HashJoinBridge(std::vector<TypePtr> buildTypes, std::vector<int32_t> keyChannels,
    int32_t numBuildDrivers, int32_t numProbeDrivers, MemoryPoolPtr pool)
    : buildTypes_(std::move(buildTypes)), keyChannels_(std::move(keyChannels)), numProbeDrivers_(numProbeDrivers),
      pool_(std::move(pool)), pendingBuilders_(numBuildDrivers) {}

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
    // The last builder builds; probes wait on the futures until then.
    build();
    wake.swap(waiters_);
  }
  notifyAll(wake);
}

void HashJoinBridge::build() {
  auto result = std::make_shared<JoinBuildResult>();
  result->buildPage = concatenatePages(buildTypes_, pages_);
  pages_.clear();
  pageReservation_ = std::make_unique<MemoryReservation>(pool_, MemoryKind::kUser);
  pageReservation_->resize(static_cast<int64_t>(UniqueRetainedBytes().add(*result->buildPage)));
  if (!keyChannels_.empty()) {
    std::vector<TypePtr> keyTypes;
    std::vector<VectorPtr> keys;
    for (auto channel : keyChannels_) {
      keyTypes.push_back(buildTypes_[static_cast<size_t>(channel)]);
      keys.push_back(result->buildPage->column(static_cast<size_t>(channel)));
    }
    result->table = std::make_unique<HashTable>(keyTypes, std::vector<std::pair<int32_t, int32_t>>{}, 16, pool_);
    const int32_t extra = result->table->callerExtraOffset();
    result->table->buildJoin(keys, result->buildPage->numRows(), JoinBuildResult::kNextOffset,
        [extra](char* row, vector_size_t rowNumber) {
          *reinterpret_cast<int32_t*>(row + extra + JoinBuildResult::kRowNumberOffset) = rowNumber;
        });
    result->numNullKeyRows = result->table->numNullKeyRows();
  }
  result_ = std::move(result);
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
    pageReservation_.reset();
    pages_.clear();
  }
}

} // namespace presto::exec
