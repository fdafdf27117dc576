#include "connector/tpch/TpchMetadata.h"

#include "connector/tpch/TpchColumn.h"
#include "connector/tpch/TpchStatistics.h"
#include "type/TypeSignature.h"

namespace presto::tpch {
namespace {

const std::vector<std::string> kListedSchemas = {"tiny", "sf1", "sf10", "sf100", "sf1000"};

const TpchTableHandle& asTpch(const connector::TableHandle& table) {
  return dynamic_cast<const TpchTableHandle&>(table);
}

} // namespace

std::vector<std::string> TpchMetadata::listSchemaNames() {
  return kListedSchemas;
}

bool TpchMetadata::schemaExists(const std::string& schema) {
  return scaleFactorOfSchema(schema).has_value();
}

std::vector<connector::SchemaTableName> TpchMetadata::listTables(const std::optional<std::string>& schema) {
  std::vector<std::string> schemas = schema ? std::vector<std::string>{*schema} : kListedSchemas;
  std::vector<connector::SchemaTableName> result;
  for (const auto& name : schemas) {
    if (!schemaExists(name)) {
      continue;
    }
    for (auto table : kAllTpchTables) {
      result.push_back({name, std::string(tableName(table))});
    }
  }
  return result;
}

connector::TableHandlePtr TpchMetadata::getTableHandle(const connector::SchemaTableName& name) {
  auto scaleFactor = scaleFactorOfSchema(name.schema);
  auto table = tableFromName(name.table);
  if (!scaleFactor || !table) {
    return nullptr;
  }
  return std::make_shared<TpchTableHandle>(*table, name.schema, *scaleFactor);
}

std::string TpchMetadata::columnName(TpchTable table, int32_t ordinal) const {
  const auto& column = tableColumns(table)[static_cast<size_t>(ordinal)];
  return std::string(config_.columnNaming == ColumnNaming::kStandard ? column.name : column.simplifiedName);
}

connector::TableMetadata TpchMetadata::getTableMetadata(const connector::TableHandle& table) {
  const auto& handle = asTpch(table);
  connector::TableMetadata metadata;
  metadata.name = {handle.schema(), std::string(tableName(handle.table()))};
  auto columns = tableColumns(handle.table());
  for (size_t ordinal = 0; ordinal < columns.size(); ++ordinal) {
    metadata.columns.push_back(connector::ColumnMetadata{.name = columnName(handle.table(), static_cast<int32_t>(ordinal)),
        .type = parseTypeSignature(columns[ordinal].typeName),
        .nullable = false});
  }
  return metadata;
}

std::vector<connector::ColumnHandlePtr> TpchMetadata::getColumnHandles(const connector::TableHandle& table) {
  const auto& handle = asTpch(table);
  std::vector<connector::ColumnHandlePtr> result;
  auto columns = tableColumns(handle.table());
  for (size_t ordinal = 0; ordinal < columns.size(); ++ordinal) {
    result.push_back(std::make_shared<connector::OrdinalColumnHandle>(columnName(handle.table(), static_cast<int32_t>(ordinal)),
        parseTypeSignature(columns[ordinal].typeName), static_cast<int32_t>(ordinal)));
  }
  return result;
}

connector::TableStatistics TpchMetadata::getTableStatistics(const connector::TableHandle& table) {
  const auto& handle = asTpch(table);
  const auto& generator = generators_.get(handle.scaleFactor());
  connector::TableStatistics statistics;
  statistics.rowCount = static_cast<double>(generator.rowCount(handle.table()));
  auto columns = tableColumns(handle.table());
  for (size_t ordinal = 0; ordinal < columns.size(); ++ordinal) {
    auto exact = columnStatistics(generator.scale(), handle.table(), static_cast<int32_t>(ordinal));
    connector::ColumnStatistics column;
    column.nullsFraction = 0.0;
    if (exact.distinctCount) column.distinctValuesCount = static_cast<double>(*exact.distinctCount);
    if (exact.min) column.min = Value(*exact.min);
    if (exact.max) column.max = Value(*exact.max);
    statistics.columns.emplace(columnName(handle.table(), static_cast<int32_t>(ordinal)), std::move(column));
  }
  return statistics;
}

} // namespace presto::tpch
