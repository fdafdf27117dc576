#include "exec/LocalExchange.h"

#include "common/Check.h"
#include "exec/RowHash.h"
#include "exec/VectorGather.h"
#include "vector/DictionaryVector.h"

namespace presto::exec {

LocalExchange::LocalExchange(LocalExchangeKind kind, std::vector<int32_t> keys, int32_t numConsumers,
    int32_t numProducers, int64_t maxBytes, MemoryPoolPtr pool)
    : kind_(kind), keys_(std::move(keys)), maxBytes_(maxBytes), queues_(static_cast<size_t>(numConsumers)),
      pendingProducers_(numProducers), reservation_(std::move(pool), MemoryKind::kSystem) {
  PRESTO_CHECK(numConsumers > 0 && numProducers > 0, "a local exchange needs producers and consumers");
}

void LocalExchange::addLocked(int32_t consumer, PagePtr page, std::vector<ContinuePromise>& wake) {
  auto& queue = queues_[static_cast<size_t>(consumer)];
  if (queue.closed) {
    return;
  }
  auto bytes = static_cast<int64_t>(page->retainedBytes());
  bufferedBytes_ += bytes;
  queue.pages.emplace_back(std::move(page), bytes);
  for (auto& promise : queue.consumerPromises) {
    wake.push_back(std::move(promise));
  }
  queue.consumerPromises.clear();
}

BlockingReason LocalExchange::enqueue(const PagePtr& page, ContinueFuture* future) {
  // Partition outside the lock.
  std::vector<std::pair<int32_t, PagePtr>> parts;
  if (kind_ == LocalExchangeKind::kRepartition && numConsumers() > 1) {
    std::vector<uint64_t> hashes;
    hashRows(*page, keys_, hashes);
    std::vector<std::vector<vector_size_t>> rows(static_cast<size_t>(numConsumers()));
    for (vector_size_t row = 0; row < page->numRows(); ++row) {
      rows[hashes[static_cast<size_t>(row)] % rows.size()].push_back(row);
    }
    for (size_t consumer = 0; consumer < rows.size(); ++consumer) {
      if (rows[consumer].empty()) {
        continue;
      }
      auto size = static_cast<vector_size_t>(rows[consumer].size());
      auto indices = allocateIndices(size);
      std::copy(rows[consumer].begin(), rows[consumer].end(), indices->asMutable<vector_size_t>());
      parts.emplace_back(static_cast<int32_t>(consumer), wrapPage(*page, indices, size));
    }
  }
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (kind_ == LocalExchangeKind::kRepartition && numConsumers() > 1) {
      for (auto& [consumer, part] : parts) {
        addLocked(consumer, std::move(part), wake);
      }
    } else if (kind_ == LocalExchangeKind::kRoundRobin) {
      addLocked(nextConsumer_, page, wake);
      nextConsumer_ = (nextConsumer_ + 1) % numConsumers();
    } else {
      addLocked(0, page, wake);
    }
    reservation_.resize(bufferedBytes_);
  }
  notifyAll(wake);
  return isFull(future);
}

BlockingReason LocalExchange::isFull(ContinueFuture* future) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (bufferedBytes_ < maxBytes_) {
    return BlockingReason::kNotBlocked;
  }
  producerPromises_.emplace_back();
  *future = producerPromises_.back().future();
  return BlockingReason::kWaitForConsumer;
}

void LocalExchange::producerFinished() {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    PRESTO_CHECK(pendingProducers_ > 0, "too many local exchange producers finished");
    if (--pendingProducers_ == 0) {
      for (auto& queue : queues_) {
        for (auto& promise : queue.consumerPromises) {
          wake.push_back(std::move(promise));
        }
        queue.consumerPromises.clear();
      }
    }
  }
  notifyAll(wake);
}

PagePtr LocalExchange::next(int32_t consumer, BlockingReason& reason, ContinueFuture* future) {
  std::vector<ContinuePromise> wake;
  PagePtr page;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& queue = queues_[static_cast<size_t>(consumer)];
    reason = BlockingReason::kNotBlocked;
    if (!queue.pages.empty()) {
      page = std::move(queue.pages.front().first);
      bufferedBytes_ -= queue.pages.front().second;
      queue.pages.pop_front();
      reservation_.resize(bufferedBytes_);
      if (bufferedBytes_ < maxBytes_) {
        wake.swap(producerPromises_);
      }
    } else if (pendingProducers_ > 0) {
      reason = BlockingReason::kWaitForProducer;
      queue.consumerPromises.emplace_back();
      *future = queue.consumerPromises.back().future();
    }
  }
  notifyAll(wake);
  return page;
}

bool LocalExchange::isFinished(int32_t consumer) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pendingProducers_ == 0 && queues_[static_cast<size_t>(consumer)].pages.empty();
}

void LocalExchange::consumerClosed(int32_t consumer) {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& queue = queues_[static_cast<size_t>(consumer)];
    queue.closed = true;
    for (const auto& entry : queue.pages) {
      bufferedBytes_ -= entry.second;
    }
    queue.pages.clear();
    reservation_.resize(bufferedBytes_);
    wake.swap(producerPromises_);
  }
  notifyAll(wake);
}

} // namespace presto::exec
