#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/PrestoException.h"

namespace presto::server {

/// A failure as task status reports it (prestodb's ExecutionFailureInfo, abridged):
/// `{"type", "message", "errorCode": {"code", "name", "type", "retriable"}, "suppressed": [], "stack": []}`.
struct ExecutionFailure {
  /// The exception class (`PrestoException`).
  std::string type = "PrestoException";
  std::string message;
  int32_t errorCode = 0;
  /// `DIVISION_BY_ZERO`.
  std::string errorName;
  /// `USER_ERROR`, `INTERNAL_ERROR`, `INSUFFICIENT_RESOURCES` or `EXTERNAL`.
  std::string errorType;
  bool retriable = false;

  /// The failure an exception stands for; anything but a PrestoException is a
  /// GENERIC_INTERNAL_ERROR.
  static ExecutionFailure of(const std::exception_ptr& error);
  /// The error again, with its remote code (which this process need not know); an unusable code
  /// makes it REMOTE_TASK_ERROR.
  PrestoException toException() const;
};

/// What a coordinator polls a task for (`GET /v1/task/{taskId}/status`, long-polled):
///
///   {"taskId", "taskInstanceId", "version", "state", "self", "failures": [...],
///    "queuedPartitionedDrivers", "runningPartitionedDrivers", "memoryReservationInBytes",
///    "systemMemoryReservationInBytes", "peakNodeTotalMemoryReservationInBytes"}
///
/// prestodb splits the instance id into `taskInstanceIdLeast/MostSignificantBits`; here it is the
/// UUID text the results endpoints send as `X-Presto-Task-Instance-Id`.
struct TaskStatus {
  /// PLANNED -> RUNNING -> FINISHED | CANCELED | ABORTED | FAILED.
  enum class State { kPlanned, kRunning, kFinished, kCanceled, kAborted, kFailed };

  std::string taskId;
  std::string taskInstanceId;
  /// Grows whenever the status changes (a new state, an applied update).
  int64_t version = 0;
  State state = State::kPlanned;
  /// The task's URI: `http://host:port/v1/task/{taskId}`.
  std::string self;
  std::vector<ExecutionFailure> failures;
  int64_t queuedPartitionedDrivers = 0;
  int64_t runningPartitionedDrivers = 0;
  int64_t memoryReservationInBytes = 0;
  int64_t systemMemoryReservationInBytes = 0;
  int64_t peakNodeTotalMemoryReservationInBytes = 0;
};

/// `PLANNED`, `RUNNING`, `FINISHED`, `CANCELED`, `ABORTED` or `FAILED`.
std::string_view taskStateName(TaskStatus::State state);
/// The state of that name; nullopt for any other text.
std::optional<TaskStatus::State> parseTaskState(std::string_view name);
/// FINISHED, CANCELED, ABORTED and FAILED: the state will not change any more.
bool isDone(TaskStatus::State state);

std::string serializeTaskStatus(const TaskStatus& status);
/// Reads what serializeTaskStatus() wrote; malformed input is GENERIC_INTERNAL_ERROR
/// `Malformed task status: ...`.
TaskStatus parseTaskStatus(std::string_view json);

} // namespace presto::server
