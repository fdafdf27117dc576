#pragma once

#include <deque>
#include <memory>
#include <vector>

#include "exec/ExchangeSource.h"
#include "exec/Operator.h"
#include "exec/plan/ExchangeNode.h"

namespace presto::exec {

/// The source operator of an ExchangeNode: takes the task's RemoteSplits as they arrive (the
/// drivers of the pipeline share them), opens an ExchangeSource on each, and returns pages from
/// whichever upstream buffer has some. Holds at most one reply (about `exchange.max-response-size`)
/// per upstream buffer, reserved as system memory, and asks for the next one (acknowledging the
/// last) only once its pages are handed on, so a slow consumer leaves pages upstream, where the
/// full output buffer blocks the producer. Waits (kWaitForProducer, kWaitForSplit) on a future
/// combining every pending reply and the next split. Finishes when no more splits will come and
/// every upstream buffer is complete. Requests run concurrently only as far as their expected
/// replies (the average so far) fit in `exchange.max-buffer-size` beside the pages held; one is
/// always allowed, so that the exchange makes progress.
class ExchangeOperator : public SourceOperator {
 public:
  ExchangeOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const ExchangeNode> node);
  PagePtr getOutput() override;
  BlockingReason isBlocked(ContinueFuture* future) override;
  bool isFinished() override { return noMoreSplits_ && upstreams_.empty(); }
  void close() override;

 private:
  /// One upstream buffer being read.
  struct Upstream {
    std::unique_ptr<ExchangeSource> source;
    /// The token to ask for next (acknowledging the pages before it).
    int64_t token = 0;
    /// Received pages not handed on yet, with the bytes each was counted at in the buffer.
    std::deque<std::pair<PagePtr, int64_t>> pages;
    bool complete = false;
    /// Set while a reply is pending.
    ContinueFuture reply;
  };

  /// Opens a source for every split the task has for this node now.
  void takeSplits();
  /// Asks `upstream` for its next pages unless it still has some or a reply is pending.
  void fetch(Upstream& upstream);
  /// Closes and drops the upstreams that are complete and drained.
  void dropCompleted();
  /// Whether one more request fits in the buffer beside the pages held and the replies expected.
  bool mayRequest() const;

  const std::shared_ptr<const ExchangeNode> node_;
  const ExchangeSourceFactory& sourceFactory_;
  const int64_t maxResponseBytes_;
  const int64_t maxBufferBytes_;
  /// Replies received and their bytes, for the expected size of the next.
  int64_t replies_ = 0;
  int64_t replyBytes_ = 0;
  std::vector<Upstream> upstreams_;
  /// Where getOutput() looks first, so that every upstream is served in turn.
  size_t nextUpstream_ = 0;
  bool noMoreSplits_ = false;
  ContinueFuture splitFuture_;
  int64_t bufferedBytes_ = 0;
  MemoryReservation reservation_;
};

} // namespace presto::exec
