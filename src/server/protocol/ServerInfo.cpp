#include "server/protocol/ServerInfo.h"

#include <nlohmann/json.hpp>

#include "common/Duration.h"

namespace presto::server {
namespace {

using nlohmann::json;

std::string uptimeText(int64_t millis) {
  return Duration(std::chrono::milliseconds(millis)).toString();
}

} // namespace

std::string serializeServerInfo(const ServerInfo& info) {
  return json({{"nodeVersion", {{"version", info.version}}}, {"environment", info.environment},
                  {"coordinator", info.coordinator}, {"starting", info.starting}, {"uptime", uptimeText(info.uptimeMillis)}})
      .dump();
}

std::string serializeNodeStatus(const NodeStatus& status) {
  return json({{"nodeId", status.nodeId}, {"nodeVersion", {{"version", status.version}}},
                  {"environment", status.environment}, {"coordinator", status.coordinator},
                  {"uptime", uptimeText(status.uptimeMillis)}, {"externalAddress", status.internalUri},
                  {"internalAddress", status.internalUri}, {"processors", status.processors},
                  {"activeQueries", status.activeQueries}})
      .dump();
}

std::string serializeNodeList(const std::string& uri) {
  return json::array({{{"uri", uri}, {"recentRequests", 0.0}, {"recentFailures", 0.0}, {"recentSuccesses", 0.0},
                          {"age", "0.00s"}, {"recentFailureRatio", 0.0}, {"recentFailuresByType", json::object()}}})
      .dump();
}

std::string serializeJsonString(std::string_view text) {
  return json(std::string(text)).dump();
}

std::optional<std::string> parseJsonString(std::string_view body) {
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_string()) {
    return std::nullopt;
  }
  return parsed.get<std::string>();
}

} // namespace presto::server
