#include "connector/memory/MemoryHandles.h"

#include <fmt/format.h>

#include "common/Check.h"
#include "connector/spi/HandleJson.h"
#include "connector/spi/OrdinalColumnHandle.h"

namespace presto::memory {

std::string MemoryTableHandle::toJson() const {
  return nlohmann::json{{"schema", name_.schema}, {"table", name_.table}, {"tableId", tableId_}}.dump();
}

std::string MemoryTableHandle::toString() const {
  return fmt::format("memory:{}:{}", name_.schema, name_.table);
}

std::string MemorySplit::toJson() const {
  return nlohmann::json{{"tableId", tableId_}, {"part", part_}, {"totalParts", totalParts_}, {"nodeId", nodeId_}}
      .dump();
}

std::string MemorySplit::toString() const {
  return fmt::format("memory:{}:{}/{}@{}", tableId_, part_, totalParts_, nodeId_);
}

std::string MemoryInsertHandle::toJson() const {
  return nlohmann::json{{"tableId", tableId_}, {"insertId", insertId_}}.dump();
}

connector::TableHandlePtr MemoryHandleCodec::tableHandleFromJson(const std::string& json) const {
  return connector::parseHandleJson<connector::TableHandlePtr>(json, "memory", [](const nlohmann::json& value) {
    return std::make_shared<MemoryTableHandle>(
        connector::SchemaTableName{value.at("schema").get<std::string>(), value.at("table").get<std::string>()},
        value.at("tableId").get<int64_t>());
  });
}

connector::ColumnHandlePtr MemoryHandleCodec::columnHandleFromJson(const std::string& json) const {
  return connector::OrdinalColumnHandle::fromJson(json, "memory");
}

connector::ConnectorSplitPtr MemoryHandleCodec::splitFromJson(const std::string& json) const {
  return connector::parseHandleJson<connector::ConnectorSplitPtr>(json, "memory", [](const nlohmann::json& value) {
    return std::make_shared<MemorySplit>(value.at("tableId").get<int64_t>(), value.at("part").get<int32_t>(),
        value.at("totalParts").get<int32_t>(), value.at("nodeId").get<std::string>());
  });
}

connector::InsertTableHandlePtr MemoryHandleCodec::insertHandleFromJson(const std::string& json) const {
  return connector::parseHandleJson<connector::InsertTableHandlePtr>(json, "memory", [](const nlohmann::json& value) {
    return std::make_shared<MemoryInsertHandle>(value.at("tableId").get<int64_t>(), value.at("insertId").get<int64_t>());
  });
}

} // namespace presto::memory
