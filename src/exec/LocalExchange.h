#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "common/memory/MemoryPool.h"
#include "exec/BlockingReason.h"
#include "exec/Future.h"
#include "exec/plan/RowNodes.h"
#include "vector/Page.h"

namespace presto::exec {

/// Connects the drivers of producing pipelines to the drivers of a consuming pipeline inside one
/// task: one queue per consumer; producers partition pages among them (gather, hash, round robin).
/// Producers block while the exchange holds more than its byte limit; consumers block while their
/// queue is empty and producers are still running. Buffered bytes are system memory.
class LocalExchange {
 public:
  LocalExchange(LocalExchangeKind kind, std::vector<int32_t> keys, int32_t numConsumers, int32_t numProducers,
      int64_t maxBytes, MemoryPoolPtr pool);

  int32_t numConsumers() const { return static_cast<int32_t>(queues_.size()); }

  /// Adds a producer's page; returns kWaitForConsumer with a future when over the limit.
  BlockingReason enqueue(const PagePtr& page, ContinueFuture* future);
  /// Whether producers must wait now.
  BlockingReason isFull(ContinueFuture* future);
  /// A producer driver is done.
  void producerFinished();

  /// The next page for `consumer`, or nullptr with `reason` set: kWaitForProducer (and a future)
  /// or kNotBlocked when the exchange is finished for this consumer.
  PagePtr next(int32_t consumer, BlockingReason& reason, ContinueFuture* future);
  /// Whether `consumer` has received everything.
  bool isFinished(int32_t consumer) const;
  /// The consumer is gone (LIMIT satisfied, failure): drop its pages.
  void consumerClosed(int32_t consumer);

 private:
  struct Queue {
    std::deque<std::pair<PagePtr, int64_t>> pages;  // page and its bytes when added
    std::vector<ContinuePromise> consumerPromises;
    bool closed = false;
  };

  void addLocked(int32_t consumer, PagePtr page, std::vector<ContinuePromise>& wake);

  const LocalExchangeKind kind_;
  const std::vector<int32_t> keys_;
  const int64_t maxBytes_;

  mutable std::mutex mutex_;
  std::vector<Queue> queues_;
  int32_t pendingProducers_;
  int32_t nextConsumer_ = 0;
  int64_t bufferedBytes_ = 0;
  std::vector<ContinuePromise> producerPromises_;
  MemoryReservation reservation_;
};

} // namespace presto::exec
