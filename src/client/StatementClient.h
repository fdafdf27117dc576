#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "client/ClientSession.h"
#include "client/cli/OutputFormat.h"
#include "client/cli/StatementReport.h"

#include "server/http/HttpMessage.h"

namespace presto::server::http {
class HttpClient;
}

namespace presto::client {

/// A failed query as the server reported it.
struct QueryFailure {
  std::string message;
  std::string errorName;
  std::string errorType;
  int32_t errorCode = 0;
  /// 1-based line and column, when the error is about the SQL text.
  std::optional<std::pair<int32_t, int32_t>> location;
};

/// Runs one statement over the client REST protocol: POST `/v1/statement`, then follow `nextUri`
/// until it is absent, collecting columns and rows (as the protocol's JSON values). When the
/// statement finishes, the session changes in the reply headers are applied to the session.
/// Transport errors throw PrestoException; a failed query is reported through `failure()`.
class StatementClient {
 public:
  /// Posts `sql`. REQUIRES: `http` talks to `session.server`; both outlive this object.
  StatementClient(server::http::HttpClient& http, ClientSession& session, const std::string& sql);
  ~StatementClient();

  /// Fetches the next reply; false once the query is over (then nothing more will arrive).
  bool advance();
  /// Whether there is a next reply to fetch.
  bool isRunning() const;

  const std::string& queryId() const { return queryId_; }
  /// The state in the last reply: QUEUED, RUNNING, FINISHED, FAILED, ...
  const std::string& state() const { return state_; }
  /// The result columns, once the server sent them.
  const std::optional<std::vector<cli::OutputColumn>>& columns() const { return columns_; }
  /// Rows received since the last call.
  std::vector<nlohmann::json> takeRows();
  const std::optional<QueryFailure>& failure() const { return failure_; }
  const std::optional<std::string>& updateType() const { return updateType_; }
  const std::optional<int64_t>& updateCount() const { return updateCount_; }
  /// Processed rows and elapsed milliseconds from the last reply's stats.
  int64_t processedRows() const { return processedRows_; }
  int64_t elapsedMillis() const { return elapsedMillis_; }
  /// The last reply's statistics: nodes, splits, CPU and elapsed time, rows and bytes processed.
  const cli::StatementStats& stats() const { return stats_; }

  /// Cancels the query (DELETE nextUri); no effect once it is over.
  void cancel();

 private:
  void handleReply(const server::http::HttpResponse& response);

  server::http::HttpClient& http_;
  ClientSession& session_;
  std::string queryId_;
  std::string state_;
  std::optional<std::string> nextUri_;
  std::optional<std::vector<cli::OutputColumn>> columns_;
  std::vector<nlohmann::json> rows_;
  std::optional<QueryFailure> failure_;
  std::optional<std::string> updateType_;
  std::optional<int64_t> updateCount_;
  int64_t processedRows_ = 0;
  int64_t elapsedMillis_ = 0;
  cli::StatementStats stats_;
};

} // namespace presto::client
