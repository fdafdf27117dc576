#include "connector/memory/MemoryMetadata.h"

#include "common/Check.h"
#include "connector/memory/MemoryHandles.h"
#include "connector/spi/OrdinalColumnHandle.h"

namespace presto::memory {
namespace {

int64_t tableIdOf(const connector::TableHandle& table) {
  return dynamic_cast<const MemoryTableHandle&>(table).tableId();
}

int64_t insertIdOf(const connector::InsertTableHandle& insert) {
  return dynamic_cast<const MemoryInsertHandle&>(insert).insertId();
}

} // namespace

MemoryTable MemoryMetadata::tableOf(const connector::TableHandle& table) const {
  auto found = store_.tableById(tableIdOf(table));
  PRESTO_USER_CHECK(found.has_value(), errors::NOT_FOUND, "Table '{}' does not exist",
      dynamic_cast<const MemoryTableHandle&>(table).name().toString());
  return *found;
}

connector::TableHandlePtr MemoryMetadata::getTableHandle(const connector::SchemaTableName& name) {
  auto table = store_.table(name);
  return table ? std::make_shared<MemoryTableHandle>(name, table->id) : nullptr;
}

connector::TableMetadata MemoryMetadata::getTableMetadata(const connector::TableHandle& table) {
  auto found = tableOf(table);
  return {found.name, found.columns, {}};
}

std::vector<connector::ColumnHandlePtr> MemoryMetadata::getColumnHandles(const connector::TableHandle& table) {
  auto found = tableOf(table);
  std::vector<connector::ColumnHandlePtr> handles;
  for (size_t i = 0; i < found.columns.size(); ++i) {
    handles.push_back(
        std::make_shared<connector::OrdinalColumnHandle>(found.columns[i].name, found.columns[i].type, static_cast<int32_t>(i)));
  }
  return handles;
}

connector::TableStatistics MemoryMetadata::getTableStatistics(const connector::TableHandle& table) {
  connector::TableStatistics statistics;
  statistics.rowCount = static_cast<double>(tableOf(table).rowCount);
  return statistics;
}

void MemoryMetadata::createTable(const connector::TableMetadata& table, bool ignoreExisting) {
  PRESTO_USER_CHECK(table.properties.empty(), errors::INVALID_TABLE_PROPERTY,
      "Catalog property '{}' does not exist for the memory connector", table.properties.empty() ? "" : table.properties[0].first);
  store_.createTable(table.name, table.columns, ignoreExisting);
}

void MemoryMetadata::dropTable(const connector::TableHandle& table) {
  store_.dropTable(tableIdOf(table));
}

connector::InsertTableHandlePtr MemoryMetadata::beginInsert(const connector::TableHandle& table) {
  int64_t tableId = tableIdOf(table);
  return std::make_shared<MemoryInsertHandle>(tableId, store_.beginInsert(tableId));
}

void MemoryMetadata::finishInsert(const connector::InsertTableHandle& insert, const std::vector<std::string>&) {
  store_.commit(insertIdOf(insert));
}

void MemoryMetadata::abortInsert(const connector::InsertTableHandle& insert) {
  store_.abort(insertIdOf(insert));
}

int64_t MemoryMetadata::deleteAllRows(const connector::TableHandle& table) {
  return store_.deleteAll(tableIdOf(table));
}

} // namespace presto::memory
