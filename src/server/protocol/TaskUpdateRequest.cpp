#include "server/protocol/TaskUpdateRequest.h"

#include <algorithm>
#include <array>

#include "server/protocol/JsonFields.h"

namespace presto::server {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kMessage = "task update";

constexpr std::array<std::pair<OutputBuffers::Type, std::string_view>, 3> kBufferTypes = {{
    {OutputBuffers::Type::kPartitioned, "PARTITIONED"},
    {OutputBuffers::Type::kBroadcast, "BROADCAST"},
    {OutputBuffers::Type::kArbitrary, "ARBITRARY"},
}};

Json optionalText(const std::optional<std::string>& text) {
  return text ? Json(*text) : Json(nullptr);
}

Json sessionToJson(const TaskSession& session) {
  Json catalogProperties = Json::object();
  for (const auto& [catalog, properties] : session.catalogProperties) {
    catalogProperties[catalog] = properties;
  }
  return {{"queryId", session.queryId}, {"user", session.user}, {"source", optionalText(session.source)},
      {"catalog", optionalText(session.catalog)}, {"schema", optionalText(session.schema)},
      {"timeZoneKey", session.timeZoneKey}, {"locale", session.locale}, {"startTime", session.startTime},
      {"systemProperties", session.systemProperties}, {"catalogProperties", catalogProperties}};
}

TaskSession sessionFromJson(const JsonFields& fields) {
  TaskSession session;
  session.queryId = fields.string("queryId");
  session.user = fields.string("user");
  session.source = fields.optionalString("source");
  session.catalog = fields.optionalString("catalog");
  session.schema = fields.optionalString("schema");
  session.timeZoneKey = fields.optionalString("timeZoneKey").value_or("UTC");
  session.locale = fields.optionalString("locale").value_or("en_US");
  session.startTime = fields.integer("startTime", 0);
  session.systemProperties = fields.stringMap("systemProperties");
  if (fields.has("catalogProperties")) {
    auto catalogFields = fields.object("catalogProperties");
    for (const auto& item : catalogFields.json().items()) {
      session.catalogProperties[item.key()] = catalogFields.stringMap(item.key());
    }
  }
  return session;
}

Json sourceToJson(const TaskSource& source) {
  Json splits = Json::array();
  for (const auto& split : source.splits) {
    splits.push_back({{"sequenceId", split.sequenceId}, {"planNodeId", split.planNodeId},
        {"split", {{"connectorId", split.connectorId}, {"connectorSplit", Json::parse(split.connectorSplit)}}}});
  }
  return {{"planNodeId", source.planNodeId}, {"splits", std::move(splits)}, {"noMoreSplitsForLifespan", Json::array()},
      {"noMoreSplits", source.noMoreSplits}};
}

TaskSource sourceFromJson(const JsonFields& fields) {
  TaskSource source;
  source.planNodeId = fields.string("planNodeId");
  for (const auto& splitFields : fields.objects("splits")) {
    ScheduledSplit split;
    split.sequenceId = splitFields.integer("sequenceId");
    split.planNodeId = splitFields.optionalString("planNodeId").value_or(source.planNodeId);
    if (split.planNodeId != source.planNodeId) {
      splitFields.fail("belongs to plan node " + split.planNodeId + ", not " + source.planNodeId);
    }
    auto connectorSplit = splitFields.object("split");
    split.connectorId = connectorSplit.string("connectorId");
    split.connectorSplit = connectorSplit.required("connectorSplit").dump();
    source.splits.push_back(std::move(split));
  }
  source.noMoreSplits = fields.boolean("noMoreSplits", false);
  return source;
}

Json outputBuffersToJson(const OutputBuffers& buffers) {
  Json ids = Json::object();
  for (int32_t i = 0; i < buffers.numBuffers; ++i) {
    ids[std::to_string(i)] = i;
  }
  return {{"type", outputBufferTypeName(buffers.type)}, {"version", buffers.version},
      {"noMoreBufferIds", buffers.noMoreBufferIds}, {"buffers", std::move(ids)}};
}

OutputBuffers outputBuffersFromJson(const JsonFields& fields) {
  OutputBuffers buffers;
  auto type = fields.string("type");
  auto it = std::find_if(kBufferTypes.begin(), kBufferTypes.end(), [&](const auto& entry) { return entry.second == type; });
  if (it == kBufferTypes.end()) {
    fields.fail("has unknown type " + type);
  }
  buffers.type = it->first;
  buffers.version = fields.integer("version", 0);
  buffers.noMoreBufferIds = fields.boolean("noMoreBufferIds", true);
  auto ids = fields.object("buffers");
  const auto& idMap = ids.json();
  if (idMap.empty() || idMap.size() > (1 << 16)) {
    ids.fail("must name between 1 and 65536 buffers");
  }
  buffers.numBuffers = static_cast<int32_t>(idMap.size());
  for (int32_t i = 0; i < buffers.numBuffers; ++i) {
    if (!ids.has(std::to_string(i)) || ids.integer(std::to_string(i)) != i) {
      ids.fail("must map buffers 0.." + std::to_string(buffers.numBuffers - 1) + " to themselves");
    }
  }
  return buffers;
}

} // namespace

std::string_view outputBufferTypeName(OutputBuffers::Type type) {
  for (const auto& [candidate, name] : kBufferTypes) {
    if (candidate == type) {
      return name;
    }
  }
  return "UNKNOWN";
}

std::string serializeTaskUpdateRequest(const TaskUpdateRequest& request) {
  Json sources = Json::array();
  for (const auto& source : request.sources) {
    sources.push_back(sourceToJson(source));
  }
  Json json = {{"session", sessionToJson(request.session)}, {"extraCredentials", Json::object()},
      {"sources", std::move(sources)}};
  if (request.fragment) {
    json["fragment"] = Json::parse(*request.fragment);
  }
  if (request.outputIds) {
    json["outputIds"] = outputBuffersToJson(*request.outputIds);
  }
  return json.dump();
}

TaskUpdateRequest parseTaskUpdateRequest(std::string_view text) {
  auto json = JsonFields::parse(text, kMessage);
  JsonFields fields(json, kMessage);
  TaskUpdateRequest request;
  request.session = sessionFromJson(fields.object("session"));
  if (fields.has("fragment")) {
    request.fragment = fields.object("fragment").json().dump();
  }
  for (const auto& source : fields.objects("sources")) {
    request.sources.push_back(sourceFromJson(source));
  }
  if (fields.has("outputIds")) {
    request.outputIds = outputBuffersFromJson(fields.object("outputIds"));
  }
  return request;
}

} // namespace presto::server
