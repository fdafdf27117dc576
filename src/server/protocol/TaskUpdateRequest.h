#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presto::server {

/// The session a task runs under (prestodb's SessionRepresentation, abridged).
struct TaskSession {
  std::string queryId;
  std::string user;
  std::optional<std::string> source;
  std::optional<std::string> catalog;
  std::optional<std::string> schema;
  /// The zone id (`UTC`, `America/New_York`); prestodb sends its numeric key here.
  std::string timeZoneKey = "UTC";
  std::string locale = "en_US";
  /// Milliseconds since the epoch.
  int64_t startTime = 0;
  std::map<std::string, std::string> systemProperties;
  /// catalog -> property -> value.
  std::map<std::string, std::map<std::string, std::string>> catalogProperties;
};

/// The connector id of splits naming an upstream task's buffer (a RemoteSplit).
inline constexpr std::string_view kRemoteConnectorId = "$remote";

/// One split of a task source: a split of connector `connectorId` (the catalog) or, with
/// kRemoteConnectorId, a RemoteSplit. `connectorSplit` is the split's own JSON
/// (`ConnectorSplit::toJson()`), embedded as a JSON value in the message.
struct ScheduledSplit {
  int64_t sequenceId = 0;
  std::string planNodeId;
  std::string connectorId;
  std::string connectorSplit;
};

/// The splits of one table scan or exchange of the fragment. Updates are cumulative: a split
/// whose sequence id the task has seen is ignored, and `noMoreSplits` closes the source.
struct TaskSource {
  std::string planNodeId;
  std::vector<ScheduledSplit> splits;
  bool noMoreSplits = false;
};

/// How a task's output leaves it (prestodb's OutputBuffers).
struct OutputBuffers {
  /// PARTITIONED: rows by hash of the fragment's output partitioning keys (round robin without
  /// keys); BROADCAST: every page to every buffer; ARBITRARY: each page to whichever consumer
  /// asks first.
  enum class Type { kPartitioned, kBroadcast, kArbitrary };

  Type type = Type::kArbitrary;
  int64_t version = 0;
  bool noMoreBufferIds = true;
  /// Buffers 0..numBuffers-1, one per consumer task (`"buffers": {"0": 0, "1": 1}`, each buffer
  /// its own partition).
  int32_t numBuffers = 1;
};

/// `PARTITIONED`, `BROADCAST` or `ARBITRARY`.
std::string_view outputBufferTypeName(OutputBuffers::Type type);

/// The body of `POST /v1/task/{taskId}`: creates the task (the first update must carry the
/// fragment and the output buffers) or adds splits to it.
///
///   {"session": {...}, "extraCredentials": {}, "fragment": {plan fragment JSON}?,
///    "sources": [{"planNodeId": "7", "splits": [{"sequenceId": 0, "planNodeId": "7",
///                 "split": {"connectorId": "tpch", "connectorSplit": {...}}}],
///                 "noMoreSplitsForLifespan": [], "noMoreSplits": true}],
///    "outputIds": {"type": "PARTITIONED", "version": 1, "noMoreBufferIds": true,
///                  "buffers": {"0": 0, "1": 1}}?}
struct TaskUpdateRequest {
  TaskSession session;
  /// planFragmentToJson() text, embedded as a JSON object (prestodb sends it base64-encoded).
  std::optional<std::string> fragment;
  std::vector<TaskSource> sources;
  std::optional<OutputBuffers> outputIds;
};

std::string serializeTaskUpdateRequest(const TaskUpdateRequest& request);

/// Reads what serializeTaskUpdateRequest() wrote. Anything malformed (not JSON, missing fields,
/// wrong JSON types, buffers other than 0..n-1) is GENERIC_INTERNAL_ERROR
/// `Malformed task update: <field> <problem>`; unknown fields are ignored.
TaskUpdateRequest parseTaskUpdateRequest(std::string_view json);

} // namespace presto::server
