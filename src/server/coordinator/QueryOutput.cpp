#include "server/coordinator/QueryOutput.h"

#include "common/Check.h"

namespace presto::server {

void QueryOutput::setState(QueryState state) {
  {
    std::lock_guard lock(mutex_);
    if (complete_ || isDone(state) || state <= state_) {
      return;
    }
    state_ = state;
  }
  notify();
}

void QueryOutput::setColumns(std::vector<Column> columns) {
  {
    std::lock_guard lock(mutex_);
    if (complete_) {
      return;
    }
    PRESTO_CHECK(pages_.empty(), "columns set after pages");
    columns_ = std::move(columns);
  }
  notify();
}

bool QueryOutput::addPage(PagePtr page) {
  bool belowLimit;
  {
    std::lock_guard lock(mutex_);
    if (complete_) {
      return !aborted_;
    }
    if (page->numRows() > 0) {
      uint64_t bytes = page->retainedBytes();
      bufferedBytes_ += bytes;
      pages_.emplace_back(std::move(page), bytes);
    }
    if (state_ < QueryState::kRunning) {
      state_ = QueryState::kRunning;
    }
    belowLimit = bufferedBytes_ < bufferLimitBytes_;
  }
  notify();
  return belowLimit;
}

void QueryOutput::setUpdate(std::string updateType, std::optional<int64_t> updateCount) {
  std::lock_guard lock(mutex_);
  if (!complete_) {
    updateType_ = std::move(updateType);
    updateCount_ = updateCount;
  }
}

void QueryOutput::setSessionUpdates(SessionUpdates updates) {
  std::lock_guard lock(mutex_);
  if (!complete_) {
    sessionUpdates_ = std::move(updates);
  }
}

void QueryOutput::setProgress(const QueryProgress& progress) {
  std::lock_guard lock(mutex_);
  progress_ = progress;
}

void QueryOutput::finish() {
  {
    std::lock_guard lock(mutex_);
    if (complete_) {
      return;
    }
    complete_ = true;
    if (state_ < QueryState::kFinishing) {
      state_ = QueryState::kFinishing;
    }
  }
  notify();
}

void QueryOutput::fail(const PrestoException& error) {
  {
    std::lock_guard lock(mutex_);
    if (complete_) {
      return;
    }
    complete_ = true;
    failure_ = error;
    state_ = QueryState::kFailed;
    pages_.clear();
    bufferedBytes_ = 0;
  }
  notify();
}

bool QueryOutput::isAborted() const {
  std::lock_guard lock(mutex_);
  return aborted_;
}

void QueryOutput::onAbort(std::function<void()> callback) {
  {
    std::lock_guard lock(mutex_);
    if (!aborted_) {
      abortCallback_ = std::move(callback);
      return;
    }
  }
  callback();
}

void QueryOutput::onBufferAvailable(std::function<void()> callback) {
  {
    std::lock_guard lock(mutex_);
    if (bufferedBytes_ >= bufferLimitBytes_ && !complete_) {
      bufferCallback_ = std::move(callback);
      return;
    }
  }
  callback();
}

void QueryOutput::setListener(std::function<void()> listener) {
  std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

void QueryOutput::abort(const PrestoException& error) {
  std::function<void()> abortCallback;
  std::function<void()> bufferCallback;
  {
    std::lock_guard lock(mutex_);
    if (aborted_) {
      return;
    }
    aborted_ = true;
    abortCallback = std::move(abortCallback_);
    bufferCallback = std::move(bufferCallback_);
    if (!complete_ || (!failure_ && !pages_.empty())) {
      // A query whose engine finished but whose client has not taken every page is still aborted.
      complete_ = true;
      failure_ = error;
      state_ = QueryState::kFailed;
      pages_.clear();
      bufferedBytes_ = 0;
    }
  }
  if (abortCallback) {
    abortCallback();
  }
  if (bufferCallback) {
    bufferCallback();
  }
  notify();
}

QueryState QueryOutput::state() const {
  std::lock_guard lock(mutex_);
  if (complete_ && !failure_ && pages_.empty()) {
    return QueryState::kFinished;
  }
  return state_;
}

std::optional<std::vector<Column>> QueryOutput::columns() const {
  std::lock_guard lock(mutex_);
  return columns_;
}

QueryOutput::TakenPages QueryOutput::takePages(uint64_t maxBytes) {
  TakenPages taken;
  std::lock_guard lock(mutex_);
  uint64_t bytes = 0;
  while (!pages_.empty() && (taken.pages.empty() || bytes + pages_.front().second <= maxBytes)) {
    bytes += pages_.front().second;
    bufferedBytes_ -= pages_.front().second;
    taken.pages.push_back(std::move(pages_.front().first));
    pages_.pop_front();
  }
  taken.resumeProducer = takeBufferCallbackIfAvailable();
  return taken;
}

std::function<void()> QueryOutput::takeBufferCallbackIfAvailable() {
  if (bufferCallback_ && bufferedBytes_ < bufferLimitBytes_) {
    return std::move(bufferCallback_);
  }
  return nullptr;
}

uint64_t QueryOutput::bufferedBytes() const {
  std::lock_guard lock(mutex_);
  return bufferedBytes_;
}

bool QueryOutput::hasPages() const {
  std::lock_guard lock(mutex_);
  return !pages_.empty();
}

bool QueryOutput::isComplete() const {
  std::lock_guard lock(mutex_);
  return complete_;
}

std::optional<PrestoException> QueryOutput::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

std::optional<std::string> QueryOutput::updateType() const {
  std::lock_guard lock(mutex_);
  return updateType_;
}

std::optional<int64_t> QueryOutput::updateCount() const {
  std::lock_guard lock(mutex_);
  return updateCount_;
}

SessionUpdates QueryOutput::sessionUpdates() const {
  std::lock_guard lock(mutex_);
  return sessionUpdates_;
}

QueryProgress QueryOutput::progress() const {
  std::lock_guard lock(mutex_);
  return progress_;
}

void QueryOutput::notify() {
  std::function<void()> listener;
  {
    std::lock_guard lock(mutex_);
    listener = listener_;
  }
  if (listener) {
    listener();
  }
}

} // namespace presto::server
