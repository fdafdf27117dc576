#include "server/protocol/TaskStatus.h"

#include <array>

#include "common/PrestoException.h"
#include "server/protocol/RemoteError.h"
#include "server/protocol/TaskStatusJson.h"

namespace presto::server {
namespace {

using Json = JsonFields::Json;

constexpr std::array<std::pair<TaskStatus::State, std::string_view>, 6> kStates = {{
    {TaskStatus::State::kPlanned, "PLANNED"},
    {TaskStatus::State::kRunning, "RUNNING"},
    {TaskStatus::State::kFinished, "FINISHED"},
    {TaskStatus::State::kCanceled, "CANCELED"},
    {TaskStatus::State::kAborted, "ABORTED"},
    {TaskStatus::State::kFailed, "FAILED"},
}};

constexpr std::string_view kMessage = "task status";

Json failureToJson(const ExecutionFailure& failure) {
  return {{"type", failure.type}, {"message", failure.message},
      {"errorCode", {{"code", failure.errorCode}, {"name", failure.errorName}, {"type", failure.errorType},
                        {"retriable", failure.retriable}}},
      {"suppressed", Json::array()}, {"stack", Json::array()}};
}

ExecutionFailure failureFromJson(const JsonFields& fields) {
  ExecutionFailure failure;
  failure.type = fields.optionalString("type").value_or("PrestoException");
  failure.message = fields.optionalString("message").value_or("");
  auto code = fields.object("errorCode");
  failure.errorCode = static_cast<int32_t>(code.integer("code"));
  failure.errorName = code.string("name");
  failure.errorType = code.string("type");
  failure.retriable = code.boolean("retriable", false);
  return failure;
}

} // namespace

ExecutionFailure ExecutionFailure::of(const std::exception_ptr& error) {
  ErrorCode code = errors::GENERIC_INTERNAL_ERROR;
  ExecutionFailure failure;
  try {
    std::rethrow_exception(error);
  } catch (const PrestoException& exception) {
    code = exception.errorCode();
    failure.message = exception.what();
  } catch (const std::exception& exception) {
    failure.type = "std::exception";
    failure.message = exception.what();
  } catch (...) {
    failure.type = "unknown";
    failure.message = "Unknown error";
  }
  failure.errorCode = code.code;
  failure.errorName = std::string(code.name);
  failure.errorType = std::string(errorTypeName(code.type));
  failure.retriable = isRetriable(code);
  return failure;
}

PrestoException ExecutionFailure::toException() const {
  if (auto code = remoteErrorCode(errorCode, errorName, errorType)) {
    return PrestoException(*code, message);
  }
  return PrestoException(errors::REMOTE_TASK_ERROR, "Remote task failed: " + message);
}

std::string_view taskStateName(TaskStatus::State state) {
  for (const auto& [candidate, name] : kStates) {
    if (candidate == state) {
      return name;
    }
  }
  return "UNKNOWN";
}

std::optional<TaskStatus::State> parseTaskState(std::string_view name) {
  for (const auto& [state, candidate] : kStates) {
    if (candidate == name) {
      return state;
    }
  }
  return std::nullopt;
}

bool isDone(TaskStatus::State state) {
  return state != TaskStatus::State::kPlanned && state != TaskStatus::State::kRunning;
}

Json taskStatusToJson(const TaskStatus& status) {
  Json failures = Json::array();
  for (const auto& failure : status.failures) {
    failures.push_back(failureToJson(failure));
  }
  return {{"taskId", status.taskId}, {"taskInstanceId", status.taskInstanceId}, {"version", status.version},
      {"state", taskStateName(status.state)}, {"self", status.self}, {"failures", std::move(failures)},
      {"queuedPartitionedDrivers", status.queuedPartitionedDrivers},
      {"runningPartitionedDrivers", status.runningPartitionedDrivers},
      {"memoryReservationInBytes", status.memoryReservationInBytes},
      {"systemMemoryReservationInBytes", status.systemMemoryReservationInBytes},
      {"peakNodeTotalMemoryReservationInBytes", status.peakNodeTotalMemoryReservationInBytes}};
}

TaskStatus taskStatusFromJson(const JsonFields& fields) {
  TaskStatus status;
  status.taskId = fields.string("taskId");
  status.taskInstanceId = fields.string("taskInstanceId");
  status.version = fields.integer("version");
  auto state = parseTaskState(fields.string("state"));
  if (!state) {
    fields.fail("has unknown state " + fields.string("state"));
  }
  status.state = *state;
  status.self = fields.string("self");
  for (const auto& failure : fields.objects("failures")) {
    status.failures.push_back(failureFromJson(failure));
  }
  status.queuedPartitionedDrivers = fields.integer("queuedPartitionedDrivers", 0);
  status.runningPartitionedDrivers = fields.integer("runningPartitionedDrivers", 0);
  status.memoryReservationInBytes = fields.integer("memoryReservationInBytes", 0);
  status.systemMemoryReservationInBytes = fields.integer("systemMemoryReservationInBytes", 0);
  status.peakNodeTotalMemoryReservationInBytes = fields.integer("peakNodeTotalMemoryReservationInBytes", 0);
  return status;
}

std::string serializeTaskStatus(const TaskStatus& status) {
  return taskStatusToJson(status).dump();
}

TaskStatus parseTaskStatus(std::string_view json) {
  auto parsed = JsonFields::parse(json, kMessage);
  return taskStatusFromJson(JsonFields(parsed, kMessage));
}

} // namespace presto::server
