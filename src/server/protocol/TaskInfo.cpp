#include "server/protocol/TaskInfo.h"

#include "common/PrestoException.h"
#include "server/protocol/TaskStatusJson.h"

namespace presto::server {
namespace {

using Json = JsonFields::Json;

constexpr std::string_view kMessage = "task info";

/// The fields of TaskStatsSummary with their names, for writing and reading alike.
template <typename Stats, typename Visit>
void forEachStat(Stats& stats, Visit visit) {
  visit("createTimeInMillis", stats.createTimeInMillis);
  visit("endTimeInMillis", stats.endTimeInMillis);
  visit("totalDrivers", stats.totalDrivers);
  visit("queuedDrivers", stats.queuedDrivers);
  visit("runningDrivers", stats.runningDrivers);
  visit("completedDrivers", stats.completedDrivers);
  visit("totalScheduledTimeInNanos", stats.totalScheduledTimeInNanos);
  visit("totalCpuTimeInNanos", stats.totalCpuTimeInNanos);
  visit("totalBlockedTimeInNanos", stats.totalBlockedTimeInNanos);
  visit("rawInputPositions", stats.rawInputPositions);
  visit("rawInputDataSizeInBytes", stats.rawInputDataSizeInBytes);
  visit("outputPositions", stats.outputPositions);
  visit("outputDataSizeInBytes", stats.outputDataSizeInBytes);
  visit("userMemoryReservationInBytes", stats.userMemoryReservationInBytes);
  visit("peakTotalMemoryInBytes", stats.peakTotalMemoryInBytes);
}

Json taskInfoToJson(const TaskInfo& info) {
  Json stats = Json::object();
  forEachStat(info.stats, [&](const char* name, int64_t value) { stats[name] = value; });
  const auto& buffers = info.outputBuffers;
  return {{"taskId", info.taskId}, {"taskStatus", taskStatusToJson(info.taskStatus)},
      {"lastHeartbeatInMillis", info.lastHeartbeatInMillis},
      {"outputBuffers", {{"type", outputBufferTypeName(buffers.type)}, {"state", buffers.state},
                            {"numBuffers", buffers.numBuffers}, {"totalBufferedBytes", buffers.totalBufferedBytes},
                            {"totalPagesSent", buffers.totalPagesSent}, {"totalRowsSent", buffers.totalRowsSent}}},
      {"noMoreSplits", info.noMoreSplits}, {"stats", std::move(stats)}, {"needsPlan", info.needsPlan},
      {"nodeId", info.nodeId}};
}

OutputBufferSummary outputBuffersFromJson(const JsonFields& fields) {
  OutputBufferSummary buffers;
  auto type = fields.string("type");
  bool known = false;
  for (auto candidate : {OutputBuffers::Type::kPartitioned, OutputBuffers::Type::kBroadcast,
           OutputBuffers::Type::kArbitrary}) {
    if (outputBufferTypeName(candidate) == type) {
      buffers.type = candidate;
      known = true;
    }
  }
  if (!known) {
    fields.fail("has unknown type " + type);
  }
  buffers.state = fields.string("state");
  buffers.numBuffers = static_cast<int32_t>(fields.integer("numBuffers"));
  buffers.totalBufferedBytes = fields.integer("totalBufferedBytes", 0);
  buffers.totalPagesSent = fields.integer("totalPagesSent", 0);
  buffers.totalRowsSent = fields.integer("totalRowsSent", 0);
  return buffers;
}

} // namespace

std::string serializeTaskInfo(const TaskInfo& info) {
  return taskInfoToJson(info).dump();
}

std::string serializeTaskInfos(const std::vector<TaskInfo>& infos) {
  Json array = Json::array();
  for (const auto& info : infos) {
    array.push_back(taskInfoToJson(info));
  }
  return array.dump();
}

namespace {

TaskInfo taskInfoFromJson(const Json& parsed) {
  JsonFields fields(parsed, kMessage);
  TaskInfo info;
  info.taskId = fields.string("taskId");
  info.taskStatus = taskStatusFromJson(fields.object("taskStatus"));
  info.lastHeartbeatInMillis = fields.integer("lastHeartbeatInMillis", 0);
  info.outputBuffers = outputBuffersFromJson(fields.object("outputBuffers"));
  if (fields.has("noMoreSplits")) {
    const auto& ids = fields.required("noMoreSplits");
    if (!ids.is_array()) {
      fields.fail("noMoreSplits must be an array");
    }
    for (const auto& id : ids) {
      if (!id.is_string()) {
        fields.fail("noMoreSplits must hold plan node ids");
      }
      info.noMoreSplits.push_back(id.get<std::string>());
    }
  }
  auto stats = fields.object("stats");
  forEachStat(info.stats, [&](const char* name, int64_t& value) { value = stats.integer(name, 0); });
  info.needsPlan = fields.boolean("needsPlan", false);
  info.nodeId = fields.optionalString("nodeId").value_or("");
  return info;
}

} // namespace

TaskInfo parseTaskInfo(std::string_view json) {
  return taskInfoFromJson(JsonFields::parse(json, kMessage));
}

std::vector<TaskInfo> parseTaskInfos(std::string_view json) {
  auto parsed = JsonFields::parse(json, kMessage);
  if (!parsed.is_array()) {
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR, "Malformed task info list: expected an array");
  }
  std::vector<TaskInfo> infos;
  for (const auto& element : parsed) {
    infos.push_back(taskInfoFromJson(element));
  }
  return infos;
}

} // namespace presto::server
