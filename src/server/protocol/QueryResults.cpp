#include "server/protocol/QueryResults.h"

#include <nlohmann/json.hpp>

#include "server/protocol/ClientTypeSignature.h"
#include "server/protocol/ValueJson.h"

namespace presto::server {
namespace {

using nlohmann::json;

json statsToJson(const StatementStats& stats) {
  return {{"state", queryStateName(stats.state)}, {"waitingForPrerequisites", false}, {"queued", stats.queued},
      {"scheduled", stats.scheduled}, {"nodes", stats.nodes}, {"totalSplits", stats.totalSplits},
      {"queuedSplits", stats.queuedSplits}, {"runningSplits", stats.runningSplits},
      {"completedSplits", stats.completedSplits}, {"cpuTimeMillis", stats.cpuTimeMillis},
      {"wallTimeMillis", stats.wallTimeMillis}, {"waitingForPrerequisitesTimeMillis", 0},
      {"queuedTimeMillis", stats.queuedTimeMillis}, {"elapsedTimeMillis", stats.elapsedTimeMillis},
      {"processedRows", stats.processedRows}, {"processedBytes", stats.processedBytes},
      {"peakMemoryBytes", stats.peakMemoryBytes}, {"peakTotalMemoryBytes", stats.peakMemoryBytes},
      {"peakTaskTotalMemoryBytes", stats.peakMemoryBytes}, {"spilledBytes", stats.spilledBytes}};
}

json errorToJson(const QueryError& error) {
  json failureInfo = {{"type", error.failureType}, {"message", error.message}, {"suppressed", json::array()},
      {"stack", json::array()}};
  json result = {{"message", error.message}, {"errorCode", error.errorCode}, {"errorName", error.errorName},
      {"errorType", error.errorType}, {"retriable", error.retriable}};
  if (error.location) {
    json location = {{"lineNumber", error.location->line}, {"columnNumber", error.location->column}};
    result["errorLocation"] = location;
    failureInfo["errorLocation"] = location;
  }
  result["failureInfo"] = std::move(failureInfo);
  return result;
}

json columnsToJson(const std::vector<Column>& columns) {
  json result = json::array();
  for (const auto& column : columns) {
    result.push_back(
        {{"name", column.name}, {"type", column.type->toString()}, {"typeSignature", clientTypeSignature(*column.type)}});
  }
  return result;
}

} // namespace

QueryError QueryError::fromException(const PrestoException& exception) {
  QueryError error;
  error.message = exception.what();
  error.errorCode = exception.errorCode().code;
  error.errorName = std::string(exception.errorCode().name);
  error.errorType = std::string(errorTypeName(exception.errorCode().type));
  error.retriable = isRetriable(exception.errorCode());
  error.location = exception.location();
  return error;
}

std::string serializeQueryResults(const QueryResults& results) {
  json out = {{"id", results.id}, {"infoUri", results.infoUri}};
  if (results.partialCancelUri) {
    out["partialCancelUri"] = *results.partialCancelUri;
  }
  if (results.nextUri) {
    out["nextUri"] = *results.nextUri;
  }
  if (results.columns) {
    out["columns"] = columnsToJson(*results.columns);
  }
  out["stats"] = statsToJson(results.stats);
  if (results.error) {
    out["error"] = errorToJson(*results.error);
  }
  out["warnings"] = json::array();
  if (results.updateType) {
    out["updateType"] = *results.updateType;
  }
  if (results.updateCount) {
    out["updateCount"] = *results.updateCount;
  }
  // Invalid UTF-8 in varchar data must not abort the reply; it is replaced, as Jackson does.
  std::string text = out.dump(-1, ' ', false, json::error_handler_t::replace);
  // Rows are written straight as text (a JSON tree per row costs more than the rest of the reply).
  std::string data = "[";
  for (const auto& page : results.data) {
    writePageRows(*page, data);
  }
  if (data.size() > 1) {
    text.pop_back();
    text += ",\"data\":";
    text += data;
    text += "]}";
  }
  return text;
}

std::string serializeQueryError(const QueryError& error) {
  return errorToJson(error).dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace presto::server
