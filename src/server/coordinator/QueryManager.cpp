#include "server/coordinator/QueryManager.h"

#include <fmt/format.h>

#include <random>

#include "common/Check.h"
#include "common/Logging.h"

namespace presto::server {
namespace {

constexpr std::chrono::seconds kFinalReplyPatience{5};

std::string randomSlug() {
  thread_local std::mt19937_64 random(std::random_device{}());
  return fmt::format("x{:016x}{:016x}", random(), random());
}

} // namespace

QueryManager::QueryManager(QueryManagerConfig config, std::shared_ptr<QueryEngine> engine)
    : config_(std::move(config)), engine_(std::move(engine)) {
  scheduleChecks();
}

QueryManager::~QueryManager() {
  std::vector<QueryPtr> queries;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (const auto& [id, query] : queries_) {
      queries.push_back(query);
    }
    queue_.clear();
  }
  PrestoException shutdown(errors::SERVER_SHUTTING_DOWN, "Server is shutting down");
  for (const auto& query : queries) {
    query->output()->abort(shutdown);
    query->output()->setListener(nullptr);
  }
  // Joins the engine's threads (when this manager is its last owner) while everything they might
  // still touch is alive.
  engine_.reset();
}

ResultsBatch QueryManager::createQuery(Session session, std::string sql) {
  std::string id = idGenerator_.next();
  session.queryId = id;
  session.startTime = std::chrono::system_clock::now();
  auto query = std::make_shared<Query>(id, randomSlug(), std::move(session), std::move(sql), config_, timers_);
  std::weak_ptr<Query> weakQuery = query;
  query->output()->setListener([this, weakQuery] {
    if (auto locked = weakQuery.lock()) {
      outputChanged(locked);
    }
  });

  std::optional<PrestoException> rejection;
  bool dispatchNow = false;
  {
    std::lock_guard lock(mutex_);
    if (nodeState_.load() == NodeState::kShuttingDown || stopping_) {
      rejection = PrestoException(errors::SERVER_SHUTTING_DOWN, "Server is shutting down");
    } else if (static_cast<int64_t>(query->sql().size()) > config_.maxQueryLength) {
      rejection = PrestoException(errors::QUERY_TEXT_TOO_LARGE,
          fmt::format("Query text length ({}) exceeds the maximum length ({})", query->sql().size(), config_.maxQueryLength));
    } else if (runningCount_ < config_.maxConcurrentQueries && queue_.empty()) {
      ++runningCount_;
      dispatchNow = true;
    } else if (static_cast<int64_t>(queue_.size()) >= config_.maxQueuedQueries) {
      rejection = PrestoException(errors::QUERY_QUEUE_FULL, "Too many queued queries");
    } else {
      queue_.push_back(query);
    }
    queries_.emplace(id, query);
    order_.push_back(id);
  }
  if (rejection) {
    query->output()->fail(*rejection);
  }
  // The POST reply is built before the engine sees the query, so it is always QUEUED unless rejected.
  ResultsBatch reply = query->initialResults();
  if (dispatchNow) {
    dispatch(query);
  }
  return reply;
}

void QueryManager::dispatch(const QueryPtr& query) {
  query->markDispatched();
  query->output()->setState(QueryState::kPlanning);
  try {
    engine_->execute(query->session(), query->sql(), query->output());
  } catch (const PrestoException& e) {
    query->output()->fail(e);
  } catch (const std::exception& e) {
    query->output()->fail(PrestoException(errors::GENERIC_INTERNAL_ERROR, e.what()));
  }
}

void QueryManager::outputChanged(const QueryPtr& query) {
  query->outputChanged();
  if (query->output()->isComplete() && query->markCompleted() && query->isDispatched()) {
    {
      std::lock_guard lock(mutex_);
      --runningCount_;
    }
    dispatchQueued();
  }
}

void QueryManager::dispatchQueued() {
  while (true) {
    QueryPtr next;
    {
      std::lock_guard lock(mutex_);
      while (!queue_.empty() && queue_.front()->output()->isComplete()) {
        queue_.pop_front();
      }
      if (stopping_ || queue_.empty() || runningCount_ >= config_.maxConcurrentQueries) {
        return;
      }
      next = queue_.front();
      queue_.pop_front();
      ++runningCount_;
    }
    dispatch(next);
  }
}

void QueryManager::fetchResults(const std::string& queryId, const std::string& slug, int64_t token,
    std::optional<Duration> maxWait, FetchCallback callback) {
  QueryPtr query = findQuery(queryId);
  if (!query || query->slug() != slug) {
    callback(FetchStatus::kNotFound, ResultsBatch{});
    return;
  }
  auto wait = std::min(maxWait.value_or(config_.maxWait), config_.maxWait);
  query->fetch(token, Clock::now() + wait.toChrono(), std::move(callback));
}

bool QueryManager::cancelQuery(const std::string& queryId, const std::optional<std::string>& slug) {
  QueryPtr query = findQuery(queryId);
  if (!query || (slug && query->slug() != *slug)) {
    return false;
  }
  query->output()->abort(PrestoException(errors::USER_CANCELED, "Query was canceled"));
  return true;
}

std::vector<QueryInfo> QueryManager::listQueries() const {
  std::vector<QueryPtr> queries;
  {
    std::lock_guard lock(mutex_);
    for (const auto& id : order_) {
      auto it = queries_.find(id);
      if (it != queries_.end()) {
        queries.push_back(it->second);
      }
    }
  }
  std::vector<QueryInfo> infos;
  infos.reserve(queries.size());
  for (const auto& query : queries) {
    infos.push_back(query->info());
  }
  return infos;
}

std::optional<QueryInfo> QueryManager::queryInfo(const std::string& queryId) const {
  if (auto query = findQuery(queryId)) {
    return query->info();
  }
  return std::nullopt;
}

QueryPtr QueryManager::findQuery(const std::string& queryId) const {
  std::lock_guard lock(mutex_);
  auto it = queries_.find(queryId);
  return it == queries_.end() ? nullptr : it->second;
}

void QueryManager::shutDown(std::function<void()> onDrained) {
  {
    std::lock_guard lock(mutex_);
    if (nodeState_.load() == NodeState::kShuttingDown) {
      return;
    }
    onDrained_ = std::move(onDrained);
    nodeState_ = NodeState::kShuttingDown;
  }
  LOG_INFO("shutting down: no new queries; waiting for {} active queries", activeQueryCount());
}

int64_t QueryManager::activeQueryCount() const {
  std::vector<QueryPtr> queries;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, query] : queries_) {
      queries.push_back(query);
    }
  }
  auto now = std::chrono::system_clock::now();
  // A client that has not come back for the final reply of a finished query within a few seconds
  // does not hold up a shutdown.
  auto patience = std::min<std::chrono::nanoseconds>(config_.clientTimeout.toChrono(), kFinalReplyPatience);
  int64_t count = 0;
  for (const auto& query : queries) {
    count += query->isSettled(now, patience) ? 0 : 1;
  }
  return count;
}

std::chrono::nanoseconds QueryManager::executionTimeLimit(const Session& session) const {
  auto limit = config_.maxExecutionTime.toChrono();
  auto property = session.systemProperties.find("query_max_execution_time");
  if (property != session.systemProperties.end()) {
    try {
      // A session may only lower the configured limit.
      limit = std::min(limit, Duration::parse(property->second).toChrono());
    } catch (const PrestoException&) {
      // Malformed values are rejected by the engine's session property validation.
    }
  }
  return limit;
}

void QueryManager::scheduleChecks() {
  timers_.schedule(Clock::now() + config_.checkInterval.toChrono(), [this] {
    runChecks();
    scheduleChecks();
  });
}

void QueryManager::runChecks() {
  std::vector<QueryPtr> queries;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, query] : queries_) {
      queries.push_back(query);
    }
  }
  auto now = std::chrono::system_clock::now();
  for (const auto& query : queries) {
    const auto& output = query->output();
    if (output->isComplete()) {
      continue;
    }
    if (query->isAbandoned(now, config_.clientTimeout.toChrono())) {
      output->abort(PrestoException(errors::ABANDONED_QUERY,
          fmt::format("Query {} has not been accessed since {}", query->id(), config_.clientTimeout.toString())));
      continue;
    }
    auto dispatched = query->dispatchTime();
    auto limit = executionTimeLimit(query->session());
    if (dispatched && now - *dispatched > limit) {
      output->abort(PrestoException(errors::EXCEEDED_TIME_LIMIT,
          fmt::format("Query exceeded maximum time limit of {}", Duration(limit).toString())));
    }
  }

  // History: beyond query.max-history finished queries, drop those that ended before the horizon.
  std::function<void()> onDrained;
  {
    std::lock_guard lock(mutex_);
    auto horizon = now - config_.minExpireAge.toChrono();
    int64_t finished = 0;
    for (const auto& [id, query] : queries_) {
      finished += query->endTime() ? 1 : 0;
    }
    for (auto it = order_.begin(); it != order_.end() && finished > config_.maxHistory;) {
      auto found = queries_.find(*it);
      if (found == queries_.end()) {
        it = order_.erase(it);
        continue;
      }
      auto end = found->second->endTime();
      if (end && *end < horizon && found->second->isSettled(now, config_.clientTimeout.toChrono())) {
        queries_.erase(found);
        it = order_.erase(it);
        --finished;
      } else {
        ++it;
      }
    }
    if (nodeState_.load() == NodeState::kShuttingDown && onDrained_) {
      onDrained = std::move(onDrained_);
      onDrained_ = nullptr;
    }
  }
  if (onDrained) {
    if (activeQueryCount() == 0) {
      LOG_INFO("shutting down: all queries drained");
      onDrained();
    } else {
      std::lock_guard lock(mutex_);
      onDrained_ = std::move(onDrained);
    }
  }
}

} // namespace presto::server
