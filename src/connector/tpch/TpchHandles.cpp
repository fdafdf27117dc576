#include "connector/tpch/TpchHandles.h"

#include <fmt/format.h>

#include "common/Check.h"
#include "connector/spi/HandleJson.h"
#include "type/TypeSignature.h"

namespace presto::tpch {
namespace {

TpchTable tableOf(const nlohmann::json& json) {
  auto table = tableFromName(json.at("table").get<std::string>());
  PRESTO_CHECK(table.has_value(), "unknown TPC-H table in handle {}", json.dump());
  return *table;
}


} // namespace

std::string TpchTableHandle::toJson() const {
  return nlohmann::json{{"table", tableName(table_)}, {"schema", schema_}, {"scaleFactor", scaleFactor_}}.dump();
}

std::string TpchTableHandle::toString() const {
  return fmt::format("tpch:{}:{}", schema_, tableName(table_));
}

std::string TpchSplit::toJson() const {
  return nlohmann::json{
      {"table", tableName(table_)}, {"scaleFactor", scaleFactor_}, {"part", part_}, {"totalParts", totalParts_}}
      .dump();
}

std::string TpchSplit::toString() const {
  return fmt::format("tpch:{}:sf{}:{}/{}", tableName(table_), scaleFactor_, part_, totalParts_);
}

connector::TableHandlePtr TpchHandleCodec::tableHandleFromJson(const std::string& json) const {
  return connector::parseHandleJson<connector::TableHandlePtr>(json, "tpch", [](const nlohmann::json& value) {
    return std::make_shared<TpchTableHandle>(
        tableOf(value), value.at("schema").get<std::string>(), value.at("scaleFactor").get<double>());
  });
}

connector::ColumnHandlePtr TpchHandleCodec::columnHandleFromJson(const std::string& json) const {
  return connector::OrdinalColumnHandle::fromJson(json, "tpch");
}

connector::ConnectorSplitPtr TpchHandleCodec::splitFromJson(const std::string& json) const {
  return connector::parseHandleJson<connector::ConnectorSplitPtr>(json, "tpch", [](const nlohmann::json& value) {
    return std::make_shared<TpchSplit>(tableOf(value), value.at("scaleFactor").get<double>(),
        value.at("part").get<int32_t>(), value.at("totalParts").get<int32_t>());
  });
}

connector::InsertTableHandlePtr TpchHandleCodec::insertHandleFromJson(const std::string&) const {
  PRESTO_FAIL("the tpch connector has no insert handles");
}

} // namespace presto::tpch
