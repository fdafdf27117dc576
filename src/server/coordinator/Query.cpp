#include "server/coordinator/Query.h"

namespace presto::server {
namespace {

int64_t millisSinceEpoch(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

int64_t millisBetween(std::chrono::system_clock::time_point from, std::chrono::system_clock::time_point to) {
  return std::max<int64_t>(0, std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count());
}

} // namespace

Query::Query(std::string id, std::string slug, Session session, std::string sql, const QueryManagerConfig& config,
    TimerService& timers)
    : id_(std::move(id)),
      slug_(std::move(slug)),
      session_(std::move(session)),
      sql_(std::move(sql)),
      config_(config),
      timers_(timers),
      output_(std::make_shared<QueryOutput>()),
      createTime_(std::chrono::system_clock::now()),
      lastAccess_(createTime_) {}

ResultsBatch Query::initialResults() {
  std::function<void()> resume;
  ResultsBatch batch;
  {
    std::lock_guard lock(mutex_);
    if (lastToken_ < 0) {
      // The first reply never carries results: a client must always get a nextUri to follow,
      // unless the query failed before it started (queue full, text too large).
      if (output_->isComplete()) {
        lastBatch_ = buildBatchLocked(0);
      } else {
        lastToken_ = 0;
        ResultsBatch initial;
        initial.queryId = id_;
        initial.slug = slug_;
        initial.token = 0;
        initial.trinoProtocol = session_.trinoProtocol;
        initial.hasNext = true;
        initial.stats = statsLocked();
        lastBatch_ = std::move(initial);
      }
    }
    batch = *lastBatch_;
    resume = std::move(resumeProducer_);
  }
  if (resume) {
    resume();
  }
  return batch;
}

void Query::fetch(int64_t token, Clock::time_point deadline, FetchCallback callback) {
  FetchStatus status = FetchStatus::kOk;
  ResultsBatch batch;
  std::optional<Waiter> replaced;
  std::function<void()> resume;
  {
    std::lock_guard lock(mutex_);
    lastAccess_ = std::chrono::system_clock::now();
    if (token == lastToken_ && lastBatch_) {
      batch = *lastBatch_;
    } else if (token == lastToken_ + 1 && !finalDelivered_) {
      if (waiter_) {
        // The client asked again while an earlier request for the same reply still waits: that
        // earlier connection is presumably gone.
        timers_.cancel(waiter_->deadlineTimer);
        replaced = std::move(waiter_);
        waiter_.reset();
      }
      if (isReadyLocked(Clock::now()) || deadline <= Clock::now()) {
        batch = buildBatchLocked(token);
        resume = std::move(resumeProducer_);
      } else {
        uint64_t waiterId = nextWaiterId_++;
        std::weak_ptr<Query> self = weak_from_this();
        uint64_t timer = timers_.schedule(deadline, [self, waiterId] {
          if (auto query = self.lock()) {
            query->completeWaiter(waiterId, true);
          }
        });
        waiter_ = Waiter{waiterId, token, std::move(callback), timer};
        scheduleLingerLocked();
        return;
      }
    } else {
      status = FetchStatus::kGone;
    }
  }
  if (replaced) {
    replaced->callback(FetchStatus::kGone, ResultsBatch{});
  }
  if (resume) {
    resume();
  }
  callback(status, std::move(batch));
}

void Query::outputChanged() {
  {
    std::lock_guard lock(mutex_);
    scheduleLingerLocked();
    if (!waiter_ || !isReadyLocked(Clock::now())) {
      return;
    }
  }
  completeWaiter(0, false);
}

void Query::scheduleLingerLocked() {
  if (dataSince_ || !output_->hasPages()) {
    return;
  }
  dataSince_ = Clock::now();
  std::weak_ptr<Query> self = weak_from_this();
  timers_.schedule(*dataSince_ + config_.dataLinger.toChrono(), [self] {
    if (auto query = self.lock()) {
      query->completeWaiter(0, false);
    }
  });
}

void Query::completeWaiter(uint64_t waiterId, bool force) {
  FetchCallback callback;
  ResultsBatch batch;
  std::function<void()> resume;
  {
    std::lock_guard lock(mutex_);
    if (!waiter_ || (waiterId != 0 && waiter_->id != waiterId)) {
      return;
    }
    if (!force && !isReadyLocked(Clock::now())) {
      return;
    }
    timers_.cancel(waiter_->deadlineTimer);
    batch = buildBatchLocked(waiter_->token);
    callback = std::move(waiter_->callback);
    waiter_.reset();
    lastAccess_ = std::chrono::system_clock::now();
    resume = std::move(resumeProducer_);
  }
  if (resume) {
    resume();
  }
  callback(FetchStatus::kOk, std::move(batch));
}

bool Query::isReadyLocked(Clock::time_point now) const {
  if (output_->isComplete()) {
    return true;
  }
  if (output_->bufferedBytes() >= config_.targetResultBytes) {
    return true;
  }
  return dataSince_ && output_->hasPages() && now >= *dataSince_ + config_.dataLinger.toChrono();
}

ResultsBatch Query::buildBatchLocked(int64_t token) {
  ResultsBatch batch;
  batch.queryId = id_;
  batch.slug = slug_;
  batch.token = token;
  batch.trinoProtocol = session_.trinoProtocol;
  batch.columns = output_->columns();
  auto taken = output_->takePages(config_.targetResultBytes);
  batch.pages = std::move(taken.pages);
  resumeProducer_ = std::move(taken.resumeProducer);
  if (!output_->hasPages()) {
    dataSince_.reset();
  }
  QueryState state = output_->state();
  batch.hasNext = !isDone(state);
  if (auto failure = output_->failure()) {
    batch.error = QueryError::fromException(*failure);
    batch.pages.clear();
  } else if (state == QueryState::kFinished) {
    batch.updateType = output_->updateType();
    batch.updateCount = output_->updateCount();
    batch.sessionUpdates = output_->sessionUpdates();
  }
  if (!batch.hasNext) {
    finalDelivered_ = true;
    if (!endTime_) {
      endTime_ = std::chrono::system_clock::now();
    }
  }
  batch.stats = statsLocked();
  lastToken_ = token;
  lastBatch_ = batch;
  return batch;
}

StatementStats Query::statsLocked() const {
  StatementStats stats;
  QueryState state = output_->state();
  QueryProgress progress = output_->progress();
  auto now = std::chrono::system_clock::now();
  stats.state = state;
  stats.queued = state == QueryState::kQueued;
  stats.scheduled = dispatchTime_.has_value() && state >= QueryState::kRunning;
  stats.nodes = progress.nodes;
  stats.totalSplits = progress.totalSplits;
  stats.queuedSplits = progress.queuedSplits;
  stats.runningSplits = progress.runningSplits;
  stats.completedSplits = progress.completedSplits;
  stats.cpuTimeMillis = progress.cpuTimeMillis;
  stats.processedRows = progress.processedRows;
  stats.processedBytes = progress.processedBytes;
  stats.peakMemoryBytes = progress.peakMemoryBytes;
  auto end = endTime_.value_or(now);
  stats.elapsedTimeMillis = millisBetween(createTime_, end);
  stats.queuedTimeMillis = millisBetween(createTime_, dispatchTime_.value_or(end));
  stats.wallTimeMillis = dispatchTime_ ? millisBetween(*dispatchTime_, end) : 0;
  return stats;
}

void Query::markDispatched() {
  std::lock_guard lock(mutex_);
  dispatchTime_ = std::chrono::system_clock::now();
}

bool Query::markCompleted() {
  std::lock_guard lock(mutex_);
  if (completionRecorded_) {
    return false;
  }
  completionRecorded_ = true;
  if (!endTime_) {
    endTime_ = std::chrono::system_clock::now();
  }
  return true;
}

bool Query::isDispatched() const {
  std::lock_guard lock(mutex_);
  return dispatchTime_.has_value();
}

std::optional<std::chrono::system_clock::time_point> Query::dispatchTime() const {
  std::lock_guard lock(mutex_);
  return dispatchTime_;
}

std::optional<std::chrono::system_clock::time_point> Query::endTime() const {
  std::lock_guard lock(mutex_);
  return endTime_;
}

bool Query::isAbandoned(std::chrono::system_clock::time_point now, std::chrono::nanoseconds timeout) const {
  std::lock_guard lock(mutex_);
  return !waiter_ && now - lastAccess_ > timeout;
}

bool Query::isSettled(std::chrono::system_clock::time_point now, std::chrono::nanoseconds timeout) const {
  std::lock_guard lock(mutex_);
  return finalDelivered_ || (output_->isComplete() && !waiter_ && now - lastAccess_ > timeout);
}

QueryInfo Query::info() const {
  std::lock_guard lock(mutex_);
  QueryInfo info;
  info.queryId = id_;
  info.state = output_->state();
  info.query = sql_;
  info.user = session_.user;
  info.source = session_.source;
  info.catalog = session_.catalog;
  info.schema = session_.schema;
  info.createTime = millisSinceEpoch(createTime_);
  if (dispatchTime_) {
    info.executionStartTime = millisSinceEpoch(*dispatchTime_);
  }
  if (endTime_) {
    info.endTime = millisSinceEpoch(*endTime_);
  }
  info.lastHeartbeat = millisSinceEpoch(lastAccess_);
  info.stats = statsLocked();
  if (auto failure = output_->failure()) {
    info.error = QueryError::fromException(*failure);
  }
  return info;
}

} // namespace presto::server
