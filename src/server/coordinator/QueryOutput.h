#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/PrestoException.h"
#include "server/coordinator/Session.h"
#include "server/protocol/QueryResults.h"

namespace presto::server {

/// Progress figures an engine reports while a query runs.
struct QueryProgress {
  int32_t nodes = 0;
  int32_t totalSplits = 0;
  int32_t queuedSplits = 0;
  int32_t runningSplits = 0;
  int32_t completedSplits = 0;
  int64_t cpuTimeMillis = 0;
  int64_t processedRows = 0;
  int64_t processedBytes = 0;
  int64_t peakMemoryBytes = 0;
};

/// The channel between an engine running one query and the coordinator serving its client.
/// The engine (producer) reports state, columns, pages, progress and the outcome from any thread;
/// the coordinator (consumer) takes pages as the client asks for them. Thread-safe; no call
/// blocks. Pages are buffered up to a byte limit: `addPage` returns false once the buffer is
/// full, and the engine should then wait for `onBufferAvailable` before producing more (the
/// client's pace becomes the query's pace).
///
/// Outcome rules: the first of `finish()`, `fail()` or `abort()` wins; anything the engine
/// reports afterwards is ignored. A failed query's buffered pages are dropped.
class QueryOutput {
 public:
  explicit QueryOutput(uint64_t bufferLimitBytes = 16 << 20) : bufferLimitBytes_(bufferLimitBytes) {}

  QueryOutput(const QueryOutput&) = delete;
  QueryOutput& operator=(const QueryOutput&) = delete;

  // ---- Producer side (the engine) ----

  /// Moves the query forward to PLANNING, STARTING, RUNNING or FINISHING; backward moves and
  /// final states are ignored (use finish/fail).
  void setState(QueryState state);
  /// The result columns, once planned. REQUIRES: before the first page.
  void setColumns(std::vector<Column> columns);
  /// Appends a page of results; returns false when the buffer is full after this page.
  bool addPage(PagePtr page);
  /// For INSERT/DDL/SET...: the update type (`INSERT`, `SET SESSION`) and the row count if any.
  void setUpdate(std::string updateType, std::optional<int64_t> updateCount);
  void setSessionUpdates(SessionUpdates updates);
  void setProgress(const QueryProgress& progress);
  /// The query produced everything; it is FINISHED once its buffered pages are consumed.
  void finish();
  /// The query failed.
  void fail(const PrestoException& error);
  /// Whether the coordinator gave up on the query (canceled, abandoned, timed out); an engine
  /// should stop working on it.
  bool isAborted() const;
  /// `callback` runs once when the query is aborted (at once if it already is); engines use it
  /// to cancel their tasks. It must not call back into this object's consumer side.
  void onAbort(std::function<void()> callback);
  /// `callback` runs once when the buffer drops below its limit (at once if it is below).
  void onBufferAvailable(std::function<void()> callback);

  // ---- Consumer side (the coordinator) ----

  /// Called (without locks held) after every change a consumer may care about.
  void setListener(std::function<void()> listener);
  /// Ends the query with `error` unless it already ended, and tells the engine.
  void abort(const PrestoException& error);

  /// The engine's state; FINISHED only once the engine finished and every page was taken.
  QueryState state() const;
  std::optional<std::vector<Column>> columns() const;
  /// Pages removed from the buffer, and the producer's `onBufferAvailable` callback if taking them
  /// made room. The consumer runs `resumeProducer` after releasing its own locks (the producer may
  /// call straight back into this object and so into the consumer's listener).
  struct TakenPages {
    std::vector<PagePtr> pages;
    std::function<void()> resumeProducer;
  };
  /// Removes buffered pages, at least one if any, until about `maxBytes`.
  TakenPages takePages(uint64_t maxBytes);
  uint64_t bufferedBytes() const;
  bool hasPages() const;
  /// True once the engine finished or failed, or the query was aborted.
  bool isComplete() const;
  std::optional<PrestoException> failure() const;
  std::optional<std::string> updateType() const;
  std::optional<int64_t> updateCount() const;
  SessionUpdates sessionUpdates() const;
  QueryProgress progress() const;

 private:
  void notify();
  std::function<void()> takeBufferCallbackIfAvailable();

  const uint64_t bufferLimitBytes_;
  mutable std::mutex mutex_;
  QueryState state_ = QueryState::kQueued;
  std::optional<std::vector<Column>> columns_;
  std::deque<std::pair<PagePtr, uint64_t>> pages_;
  uint64_t bufferedBytes_ = 0;
  bool complete_ = false;
  bool aborted_ = false;
  std::optional<PrestoException> failure_;
  std::optional<std::string> updateType_;
  std::optional<int64_t> updateCount_;
  SessionUpdates sessionUpdates_;
  QueryProgress progress_;
  std::function<void()> listener_;
  std::function<void()> abortCallback_;
  std::function<void()> bufferCallback_;
};

} // namespace presto::server
