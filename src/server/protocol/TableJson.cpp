#include "server/protocol/TableJson.h"

#include "server/protocol/ExpressionJson.h"

namespace presto::server::planjson {
namespace {

Json nameToJson(const sql::QualifiedObjectName& name) {
  return {{"catalog", name.catalog}, {"schema", name.schema}, {"object", name.object}};
}

sql::QualifiedObjectName nameFromJson(const Json& json) {
  return {requireField(json, "catalog").get<std::string>(), requireField(json, "schema").get<std::string>(),
      requireField(json, "object").get<std::string>()};
}

Json tableMetadataToJson(const connector::TableMetadata& table) {
  Json columns = Json::array();
  for (const auto& column : table.columns) {
    columns.push_back({{"name", column.name}, {"type", typeToJson(*column.type)}, {"nullable", column.nullable},
        {"comment", column.comment}, {"hidden", column.hidden}});
  }
  return {{"schema", table.name.schema}, {"table", table.name.table}, {"columns", std::move(columns)},
      {"properties", table.properties}};
}

connector::TableMetadata tableMetadataFromJson(const Json& json) {
  connector::TableMetadata table;
  table.name = {requireField(json, "schema").get<std::string>(), requireField(json, "table").get<std::string>()};
  for (const auto& column : requireArray(requireField(json, "columns"), "columns")) {
    table.columns.push_back({requireField(column, "name").get<std::string>(), typeFromJson(requireField(column, "type")),
        requireField(column, "nullable").get<bool>(), requireField(column, "comment").get<std::string>(),
        requireField(column, "hidden").get<bool>()});
  }
  table.properties = requireField(json, "properties").get<std::vector<std::pair<std::string, std::string>>>();
  return table;
}

/// Handles travel as the connector's JSON text, embedded parsed so the document stays readable.
Json handleJson(const std::string& text) {
  return Json::parse(text);
}

} // namespace

Json tableToJson(const sql::TableInfo& table) {
  Json columns = Json::array();
  for (const auto& column : table.columns) {
    columns.push_back(handleJson(column->toJson()));
  }
  return {{"name", nameToJson(table.name)}, {"handle", handleJson(table.handle->toJson())},
      {"metadata", tableMetadataToJson(table.metadata)}, {"columns", std::move(columns)}};
}

sql::TableInfoPtr tableFromJson(const Json& json, const sql::MetadataManager& metadata) {
  auto table = std::make_shared<sql::TableInfo>();
  table->name = nameFromJson(requireField(json, "name"));
  table->connector = metadata.connectorFor(table->name.catalog, table->name.schema);
  if (!table->connector) {
    throw PrestoException(errors::NOT_FOUND,
        "Plan fragment reads table " + table->name.toString() + " of a catalog this node does not have");
  }
  const auto& codec = table->connector->handleCodec();
  table->handle = codec.tableHandleFromJson(requireField(json, "handle").dump());
  table->metadata = tableMetadataFromJson(requireField(json, "metadata"));
  for (const auto& column : requireArray(requireField(json, "columns"), "columns")) {
    table->columns.push_back(codec.columnHandleFromJson(column.dump()));
  }
  return table;
}

Json writerTargetToJson(const sql::WriterTarget& target) {
  return {{"name", nameToJson(target.name)}, {"table", target.table ? tableToJson(*target.table) : Json(nullptr)},
      {"newTable", tableMetadataToJson(target.newTable)}, {"ignoreExisting", target.ignoreExisting}};
}

sql::WriterTarget writerTargetFromJson(const Json& json, const sql::MetadataManager& metadata) {
  sql::WriterTarget target;
  target.name = nameFromJson(requireField(json, "name"));
  const auto& table = requireField(json, "table");
  target.table = table.is_null() ? nullptr : tableFromJson(table, metadata);
  target.newTable = tableMetadataFromJson(requireField(json, "newTable"));
  target.ignoreExisting = requireField(json, "ignoreExisting").get<bool>();
  return target;
}

} // namespace presto::server::planjson
