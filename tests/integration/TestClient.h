#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "client/ClientSession.h"
#include "client/StatementClient.h"

namespace presto::server::http {
class HttpClient;
}

namespace presto::integration {

/// What one statement produced over the client protocol.
struct ClientResult {
  std::string queryId;
  /// Names and type signatures (`decimal(15,2)`) of the result columns; empty for statements
  /// without columns.
  std::vector<cli::OutputColumn> columns;
  /// Every row, a JSON array with one value per column as the protocol encodes it (decimals,
  /// dates and timestamps as strings, varbinary as base64, rows as arrays, maps as objects).
  std::vector<nlohmann::json> rows;
  /// Set when the query failed: errorName (`DIVISION_BY_ZERO`), message, location.
  std::optional<client::QueryFailure> failure;
  /// `CREATE TABLE`, `INSERT`, `SET SESSION`... and the row count of data-changing statements.
  std::optional<std::string> updateType;
  std::optional<int64_t> updateCount;
  /// The statement ran past its timeout and was cancelled; `rows` holds what arrived until then.
  bool timedOut = false;
};

/// A client of one server through the statement client library (src/client), like the `presto`
/// CLI: every statement is posted with the session (user, catalog, schema, session properties,
/// prepared statements), and the session changes a finished statement reports (USE, SET SESSION,
/// PREPARE...) apply to the following ones. Not thread-safe: one TestClient per thread.
class TestClient {
 public:
  /// A client of `serverUrl` (`http://127.0.0.1:8080`) whose session starts in `catalog`.`schema`.
  explicit TestClient(const std::string& serverUrl, std::optional<std::string> catalog = "tpch",
      std::optional<std::string> schema = "tiny");
  ~TestClient();

  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  /// Runs `sql` until it finishes, fails or runs past `timeout` (then it is cancelled). Transport
  /// failures (the server is gone) throw PrestoException.
  ClientResult execute(const std::string& sql, std::chrono::milliseconds timeout = std::chrono::seconds(120));

  /// Runs `sql` and returns its rows; throws std::runtime_error when the query fails.
  std::vector<nlohmann::json> query(const std::string& sql);

  /// Posts `sql` and returns the statement for the caller to follow (`advance()`), e.g. to act on
  /// the cluster while it runs. REQUIRES: this client outlives the statement and runs no other
  /// statement until it is over.
  std::unique_ptr<client::StatementClient> start(const std::string& sql);

  client::ClientSession& session() { return session_; }

 private:
  client::ClientSession session_;
  std::unique_ptr<server::http::HttpClient> http_;
};

} // namespace presto::integration
