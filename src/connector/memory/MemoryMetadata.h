#pragma once

#include "connector/memory/MemoryStore.h"
#include "connector/spi/ConnectorMetadata.h"

namespace presto::memory {

/// Metadata of a memory catalog: schemas and tables live in the node's MemoryStore.
class MemoryMetadata : public connector::ConnectorMetadata {
 public:
  explicit MemoryMetadata(MemoryStore& store) : store_(store) {}

  std::vector<std::string> listSchemaNames() override { return store_.schemaNames(); }
  bool schemaExists(const std::string& schema) override { return store_.schemaExists(schema); }
  std::vector<connector::SchemaTableName> listTables(const std::optional<std::string>& schema) override {
    return store_.tableNames(schema);
  }
  connector::TableHandlePtr getTableHandle(const connector::SchemaTableName& name) override;
  connector::TableMetadata getTableMetadata(const connector::TableHandle& table) override;
  std::vector<connector::ColumnHandlePtr> getColumnHandles(const connector::TableHandle& table) override;
  connector::TableStatistics getTableStatistics(const connector::TableHandle& table) override;

  std::vector<connector::ViewDefinition> listViews(const std::optional<std::string>& schema) override {
    return store_.views(schema);
  }
  void createView(const connector::ViewDefinition& view, bool replace) override { store_.createView(view, replace); }
  void dropView(const connector::SchemaTableName& name) override { store_.dropView(name); }
  void createSchema(const std::string& schema) override { store_.createSchema(schema); }
  void dropSchema(const std::string& schema) override { store_.dropSchema(schema); }
  void createTable(const connector::TableMetadata& table, bool ignoreExisting) override;
  void dropTable(const connector::TableHandle& table) override;
  connector::InsertTableHandlePtr beginInsert(const connector::TableHandle& table) override;
  void finishInsert(const connector::InsertTableHandle& insert, const std::vector<std::string>& fragments) override;
  void abortInsert(const connector::InsertTableHandle& insert) override;
  int64_t deleteAllRows(const connector::TableHandle& table) override;

 private:
  MemoryTable tableOf(const connector::TableHandle& table) const;

  MemoryStore& store_;
};

} // namespace presto::memory
