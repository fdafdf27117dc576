#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "common/memory/MemoryPool.h"
#include "exec/BlockingReason.h"
#include "exec/Future.h"
#include "vector/Page.h"

namespace presto::exec {

/// How pages written to an output buffer reach its consumers (buffers numbered 0..n-1).
enum class OutputBufferKind {
  /// Page i of partition p goes to buffer p only (hash-partitioned shuffles).
  kPartitioned,
  /// Every page goes to every buffer (broadcast joins).
  kBroadcast,
  /// Each page goes to whichever consumer asks first (round-robin-like load balancing).
  kArbitrary,
};

/// Where a task's result pages wait for downstream consumers (HTTP result fetches or in-process
/// readers). Consumers read by token: asking for token t acknowledges every page before t, which
/// frees it. While the buffered bytes exceed the limit, producers get a future instead of
/// room, so a slow consumer throttles the whole pipeline (backpressure). Buffered bytes are
/// reserved as system memory.
class OutputBuffer {
 public:
  OutputBuffer(OutputBufferKind kind, int32_t numBuffers, int64_t maxBytes, MemoryPoolPtr pool);
  ~OutputBuffer();

  OutputBufferKind kind() const { return kind_; }
  int32_t numBuffers() const { return static_cast<int32_t>(buffers_.size()); }

  /// Adds a page for `partition` (ignored unless kPartitioned). Returns kWaitForConsumer and a
  /// future when the buffer is over its limit; the page is accepted either way.
  BlockingReason enqueue(int32_t partition, PagePtr page, ContinueFuture* future);
  /// Whether producers must wait now (and until when).
  BlockingReason isFull(ContinueFuture* future);
  /// No producer will enqueue more pages.
  void noMorePages();

  /// What a consumer got: pages starting at its requested token, the next token to ask for, and
  /// whether the buffer is complete (no more pages will come after these).
  struct Result {
    std::vector<PagePtr> pages;
    int64_t nextToken = 0;
    bool complete = false;
  };

  /// Acknowledges pages before `token` and returns up to `maxBytes` of pages from `token` on (at
  /// least one page if any). Returns false, with a future, when nothing is available yet.
  bool getPages(int32_t buffer, int64_t token, int64_t maxBytes, Result& result, ContinueFuture* future);
  /// Acknowledges (and frees) the pages of `buffer` before `token`.
  void acknowledge(int32_t buffer, int64_t token);
  /// The consumer of `buffer` is gone: drop its pages, accept no more for it.
  void abort(int32_t buffer);
  /// The task ended abnormally: drop every page and wake every waiter.
  void terminate();

  /// True once no more pages will come and every consumer has acknowledged everything.
  bool isFinished() const;
  /// True once every consumer has aborted its buffer: nobody will read what producers write, so
  /// they may stop (enqueued pages are dropped).
  bool isAbandoned() const;
  int64_t bufferedBytes() const;
  int64_t totalPages() const;

 private:
  struct SharedPage {
    PagePtr page;
    int64_t bytes;
    int32_t pendingConsumers;
  };
  struct Buffer {
    std::deque<std::shared_ptr<SharedPage>> pages;
    int64_t firstToken = 0;
    bool aborted = false;
    std::vector<ContinuePromise> consumerPromises;
  };

  void addToBufferLocked(Buffer& buffer, const std::shared_ptr<SharedPage>& page, std::vector<ContinuePromise>& wake);
  void acknowledgeLocked(Buffer& buffer, int64_t token);
  void releaseLocked(SharedPage& page);
  /// Moves pages of the shared queue (kArbitrary) to `buffer` until it holds `maxBytes`.
  void fillArbitraryLocked(Buffer& buffer, int64_t maxBytes);
  bool isCompleteLocked(const Buffer& buffer) const;
  bool isAbandonedLocked() const { return numAborted_ == numBuffers(); }
  void collectProducerWakeupsLocked(std::vector<ContinuePromise>& wake);

  const OutputBufferKind kind_;
  const int64_t maxBytes_;

  mutable std::mutex mutex_;
  std::vector<Buffer> buffers_;
  std::deque<std::shared_ptr<SharedPage>> arbitraryQueue_;
  std::vector<ContinuePromise> producerPromises_;
  int64_t bufferedBytes_ = 0;
  int64_t totalPages_ = 0;
  int32_t numAborted_ = 0;
  bool noMorePages_ = false;
  bool terminated_ = false;
  MemoryReservation reservation_;
};

using OutputBufferPtr = std::shared_ptr<OutputBuffer>;

} // namespace presto::exec
