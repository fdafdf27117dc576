#include "connector/system/InformationSchema.h"

namespace presto::connector {
namespace {

std::vector<ColumnMetadata> varcharColumns(std::initializer_list<const char*> names) {
  std::vector<ColumnMetadata> columns;
  for (const char* name : names) {
    columns.push_back({.name = name, .type = VARCHAR()});
  }
  return columns;
}

/// Lists the catalog's tables allowed by the constraint on table_schema / table_name.
std::vector<SchemaTableName> matchingTables(ConnectorMetadata& metadata, const TupleDomain& constraint) {
  auto schema = singleStringValue(constraint, "table_schema");
  auto table = singleStringValue(constraint, "table_name");
  if (schema && table) {
    if (metadata.getTableHandle({*schema, *table})) {
      return {{*schema, *table}};
    }
    return {};
  }
  auto tables = metadata.listTables(schema);
  if (table) {
    std::erase_if(tables, [&](const SchemaTableName& name) { return name.table != *table; });
  }
  return tables;
}

} // namespace

std::shared_ptr<SystemTableConnector> createInformationSchemaConnector(
    const std::string& catalog, std::shared_ptr<Connector> target) {
  std::string schemaName(kInformationSchema);
  auto metadata = [target]() -> ConnectorMetadata& { return target->metadata(); };

  auto schemata = std::make_shared<FunctionSystemTable>(SchemaTableName{schemaName, "schemata"},
      varcharColumns({"catalog_name", "schema_name"}), [catalog, metadata, schemaName](const TupleDomain&) {
        std::vector<std::vector<Value>> rows;
        auto schemas = metadata().listSchemaNames();
        schemas.push_back(schemaName);
        for (const auto& schema : schemas) {
          rows.push_back({Value(catalog), Value(schema)});
        }
        return rows;
      });

  auto tables = std::make_shared<FunctionSystemTable>(SchemaTableName{schemaName, "tables"},
      varcharColumns({"table_catalog", "table_schema", "table_name", "table_type"}),
      [catalog, metadata](const TupleDomain& constraint) {
        std::vector<std::vector<Value>> rows;
        for (const auto& name : matchingTables(metadata(), constraint)) {
          rows.push_back({Value(catalog), Value(name.schema), Value(name.table), Value("BASE TABLE")});
        }
        for (const auto& view : metadata().listViews(singleStringValue(constraint, "table_schema"))) {
          rows.push_back({Value(catalog), Value(view.name.schema), Value(view.name.table), Value("VIEW")});
        }
        return rows;
      });

  std::vector<ColumnMetadata> columnColumns = varcharColumns({"table_catalog", "table_schema", "table_name", "column_name"});
  columnColumns.push_back({.name = "ordinal_position", .type = BIGINT()});
  for (const auto& column :
      varcharColumns({"column_default", "is_nullable", "data_type", "comment", "extra_info"})) {
    columnColumns.push_back(column);
  }
  auto columns = std::make_shared<FunctionSystemTable>(SchemaTableName{schemaName, "columns"}, columnColumns,
      [catalog, metadata](const TupleDomain& constraint) {
        std::vector<std::vector<Value>> rows;
        for (const auto& name : matchingTables(metadata(), constraint)) {
          auto handle = metadata().getTableHandle(name);
          if (!handle) {
            continue;  // dropped while listing
          }
          int64_t ordinal = 0;
          for (const auto& column : metadata().getTableMetadata(*handle).columns) {
            ++ordinal;
            if (column.hidden) {
              continue;
            }
            rows.push_back({Value(catalog), Value(name.schema), Value(name.table), Value(column.name), Value(ordinal),
                Value(), Value(column.nullable ? "YES" : "NO"), Value(column.type->toString()),
                column.comment.empty() ? Value() : Value(column.comment), Value()});
          }
        }
        return rows;
      });

  auto views = std::make_shared<FunctionSystemTable>(SchemaTableName{schemaName, "views"},
      varcharColumns({"table_catalog", "table_schema", "table_name", "view_owner", "view_definition"}),
      [catalog, metadata](const TupleDomain& constraint) {
        std::vector<std::vector<Value>> rows;
        for (const auto& view : metadata().listViews(singleStringValue(constraint, "table_schema"))) {
          rows.push_back(
              {Value(catalog), Value(view.name.schema), Value(view.name.table), Value(view.owner), Value(view.sql)});
        }
        return rows;
      });

  return std::make_shared<SystemTableConnector>(std::vector<SystemTablePtr>{schemata, tables, columns, views});
}

} // namespace presto::connector
