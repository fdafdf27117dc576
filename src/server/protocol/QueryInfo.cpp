#include "server/protocol/QueryInfo.h"

#include <nlohmann/json.hpp>

#include "type/DateTime.h"

namespace presto::server {
namespace {

using nlohmann::json;

/// Presto writes instants as ISO-8601 text.
std::string isoTime(int64_t millis) {
  std::string text = formatTimestamp(millis);
  text[10] = 'T';
  return text + "Z";
}

json infoToJson(const QueryInfo& info) {
  json session = {{"user", info.user}, {"source", info.source}};
  if (info.catalog) {
    session["catalog"] = *info.catalog;
  }
  if (info.schema) {
    session["schema"] = *info.schema;
  }
  json stats = {{"createTime", isoTime(info.createTime)}, {"lastHeartbeat", isoTime(info.lastHeartbeat)},
      {"elapsedTimeMillis", info.stats.elapsedTimeMillis}, {"queuedTimeMillis", info.stats.queuedTimeMillis},
      {"cpuTimeMillis", info.stats.cpuTimeMillis}, {"processedRows", info.stats.processedRows},
      {"processedBytes", info.stats.processedBytes}, {"peakMemoryBytes", info.stats.peakMemoryBytes},
      {"totalSplits", info.stats.totalSplits}, {"completedSplits", info.stats.completedSplits}};
  if (info.executionStartTime) {
    stats["executionStartTime"] = isoTime(*info.executionStartTime);
  }
  if (info.endTime) {
    stats["endTime"] = isoTime(*info.endTime);
  }
  json result = {{"queryId", info.queryId}, {"state", queryStateName(info.state)}, {"query", info.query},
      {"self", info.self}, {"session", std::move(session)}, {"queryStats", std::move(stats)},
      {"scheduled", info.stats.scheduled}};
  if (info.error) {
    result["errorCode"] = {{"code", info.error->errorCode}, {"name", info.error->errorName},
        {"type", info.error->errorType}, {"retriable", info.error->retriable}};
    result["errorType"] = info.error->errorType;
    result["failureInfo"] = {{"type", info.error->failureType}, {"message", info.error->message}};
  }
  return result;
}

} // namespace

std::string serializeQueryInfo(const QueryInfo& info) {
  return infoToJson(info).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string serializeQueryInfoList(const std::vector<QueryInfo>& infos) {
  json result = json::array();
  for (const auto& info : infos) {
    result.push_back(infoToJson(info));
  }
  return result.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace presto::server
