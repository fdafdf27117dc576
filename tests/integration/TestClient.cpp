#include "TestClient.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/Check.h"
#include "server/http/HttpClient.h"

namespace presto::integration {

TestClient::TestClient(const std::string& serverUrl, std::optional<std::string> catalog, std::optional<std::string> schema) {
  auto url = server::http::Url::parse(serverUrl);
  PRESTO_USER_CHECK(url, errors::INVALID_ARGUMENTS, "invalid server URL '{}'", serverUrl);
  session_.server = serverUrl;
  session_.user = "test";
  session_.source = "presto-integration-test";
  session_.catalog = std::move(catalog);
  session_.schema = std::move(schema);
  http_ = std::make_unique<server::http::HttpClient>(url->host, url->port);
}

TestClient::~TestClient() = default;

ClientResult TestClient::execute(const std::string& sql, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto started = start(sql);
  auto& statement = *started;
  ClientResult result;
  while (true) {
    for (auto& row : statement.takeRows()) {
      result.rows.push_back(std::move(row));
    }
    if (!statement.isRunning()) {
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      statement.cancel();
      result.timedOut = true;
      break;
    }
    statement.advance();
  }
  result.queryId = statement.queryId();
  if (statement.columns()) {
    result.columns = *statement.columns();
  }
  result.failure = statement.failure();
  result.updateType = statement.updateType();
  result.updateCount = statement.updateCount();
  return result;
}

std::unique_ptr<client::StatementClient> TestClient::start(const std::string& sql) {
  return std::make_unique<client::StatementClient>(*http_, session_, sql);
}

std::vector<nlohmann::json> TestClient::query(const std::string& sql) {
  ClientResult result = execute(sql);
  if (result.timedOut) {
    throw std::runtime_error("query timed out: " + sql);
  }
  if (result.failure) {
    throw std::runtime_error("query failed: " + sql + ": " + result.failure->errorName + ": " + result.failure->message);
  }
  return std::move(result.rows);
}

} // namespace presto::integration
