#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/protocol/QueryResults.h"

namespace presto::server {

/// What `GET /v1/query` and `GET /v1/query/{id}` report about a query (a subset of Presto's
/// BasicQueryInfo / QueryInfo). Times are milliseconds since the epoch.
struct QueryInfo {
  std::string queryId;
  QueryState state = QueryState::kQueued;
  std::string query;
  std::string user;
  std::string source;
  std::optional<std::string> catalog;
  std::optional<std::string> schema;
  std::string self;
  int64_t createTime = 0;
  std::optional<int64_t> executionStartTime;
  std::optional<int64_t> endTime;
  int64_t lastHeartbeat = 0;
  StatementStats stats;
  std::optional<QueryError> error;
};

/// `{"queryId":..., "state":..., "query":..., "session":{"user":...}, "queryStats":{...}, ...}`.
std::string serializeQueryInfo(const QueryInfo& info);
/// A JSON array of query infos.
std::string serializeQueryInfoList(const std::vector<QueryInfo>& infos);

} // namespace presto::server
