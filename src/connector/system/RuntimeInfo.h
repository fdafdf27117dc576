#pragma once

#include <optional>
#include <string>
#include <vector>

namespace presto::connector {

/// A node as `system.runtime.nodes` shows it.
struct NodeInfo {
  std::string nodeId;
  std::string httpUri;
  std::string nodeVersion;
  bool coordinator = false;
  /// `active`, `inactive` or `shutting_down`.
  std::string state;
};

/// A query as `system.runtime.queries` shows it. Times are milliseconds since the epoch.
struct QueryInfoRow {
  std::string nodeId;
  std::string queryId;
  std::string state;
  std::string user;
  std::string source;
  std::string query;
  int64_t queuedTimeMillis = 0;
  int64_t analysisTimeMillis = 0;
  int64_t distributedPlanningTimeMillis = 0;
  std::optional<int64_t> created;
  std::optional<int64_t> started;
  std::optional<int64_t> lastHeartbeat;
  std::optional<int64_t> end;
};

/// A task as `system.runtime.tasks` shows it.
struct TaskInfoRow {
  std::string nodeId;
  std::string taskId;
  std::string stageExecutionId;
  std::string stageId;
  std::string queryId;
  std::string state;
  int64_t splits = 0;
  int64_t queuedSplits = 0;
  int64_t runningSplits = 0;
  int64_t completedSplits = 0;
  int64_t splitScheduledTimeMillis = 0;
  int64_t splitCpuTimeMillis = 0;
  int64_t splitBlockedTimeMillis = 0;
  int64_t rawInputBytes = 0;
  int64_t rawInputRows = 0;
  int64_t processedInputBytes = 0;
  int64_t processedInputRows = 0;
  int64_t outputBytes = 0;
  int64_t outputRows = 0;
  int64_t physicalWrittenBytes = 0;
  std::optional<int64_t> created;
  std::optional<int64_t> start;
  std::optional<int64_t> lastHeartbeat;
  std::optional<int64_t> end;
};

/// Where the runtime system tables get their rows: implemented by the node and query managers of
/// the process that hosts the `system` catalog.
class RuntimeInfoSource {
 public:
  virtual ~RuntimeInfoSource() = default;
  virtual std::vector<NodeInfo> nodes() const = 0;
  virtual std::vector<QueryInfoRow> queries() const = 0;
  virtual std::vector<TaskInfoRow> tasks() const = 0;
};

} // namespace presto::connector
