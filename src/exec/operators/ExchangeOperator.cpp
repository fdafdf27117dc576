#include "exec/operators/ExchangeOperator.h"

#include "common/Check.h"
#include "exec/RemoteSplit.h"
#include "exec/Task.h"

namespace presto::exec {

namespace {

bool isPending(const ContinueFuture& future) {
  return future.valid() && !future.isReady();
}

} // namespace

ExchangeOperator::ExchangeOperator(
    DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const ExchangeNode> node)
    : SourceOperator(driverContext, node->outputTypes(), operatorId, node->id(), "Exchange"), node_(std::move(node)),
      sourceFactory_(driverContext->task->services().exchangeSources),
      maxResponseBytes_(driverContext->task->config().maxExchangeResponseBytes),
      maxBufferBytes_(driverContext->task->config().maxExchangeBufferBytes),
      reservation_(pool(), MemoryKind::kSystem) {
  PRESTO_CHECK(sourceFactory_ != nullptr, "the task has no exchange sources");
}

void ExchangeOperator::takeSplits() {
  while (!noMoreSplits_ && !isPending(splitFuture_)) {
    Split split;
    ContinueFuture future;
    if (!task().nextSplit(node_->id(), split, &future)) {
      splitFuture_ = std::move(future);
      return;
    }
    splitFuture_ = ContinueFuture();
    if (split.connectorSplit == nullptr) {
      noMoreSplits_ = true;
      return;
    }
    auto remote = std::dynamic_pointer_cast<const RemoteSplit>(split.connectorSplit);
    PRESTO_CHECK(remote != nullptr, "exchange {} got a split that is not remote: {}", node_->id(),
        split.connectorSplit->toString());
    upstreams_.push_back(Upstream{sourceFactory_(*remote, outputTypes())});
  }
}

bool ExchangeOperator::mayRequest() const {
  // A reply that arrived but is not taken yet still counts: its pages are about to be held.
  int64_t pending = 0;
  for (const auto& upstream : upstreams_) {
    pending += upstream.reply.valid() ? 1 : 0;
  }
  if (pending == 0 && bufferedBytes_ == 0) {
    return true;
  }
  auto expectedReply = replies_ > 0 ? std::max<int64_t>(1, replyBytes_ / replies_) : maxResponseBytes_;
  return bufferedBytes_ + (pending + 1) * expectedReply <= maxBufferBytes_;
}

void ExchangeOperator::fetch(Upstream& upstream) {
  if (upstream.complete || !upstream.pages.empty() || isPending(upstream.reply)) {
    return;
  }
  // A reply that arrived is taken whatever the buffer holds; a new request must fit.
  if (!upstream.reply.valid() && !mayRequest()) {
    return;
  }
  ExchangePages reply;
  ContinueFuture future;
  if (!upstream.source->getPages(upstream.token, maxResponseBytes_, reply, &future)) {
    upstream.reply = std::move(future);
    return;
  }
  upstream.reply = ContinueFuture();
  ++replies_;
  for (auto& page : reply.pages) {
    auto bytes = static_cast<int64_t>(page->retainedBytes());
    bufferedBytes_ += bytes;
    replyBytes_ += bytes;
    upstream.pages.emplace_back(std::move(page), bytes);
  }
  reservation_.resize(bufferedBytes_);
  upstream.token = reply.nextToken;
  upstream.complete = reply.complete;
}

void ExchangeOperator::dropCompleted() {
  std::erase_if(upstreams_, [](Upstream& upstream) {
    if (!upstream.complete || !upstream.pages.empty()) {
      return false;
    }
    upstream.source->close();
    return true;
  });
}

BlockingReason ExchangeOperator::isBlocked(ContinueFuture* future) {
  takeSplits();
  std::vector<ContinueFuture> waitFor;
  bool hasPages = false;
  for (auto& upstream : upstreams_) {
    fetch(upstream);
    hasPages |= !upstream.pages.empty();
    if (upstream.reply.valid()) {
      waitFor.push_back(upstream.reply);
    }
  }
  dropCompleted();
  if (hasPages || isFinished()) {
    return BlockingReason::kNotBlocked;
  }
  if (!noMoreSplits_) {
    waitFor.push_back(splitFuture_);
  }
  *future = anyOf(waitFor);
  return upstreams_.empty() ? BlockingReason::kWaitForSplit : BlockingReason::kWaitForProducer;
}

PagePtr ExchangeOperator::getOutput() {
  for (size_t i = 0; i < upstreams_.size(); ++i) {
    auto& upstream = upstreams_[(nextUpstream_ + i) % upstreams_.size()];
    if (upstream.pages.empty()) {
      continue;
    }
    nextUpstream_ = (nextUpstream_ + i + 1) % upstreams_.size();
    auto [page, bytes] = std::move(upstream.pages.front());
    upstream.pages.pop_front();
    bufferedBytes_ -= bytes;
    reservation_.resize(bufferedBytes_);
    // Ask for more right away: this acknowledges the pages just handed on, and the reply may be
    // ready by the time the driver comes back.
    fetch(upstream);
    dropCompleted();
    return page;
  }
  return nullptr;
}

void ExchangeOperator::close() {
  for (auto& upstream : upstreams_) {
    upstream.source->close();
  }
  upstreams_.clear();
  bufferedBytes_ = 0;
  reservation_.resize(0);
}

} // namespace presto::exec
