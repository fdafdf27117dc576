#include "server/main/ClusterRuntimeInfo.h"

#include "common/PrestoException.h"
#include "server/http/HttpClient.h"
#include "server/protocol/TaskInfo.h"

namespace presto::server {
namespace {

/// `query.stage.stageExecution.task.attempt` (or `query.stage.task`): the query and stage ids.
connector::TaskInfoRow taskRow(const std::string& nodeId, const TaskInfo& info) {
  connector::TaskInfoRow row;
  row.nodeId = nodeId;
  row.taskId = info.taskId;
  auto firstDot = info.taskId.find('.');
  row.queryId = info.taskId.substr(0, firstDot);
  if (firstDot != std::string::npos) {
    auto secondDot = info.taskId.find('.', firstDot + 1);
    row.stageId = info.taskId.substr(0, secondDot);
    row.stageExecutionId = row.stageId + ".0";
  }
  row.state = std::string(taskStateName(info.taskStatus.state));
  const auto& stats = info.stats;
  row.splits = stats.totalDrivers;
  row.queuedSplits = stats.queuedDrivers;
  row.runningSplits = stats.runningDrivers;
  row.completedSplits = stats.completedDrivers;
  row.splitScheduledTimeMillis = stats.totalScheduledTimeInNanos / 1'000'000;
  row.splitCpuTimeMillis = stats.totalCpuTimeInNanos / 1'000'000;
  row.splitBlockedTimeMillis = stats.totalBlockedTimeInNanos / 1'000'000;
  row.rawInputBytes = stats.rawInputDataSizeInBytes;
  row.rawInputRows = stats.rawInputPositions;
  row.processedInputBytes = stats.rawInputDataSizeInBytes;
  row.processedInputRows = stats.rawInputPositions;
  row.outputBytes = stats.outputDataSizeInBytes;
  row.outputRows = stats.outputPositions;
  row.created = stats.createTimeInMillis;
  row.lastHeartbeat = info.lastHeartbeatInMillis;
  if (stats.endTimeInMillis > 0) {
    row.end = stats.endTimeInMillis;
  }
  return row;
}

} // namespace

std::vector<connector::NodeInfo> ClusterRuntimeInfo::nodes() const {
  std::vector<connector::NodeInfo> rows;
  for (const auto& node : nodes_->allNodes()) {
    rows.push_back({node.nodeId, node.uri, node.version, node.coordinator,
        std::string(discovery::clusterNodeStateName(node.state))});
  }
  return rows;
}

std::vector<connector::TaskInfoRow> ClusterRuntimeInfo::tasks() const {
  std::vector<connector::TaskInfoRow> rows;
  for (const auto& node : nodes_->activeNodes()) {
    auto url = http::Url::parse(node.uri + "/v1/task");
    if (!url) {
      continue;
    }
    try {
      http::HttpClient client(url->host, url->port, Duration(std::chrono::seconds(5)));
      http::HttpHeaders headers;
      if (authentication_) {
        authentication_->sign(headers);
      }
      auto response = client.send("GET", url->target, headers, "");
      if (response.status != 200) {
        continue;
      }
      for (const auto& info : parseTaskInfos(response.body)) {
        rows.push_back(taskRow(node.nodeId, info));
      }
    } catch (const std::exception&) {
      // A node that does not answer has no rows; the failure detector reports it.
    }
  }
  return rows;
}

} // namespace presto::server
