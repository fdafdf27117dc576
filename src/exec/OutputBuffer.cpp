#include "exec/OutputBuffer.h"

#include "common/Check.h"

namespace presto::exec {

OutputBuffer::OutputBuffer(OutputBufferKind kind, int32_t numBuffers, int64_t maxBytes, MemoryPoolPtr pool)
    : kind_(kind), maxBytes_(maxBytes), buffers_(static_cast<size_t>(numBuffers)),
      reservation_(std::move(pool), MemoryKind::kSystem) {
  PRESTO_CHECK(numBuffers > 0, "an output buffer needs at least one consumer");
}

OutputBuffer::~OutputBuffer() = default;

void OutputBuffer::addToBufferLocked(
    Buffer& buffer, const std::shared_ptr<SharedPage>& page, std::vector<ContinuePromise>& wake) {
  if (buffer.aborted) {
    releaseLocked(*page);
    return;
  }
  buffer.pages.push_back(page);
  for (auto& promise : buffer.consumerPromises) {
    wake.push_back(std::move(promise));
  }
  buffer.consumerPromises.clear();
}

BlockingReason OutputBuffer::enqueue(int32_t partition, PagePtr page, ContinueFuture* future) {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    PRESTO_CHECK(!noMorePages_ || terminated_, "enqueue after noMorePages");
    if (terminated_ || isAbandonedLocked()) {
      return BlockingReason::kNotBlocked;
    }
    auto bytes = static_cast<int64_t>(page->retainedBytes());
    auto shared = std::make_shared<SharedPage>(SharedPage{std::move(page), bytes, 1});
    bufferedBytes_ += bytes;
    ++totalPages_;
    reservation_.resize(bufferedBytes_);
    switch (kind_) {
      case OutputBufferKind::kPartitioned:
        PRESTO_CHECK(partition >= 0 && partition < numBuffers(), "bad partition {}", partition);
        addToBufferLocked(buffers_[static_cast<size_t>(partition)], shared, wake);
        break;
      case OutputBufferKind::kBroadcast:
        shared->pendingConsumers = numBuffers();
        for (auto& buffer : buffers_) {
          addToBufferLocked(buffer, shared, wake);
        }
        break;
      case OutputBufferKind::kArbitrary:
        arbitraryQueue_.push_back(shared);
        for (auto& buffer : buffers_) {
          for (auto& promise : buffer.consumerPromises) {
            wake.push_back(std::move(promise));
          }
          buffer.consumerPromises.clear();
        }
        break;
    }
  }
  notifyAll(wake);
  return isFull(future);
}

BlockingReason OutputBuffer::isFull(ContinueFuture* future) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (terminated_ || isAbandonedLocked() || bufferedBytes_ < maxBytes_) {
    return BlockingReason::kNotBlocked;
  }
  producerPromises_.emplace_back();
  *future = producerPromises_.back().future();
  return BlockingReason::kWaitForConsumer;
}

void OutputBuffer::noMorePages() {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    noMorePages_ = true;
    for (auto& buffer : buffers_) {
      for (auto& promise : buffer.consumerPromises) {
        wake.push_back(std::move(promise));
      }
      buffer.consumerPromises.clear();
    }
  }
  notifyAll(wake);
}

void OutputBuffer::releaseLocked(SharedPage& page) {
  if (--page.pendingConsumers == 0) {
    bufferedBytes_ -= page.bytes;
    page.page.reset();
  }
}

void OutputBuffer::collectProducerWakeupsLocked(std::vector<ContinuePromise>& wake) {
  if (bufferedBytes_ < maxBytes_ || terminated_ || isAbandonedLocked()) {
    for (auto& promise : producerPromises_) {
      wake.push_back(std::move(promise));
    }
    producerPromises_.clear();
  }
}

void OutputBuffer::acknowledgeLocked(Buffer& buffer, int64_t token) {
  while (buffer.firstToken < token && !buffer.pages.empty()) {
    releaseLocked(*buffer.pages.front());
    buffer.pages.pop_front();
    ++buffer.firstToken;
  }
  reservation_.resize(bufferedBytes_);
}

void OutputBuffer::fillArbitraryLocked(Buffer& buffer, int64_t maxBytes) {
  int64_t bytes = 0;
  for (const auto& page : buffer.pages) {
    bytes += page->bytes;
  }
  while (!arbitraryQueue_.empty() && (bytes < maxBytes || buffer.pages.empty())) {
    bytes += arbitraryQueue_.front()->bytes;
    buffer.pages.push_back(std::move(arbitraryQueue_.front()));
    arbitraryQueue_.pop_front();
  }
}

bool OutputBuffer::isCompleteLocked(const Buffer& buffer) const {
  return terminated_ || buffer.aborted || (noMorePages_ && (kind_ != OutputBufferKind::kArbitrary || arbitraryQueue_.empty()));
}

bool OutputBuffer::getPages(int32_t bufferId, int64_t token, int64_t maxBytes, Result& result, ContinueFuture* future) {
  std::vector<ContinuePromise> wake;
  bool available;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    PRESTO_CHECK(bufferId >= 0 && bufferId < numBuffers(), "bad output buffer id {}", bufferId);
    Buffer& buffer = buffers_[static_cast<size_t>(bufferId)];
    acknowledgeLocked(buffer, token);
    if (kind_ == OutputBufferKind::kArbitrary) {
      fillArbitraryLocked(buffer, maxBytes);
    }
    result.pages.clear();
    result.nextToken = token;
    int64_t bytes = 0;
    auto start = static_cast<size_t>(std::max<int64_t>(0, token - buffer.firstToken));
    for (size_t i = start; i < buffer.pages.size(); ++i) {
      if (!result.pages.empty() && bytes + buffer.pages[i]->bytes > maxBytes) {
        break;
      }
      bytes += buffer.pages[i]->bytes;
      result.pages.push_back(buffer.pages[i]->page);
      ++result.nextToken;
    }
    bool complete = isCompleteLocked(buffer);
    result.complete = complete && buffer.firstToken + static_cast<int64_t>(buffer.pages.size()) == result.nextToken;
    available = !result.pages.empty() || result.complete;
    if (!available) {
      buffer.consumerPromises.emplace_back();
      *future = buffer.consumerPromises.back().future();
    }
    collectProducerWakeupsLocked(wake);
  }
  notifyAll(wake);
  return available;
}

void OutputBuffer::acknowledge(int32_t bufferId, int64_t token) {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    acknowledgeLocked(buffers_.at(static_cast<size_t>(bufferId)), token);
    collectProducerWakeupsLocked(wake);
  }
  notifyAll(wake);
}

void OutputBuffer::abort(int32_t bufferId) {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Buffer& buffer = buffers_.at(static_cast<size_t>(bufferId));
    if (!buffer.aborted) {
      buffer.aborted = true;
      ++numAborted_;
    }
    acknowledgeLocked(buffer, buffer.firstToken + static_cast<int64_t>(buffer.pages.size()));
    if (isAbandonedLocked()) {
      for (auto& page : arbitraryQueue_) {
        releaseLocked(*page);
      }
      arbitraryQueue_.clear();
      reservation_.resize(bufferedBytes_);
    }
    for (auto& promise : buffer.consumerPromises) {
      wake.push_back(std::move(promise));
    }
    buffer.consumerPromises.clear();
    collectProducerWakeupsLocked(wake);
  }
  notifyAll(wake);
}

void OutputBuffer::terminate() {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    terminated_ = true;
    for (auto& buffer : buffers_) {
      acknowledgeLocked(buffer, buffer.firstToken + static_cast<int64_t>(buffer.pages.size()));
      for (auto& promise : buffer.consumerPromises) {
        wake.push_back(std::move(promise));
      }
      buffer.consumerPromises.clear();
    }
    for (auto& page : arbitraryQueue_) {
      releaseLocked(*page);
    }
    arbitraryQueue_.clear();
    reservation_.resize(0);
    collectProducerWakeupsLocked(wake);
  }
  notifyAll(wake);
}

bool OutputBuffer::isFinished() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (terminated_) {
    return true;
  }
  if (!noMorePages_ || !arbitraryQueue_.empty()) {
    return false;
  }
  for (const auto& buffer : buffers_) {
    if (!buffer.pages.empty()) {
      return false;
    }
  }
  return true;
}

bool OutputBuffer::isAbandoned() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return isAbandonedLocked();
}

int64_t OutputBuffer::bufferedBytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bufferedBytes_;
}

int64_t OutputBuffer::totalPages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return totalPages_;
}

} // namespace presto::exec
