#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/coordinator/Query.h"
#include "server/coordinator/QueryEngine.h"
#include "server/coordinator/NodeLifecycle.h"
#include "server/coordinator/QueryManagerConfig.h"
#include "server/coordinator/TimerService.h"
#include "server/protocol/QueryId.h"

namespace presto::server {

/// Owns every query of the coordinator: admission (a queue bounded by
/// `query.max-concurrent-queries` and `query.max-queued-queries`), dispatch to the QueryEngine,
/// the results token protocol with long polling, cancellation, the client timeout
/// (ABANDONED_QUERY), the execution time limit (EXCEEDED_TIME_LIMIT), history retention
/// (`query.min-expire-age`, `query.max-history`) and draining for a graceful shutdown.
/// Knows nothing of HTTP: the resources in `server/resource` translate requests into these calls.
/// Thread-safe.
class QueryManager : public NodeLifecycle {
 public:
  using Clock = TimerService::Clock;

  QueryManager(QueryManagerConfig config, std::shared_ptr<QueryEngine> engine);
  ~QueryManager() override;

  QueryManager(const QueryManager&) = delete;
  QueryManager& operator=(const QueryManager&) = delete;

  /// Creates a query (its id is set in the returned reply and in the session) and queues or
  /// dispatches it. The reply is QUEUED with a next token, or FAILED without one when the query
  /// was rejected (QUERY_QUEUE_FULL, QUERY_TEXT_TOO_LARGE, SERVER_SHUTTING_DOWN).
  ResultsBatch createQuery(Session session, std::string sql);

  /// Answers `GET nextUri`: the reply `token` of the query, waiting up to `maxWait` (capped by the
  /// configuration) for results. The callback may run on any thread, possibly before this returns.
  void fetchResults(
      const std::string& queryId, const std::string& slug, int64_t token, std::optional<Duration> maxWait, FetchCallback callback);

  /// Cancels a query (USER_CANCELED, "Query was canceled"); false if there is no such query (or
  /// the slug does not match, when given). Canceling a finished query changes nothing.
  bool cancelQuery(const std::string& queryId, const std::optional<std::string>& slug = std::nullopt);

  /// Every query still in memory, oldest first.
  std::vector<QueryInfo> listQueries() const;
  std::optional<QueryInfo> queryInfo(const std::string& queryId) const;

  NodeState nodeState() const override { return nodeState_.load(); }
  /// Stops taking queries; once every query has ended and its client got the final reply (or
  /// went silent), `onDrained` runs once (on the manager's timer thread).
  void shutDown(std::function<void()> onDrained) override;
  /// Queries that are queued, running, or finished less than 5 s ago (or `query.client.timeout`,
  /// if shorter) without their client having got the final reply.
  int64_t activeQueryCount() const override;

  const QueryManagerConfig& config() const { return config_; }

 private:
  QueryPtr findQuery(const std::string& queryId) const;
  /// Runs as the listener of a query's output.
  void outputChanged(const QueryPtr& query);
  /// Starts queued queries while there is room.
  void dispatchQueued();
  void dispatch(const QueryPtr& query);
  /// The periodic checks: abandoned and overtime queries, expired history, drain completion.
  void runChecks();
  void scheduleChecks();
  std::chrono::nanoseconds executionTimeLimit(const Session& session) const;

  const QueryManagerConfig config_;
  std::shared_ptr<QueryEngine> engine_;
  QueryIdGenerator idGenerator_;
  std::atomic<NodeState> nodeState_{NodeState::kActive};

  mutable std::mutex mutex_;
  std::map<std::string, QueryPtr> queries_;
  /// Creation order, for listing and history expiry.
  std::deque<std::string> order_;
  std::deque<QueryPtr> queue_;
  int64_t runningCount_ = 0;
  std::function<void()> onDrained_;
  bool stopping_ = false;

  /// Declared last: destroyed first, so no timer callback outlives the members it uses.
  TimerService timers_;
};

} // namespace presto::server
