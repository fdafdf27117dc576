#include "connector/spi/ConnectorMetadata.h"

#include <algorithm>

#include "common/Check.h"

namespace presto::connector {

bool ConnectorMetadata::schemaExists(const std::string& schema) {
  auto schemas = listSchemaNames();
  return std::find(schemas.begin(), schemas.end(), schema) != schemas.end();
}

std::vector<ViewDefinition> ConnectorMetadata::listViews(const std::optional<std::string>&) {
  return {};
}

TableStatistics ConnectorMetadata::getTableStatistics(const TableHandle&) {
  return TableStatistics::unknown();
}

std::optional<FilterPushdownResult> ConnectorMetadata::applyFilter(const TableHandlePtr&, const TupleDomain&) {
  return std::nullopt;
}

std::optional<LimitPushdownResult> ConnectorMetadata::applyLimit(const TableHandlePtr&, int64_t) {
  return std::nullopt;
}

std::optional<TableHandlePtr> ConnectorMetadata::applyProjection(
    const TableHandlePtr&, const std::vector<ColumnHandlePtr>&) {
  return std::nullopt;
}

void ConnectorMetadata::createSchema(const std::string&) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support creating schemas");
}

void ConnectorMetadata::dropSchema(const std::string&) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support dropping schemas");
}

void ConnectorMetadata::createView(const ViewDefinition&, bool) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support creating views");
}

void ConnectorMetadata::dropView(const SchemaTableName&) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support dropping views");
}

void ConnectorMetadata::createTable(const TableMetadata&, bool) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support creating tables");
}

void ConnectorMetadata::dropTable(const TableHandle&) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support dropping tables");
}

InsertTableHandlePtr ConnectorMetadata::beginInsert(const TableHandle&) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support inserts");
}

void ConnectorMetadata::finishInsert(const InsertTableHandle&, const std::vector<std::string>&) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support inserts");
}

void ConnectorMetadata::abortInsert(const InsertTableHandle&) {}

int64_t ConnectorMetadata::deleteAllRows(const TableHandle&) {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support deletes");
}

} // namespace presto::connector
