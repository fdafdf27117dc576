#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/protocol/TaskStatus.h"
#include "server/protocol/TaskUpdateRequest.h"

namespace presto::server {

/// What a task's drivers did so far (prestodb's TaskStats, abridged).
struct TaskStatsSummary {
  int64_t createTimeInMillis = 0;
  int64_t endTimeInMillis = 0;
  int64_t totalDrivers = 0;
  int64_t queuedDrivers = 0;
  int64_t runningDrivers = 0;
  int64_t completedDrivers = 0;
  int64_t totalScheduledTimeInNanos = 0;
  int64_t totalCpuTimeInNanos = 0;
  int64_t totalBlockedTimeInNanos = 0;
  /// Rows and bytes the table scans read.
  int64_t rawInputPositions = 0;
  int64_t rawInputDataSizeInBytes = 0;
  int64_t outputPositions = 0;
  int64_t outputDataSizeInBytes = 0;
  int64_t userMemoryReservationInBytes = 0;
  int64_t peakTotalMemoryInBytes = 0;
};

/// The state of a task's output buffers (prestodb's OutputBufferInfo, abridged).
struct OutputBufferSummary {
  OutputBuffers::Type type = OutputBuffers::Type::kArbitrary;
  /// `OPEN` (pages may still come), `FINISHED` (all sent and acknowledged) or `FAILED` (the task
  /// ended abnormally, pages were dropped).
  std::string state = "OPEN";
  int32_t numBuffers = 1;
  int64_t totalBufferedBytes = 0;
  int64_t totalPagesSent = 0;
  int64_t totalRowsSent = 0;
};

/// The reply of `POST /v1/task/{taskId}`, `GET /v1/task/{taskId}` and `DELETE /v1/task/{taskId}`:
///
///   {"taskId", "taskStatus": {TaskStatus}, "lastHeartbeatInMillis", "outputBuffers": {"type",
///    "state", "numBuffers", "totalBufferedBytes", "totalPagesSent", "totalRowsSent"},
///    "noMoreSplits": ["7"], "stats": {TaskStatsSummary fields}, "needsPlan", "nodeId"}
struct TaskInfo {
  std::string taskId;
  TaskStatus taskStatus;
  /// When a coordinator last asked about the task (milliseconds since the epoch).
  int64_t lastHeartbeatInMillis = 0;
  OutputBufferSummary outputBuffers;
  /// Plan node ids of the sources closed by `noMoreSplits`.
  std::vector<std::string> noMoreSplits;
  TaskStatsSummary stats;
  /// True until an update brought the fragment.
  bool needsPlan = false;
  std::string nodeId;
};

std::string serializeTaskInfo(const TaskInfo& info);
/// `GET /v1/task`: a JSON array of TaskInfo.
std::string serializeTaskInfos(const std::vector<TaskInfo>& infos);
/// Reads what serializeTaskInfo() wrote; malformed input is GENERIC_INTERNAL_ERROR
/// `Malformed task info: ...`.
TaskInfo parseTaskInfo(std::string_view json);
/// Reads what serializeTaskInfos() wrote.
std::vector<TaskInfo> parseTaskInfos(std::string_view json);

} // namespace presto::server
