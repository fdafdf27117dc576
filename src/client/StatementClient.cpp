#include "client/StatementClient.h"

#include <thread>

#include <nlohmann/json.hpp>

#include "common/Check.h"
#include "server/http/HttpClient.h"

namespace presto::client {
namespace {

using nlohmann::json;
using server::http::HttpHeaders;
using server::http::HttpResponse;

std::string encodeSession(const std::map<std::string, std::string>& values) {
  std::string text;
  for (const auto& [name, value] : values) {
    text += (text.empty() ? "" : ",") + name + "=" + server::http::percentEncode(value);
  }
  return text;
}

std::string encodePrepared(const std::map<std::string, std::string>& values) {
  std::string text;
  for (const auto& [name, sql] : values) {
    text += (text.empty() ? "" : ",") + server::http::percentEncode(name) + "=" + server::http::percentEncode(sql);
  }
  return text;
}

std::string targetOf(const std::string& uri) {
  auto url = server::http::Url::parse(uri);
  PRESTO_USER_CHECK(url, errors::REMOTE_HOST_GONE, "Server sent an invalid URI: {}", uri);
  return url->target;
}

/// 503 (and Trino's 502/504) mean "busy, retry shortly".
bool isBusy(int status) {
  return status == 502 || status == 503 || status == 504;
}

HttpResponse sendWithRetry(server::http::HttpClient& http, const std::string& method, const std::string& target,
    const HttpHeaders& headers, const std::string& body) {
  for (int attempt = 0;; ++attempt) {
    HttpResponse response = http.send(method, target, headers, body);
    if (!isBusy(response.status) || attempt >= 100) {
      return response;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void applySessionHeaders(const HttpHeaders& headers, ClientSession& session) {
  auto decoded = [](const std::string& text) { return server::http::percentDecode(text, true).value_or(text); };
  if (auto catalog = headers.get("X-Presto-Set-Catalog")) {
    session.catalog = *catalog;
  }
  if (auto schema = headers.get("X-Presto-Set-Schema")) {
    session.schema = *schema;
  }
  for (const auto& item : headers.getAll("X-Presto-Set-Session")) {
    size_t equals = item.find('=');
    if (equals != std::string::npos) {
      session.properties[item.substr(0, equals)] = decoded(item.substr(equals + 1));
    }
  }
  for (const auto& name : headers.getAll("X-Presto-Clear-Session")) {
    session.properties.erase(name);
  }
  for (const auto& item : headers.getAll("X-Presto-Added-Prepare")) {
    size_t equals = item.find('=');
    if (equals != std::string::npos) {
      session.preparedStatements[decoded(item.substr(0, equals))] = decoded(item.substr(equals + 1));
    }
  }
  for (const auto& name : headers.getAll("X-Presto-Deallocated-Prepare")) {
    session.preparedStatements.erase(decoded(name));
  }
}

} // namespace

StatementClient::StatementClient(server::http::HttpClient& http, ClientSession& session, const std::string& sql)
    : http_(http), session_(session) {
  HttpHeaders headers;
  headers.add("X-Presto-User", session.user);
  headers.add("X-Presto-Source", session.source);
  if (session.catalog) {
    headers.add("X-Presto-Catalog", *session.catalog);
  }
  if (session.schema) {
    headers.add("X-Presto-Schema", *session.schema);
  }
  if (session.timeZone) {
    headers.add("X-Presto-Time-Zone", *session.timeZone);
  }
  if (!session.clientInfo.empty()) {
    headers.add("X-Presto-Client-Info", session.clientInfo);
  }
  if (!session.properties.empty()) {
    headers.add("X-Presto-Session", encodeSession(session.properties));
  }
  if (!session.preparedStatements.empty()) {
    headers.add("X-Presto-Prepared-Statement", encodePrepared(session.preparedStatements));
  }
  auto url = server::http::Url::parse(session.server);
  std::string base = url && url->target != "/" ? url->target : "";
  HttpResponse response = sendWithRetry(http_, "POST", base + "/v1/statement", headers, sql);
  handleReply(response);
}

StatementClient::~StatementClient() = default;

bool StatementClient::isRunning() const {
  return nextUri_.has_value();
}

bool StatementClient::advance() {
  if (!nextUri_) {
    return false;
  }
  HttpResponse response = sendWithRetry(http_, "GET", targetOf(*nextUri_), {}, "");
  handleReply(response);
  return true;
}

void StatementClient::handleReply(const HttpResponse& response) {
  PRESTO_USER_CHECK(response.status == 200, errors::GENERIC_USER_ERROR, "Server error (HTTP {}): {}", response.status,
      response.body.empty() ? "no details" : response.body);
  json reply = json::parse(response.body, nullptr, false);
  PRESTO_USER_CHECK(reply.is_object(), errors::REMOTE_HOST_GONE, "Server sent invalid JSON");
  queryId_ = reply.value("id", queryId_);
  if (reply.contains("stats")) {
    const json& stats = reply["stats"];
    state_ = stats.value("state", state_);
    processedRows_ = stats.value("processedRows", processedRows_);
    elapsedMillis_ = stats.value("elapsedTimeMillis", elapsedMillis_);
    stats_.wallMillis = elapsedMillis_;
    stats_.processedRows = processedRows_;
    auto optionalCount = [&](const char* name, auto& field) {
      if (stats.contains(name) && stats[name].is_number_integer()) {
        field = stats[name].get<int64_t>();
      }
    };
    optionalCount("processedBytes", stats_.processedBytes);
    optionalCount("totalSplits", stats_.totalSplits);
    optionalCount("queuedSplits", stats_.queuedSplits);
    optionalCount("runningSplits", stats_.runningSplits);
    optionalCount("completedSplits", stats_.completedSplits);
    optionalCount("cpuTimeMillis", stats_.cpuMillis);
    if (stats.contains("nodes") && stats["nodes"].is_number_integer()) {
      stats_.nodes = stats["nodes"].get<int32_t>();
    }
  }
  if (reply.contains("columns") && !columns_) {
    std::vector<cli::OutputColumn> columns;
    for (const auto& column : reply["columns"]) {
      columns.push_back({column.value("name", ""), column.value("type", "")});
    }
    columns_ = std::move(columns);
  }
  if (reply.contains("data")) {
    for (auto& row : reply["data"]) {
      rows_.push_back(std::move(row));
    }
  }
  if (reply.contains("error")) {
    const json& error = reply["error"];
    QueryFailure failure;
    failure.message = error.value("message", "");
    failure.errorName = error.value("errorName", "");
    failure.errorType = error.value("errorType", "");
    failure.errorCode = error.value("errorCode", 0);
    if (error.contains("errorLocation")) {
      failure.location = {error["errorLocation"].value("lineNumber", 1), error["errorLocation"].value("columnNumber", 1)};
    }
    failure_ = std::move(failure);
  }
  if (reply.contains("updateType")) {
    updateType_ = reply["updateType"].get<std::string>();
  }
  if (reply.contains("updateCount")) {
    updateCount_ = reply["updateCount"].get<int64_t>();
  }
  nextUri_.reset();
  if (reply.contains("nextUri")) {
    nextUri_ = reply["nextUri"].get<std::string>();
  } else if (!failure_) {
    applySessionHeaders(response.headers, session_);
  }
}

std::vector<nlohmann::json> StatementClient::takeRows() {
  std::vector<nlohmann::json> rows;
  rows.swap(rows_);
  return rows;
}

void StatementClient::cancel() {
  if (nextUri_) {
    http_.send("DELETE", targetOf(*nextUri_));
    nextUri_.reset();
    state_ = "FAILED";
  }
}

} // namespace presto::client
