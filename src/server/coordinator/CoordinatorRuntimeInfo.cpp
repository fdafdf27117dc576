#include "server/coordinator/CoordinatorRuntimeInfo.h"

namespace presto::server {

std::vector<connector::NodeInfo> CoordinatorRuntimeInfo::nodes() const {
  connector::NodeInfo node = node_;
  node.state = queries_.nodeState() == NodeState::kActive ? "active" : "shutting_down";
  return {node};
}

std::vector<connector::QueryInfoRow> CoordinatorRuntimeInfo::queries() const {
  std::vector<connector::QueryInfoRow> rows;
  for (const auto& info : queries_.listQueries()) {
    connector::QueryInfoRow row;
    row.nodeId = node_.nodeId;
    row.queryId = info.queryId;
    row.state = std::string(queryStateName(info.state));
    row.user = info.user;
    row.source = info.source;
    row.query = info.query;
    row.queuedTimeMillis = info.stats.queuedTimeMillis;
    row.created = info.createTime;
    row.started = info.executionStartTime;
    row.lastHeartbeat = info.lastHeartbeat;
    row.end = info.endTime;
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace presto::server
