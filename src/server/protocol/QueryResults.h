#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/PrestoException.h"
#include "server/protocol/QueryState.h"
#include "type/Type.h"
#include "vector/Page.h"

namespace presto::server {

/// A result column: its name and type (written with its display name and `typeSignature`).
struct Column {
  std::string name;
  TypePtr type;
};

/// Progress figures of a query (`stats` in every QueryResults).
struct StatementStats {
  QueryState state = QueryState::kQueued;
  bool queued = true;
  bool scheduled = false;
  int32_t nodes = 0;
  int32_t totalSplits = 0;
  int32_t queuedSplits = 0;
  int32_t runningSplits = 0;
  int32_t completedSplits = 0;
  int64_t cpuTimeMillis = 0;
  int64_t wallTimeMillis = 0;
  int64_t queuedTimeMillis = 0;
  int64_t elapsedTimeMillis = 0;
  int64_t processedRows = 0;
  int64_t processedBytes = 0;
  int64_t peakMemoryBytes = 0;
  int64_t spilledBytes = 0;
};

/// A failure as the client sees it: code, name and type from the PrestoException, and the
/// 1-based location in the SQL text when there is one.
struct QueryError {
  std::string message;
  int32_t errorCode = 0;
  std::string errorName;
  std::string errorType;
  bool retriable = false;
  std::optional<SourceLocation> location;
  /// The exception class name reported in `failureInfo.type`.
  std::string failureType = "com.facebook.presto.spi.PrestoException";

  static QueryError fromException(const PrestoException& exception);
};

/// One reply of the statement protocol (`POST /v1/statement`, `GET nextUri`). Rows are kept as
/// pages until serialization so that the coordinator never touches JSON.
struct QueryResults {
  std::string id;
  std::string infoUri;
  std::optional<std::string> partialCancelUri;
  std::optional<std::string> nextUri;
  /// Present once the query is planned (and repeated in every later reply).
  std::optional<std::vector<Column>> columns;
  /// Rows of this reply; `data` is written only when they hold at least one row.
  std::vector<PagePtr> data;
  StatementStats stats;
  std::optional<QueryError> error;
  std::optional<std::string> updateType;
  std::optional<int64_t> updateCount;
};

/// The JSON text of a QueryResults reply.
std::string serializeQueryResults(const QueryResults& results);

/// The JSON object of a QueryError (also used inside query summaries).
std::string serializeQueryError(const QueryError& error);

} // namespace presto::server
