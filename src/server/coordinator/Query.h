#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "server/coordinator/QueryManagerConfig.h"
#include "server/coordinator/QueryOutput.h"
#include "server/coordinator/Session.h"
#include "server/coordinator/TimerService.h"
#include "server/protocol/QueryInfo.h"

namespace presto::server {

/// One reply's worth of a query's results, before it is given URIs and turned into JSON.
struct ResultsBatch {
  std::string queryId;
  std::string slug;
  /// The token of this reply; the client asks for `token + 1` next.
  int64_t token = 0;
  /// Whether there is a next reply (absent `nextUri` means the query is over for the client).
  bool hasNext = false;
  std::optional<std::vector<Column>> columns;
  std::vector<PagePtr> pages;
  StatementStats stats;
  std::optional<QueryError> error;
  std::optional<std::string> updateType;
  std::optional<int64_t> updateCount;
  /// Session changes, reported with the final reply only.
  SessionUpdates sessionUpdates;
  /// Copied from the session: answer with `X-Trino-*` headers.
  bool trinoProtocol = false;
};

/// How a request for results went: answered, unknown query (404), or a token that is no longer
/// (or not yet) valid (410).
enum class FetchStatus { kOk, kNotFound, kGone };

using FetchCallback = std::function<void(FetchStatus, ResultsBatch)>;

/// A query as the coordinator tracks it: identity, session, its QueryOutput, the results token
/// protocol, and at most one waiting long-poll request. Thread-safe.
///
/// Tokens: the reply with token N is kept until the client asks for N + 1, so a lost reply can be
/// asked for again; any other token is gone. A long poll for N + 1 returns as soon as the query is
/// over, a reply's worth of data is buffered, data has lingered briefly, or its deadline passes.
class Query : public std::enable_shared_from_this<Query> {
 public:
  using Clock = TimerService::Clock;

  Query(std::string id, std::string slug, Session session, std::string sql, const QueryManagerConfig& config,
      TimerService& timers);

  const std::string& id() const { return id_; }
  const std::string& slug() const { return slug_; }
  const Session& session() const { return session_; }
  const std::string& sql() const { return sql_; }
  const std::shared_ptr<QueryOutput>& output() const { return output_; }

  /// The reply to `POST /v1/statement` (token 0).
  ResultsBatch initialResults();
  /// Answers a request for the reply `token`, now or when ready (the callback may run on any thread).
  void fetch(int64_t token, Clock::time_point deadline, FetchCallback callback);
  /// Called by the output's listener after every change.
  void outputChanged();

  /// Records that the engine got the query.
  void markDispatched();
  /// Records that the engine is done with the query; returns true the first time.
  bool markCompleted();

  bool isDispatched() const;
  std::optional<std::chrono::system_clock::time_point> dispatchTime() const;
  std::optional<std::chrono::system_clock::time_point> endTime() const;
  /// Whether the client has been silent longer than `timeout` (never while a long poll waits).
  bool isAbandoned(std::chrono::system_clock::time_point now, std::chrono::nanoseconds timeout) const;
  /// Whether the client received the final reply, or went silent afterwards.
  bool isSettled(std::chrono::system_clock::time_point now, std::chrono::nanoseconds timeout) const;

  QueryInfo info() const;

 private:
  struct Waiter {
    uint64_t id;
    int64_t token;
    FetchCallback callback;
    uint64_t deadlineTimer;
  };

  bool isReadyLocked(Clock::time_point now) const;
  ResultsBatch buildBatchLocked(int64_t token);
  StatementStats statsLocked() const;
  /// Completes the waiter if it is still `waiterId` (0: any) and `force` or ready.
  void completeWaiter(uint64_t waiterId, bool force);
  void scheduleLingerLocked();

  const std::string id_;
  const std::string slug_;
  const Session session_;
  const std::string sql_;
  const QueryManagerConfig& config_;
  TimerService& timers_;
  const std::shared_ptr<QueryOutput> output_;
  const std::chrono::system_clock::time_point createTime_;

  mutable std::mutex mutex_;
  std::optional<std::chrono::system_clock::time_point> dispatchTime_;
  std::optional<std::chrono::system_clock::time_point> endTime_;
  /// Whether markCompleted() ran (the end time may be set earlier, by the final reply).
  bool completionRecorded_ = false;
  std::chrono::system_clock::time_point lastAccess_;
  int64_t lastToken_ = -1;
  std::optional<ResultsBatch> lastBatch_;
  bool finalDelivered_ = false;
  std::optional<Waiter> waiter_;
  uint64_t nextWaiterId_ = 1;
  std::optional<Clock::time_point> dataSince_;
  /// Set by buildBatchLocked when taking pages made room for the producer; run after unlocking.
  std::function<void()> resumeProducer_;
};

using QueryPtr = std::shared_ptr<Query>;

} // namespace presto::server
