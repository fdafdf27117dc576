#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace presto::server {

/// `GET /v1/info`: `{"nodeVersion":{"version":...},"environment":...,"coordinator":true,"starting":false,"uptime":"1.50m"}`.
struct ServerInfo {
  std::string version;
  std::string environment;
  bool coordinator = true;
  bool starting = false;
  int64_t uptimeMillis = 0;
};

/// `GET /v1/status`: a subset of Presto's NodeStatus.
struct NodeStatus {
  std::string nodeId;
  std::string version;
  std::string environment;
  bool coordinator = true;
  std::string internalUri;
  int64_t uptimeMillis = 0;
  int32_t processors = 1;
  int64_t activeQueries = 0;
};

std::string serializeServerInfo(const ServerInfo& info);
std::string serializeNodeStatus(const NodeStatus& status);
/// `GET /v1/node`: one entry for the node at `uri` with zero failure counters (there is no failure
/// detector before workers exist).
std::string serializeNodeList(const std::string& uri);

/// A JSON string literal: `"ACTIVE"` (the body of `GET /v1/info/state`).
std::string serializeJsonString(std::string_view text);
/// Decodes a body that must be a JSON string (`PUT /v1/info/state` sends `"SHUTTING_DOWN"`);
/// nullopt if it is not one.
std::optional<std::string> parseJsonString(std::string_view body);

} // namespace presto::server
