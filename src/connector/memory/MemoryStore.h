#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "common/memory/MemoryPool.h"
#include "connector/spi/ConnectorHandles.h"
#include "connector/spi/ConnectorMetadata.h"
#include "vector/Page.h"

namespace presto::memory {

/// A table's definition and committed data.
struct MemoryTable {
  int64_t id = 0;
  connector::SchemaTableName name;
  std::vector<connector::ColumnMetadata> columns;
  std::vector<PagePtr> pages;
  int64_t rowCount = 0;
  int64_t bytes = 0;
};

/// Schemas, tables and rows of one memory catalog on this node. Inserts stage their pages under
/// an insert id and become visible only at commit, all at once; staged and committed bytes count
/// against a memory pool whose limit is `memory.max-data-per-node`. Thread-safe.
class MemoryStore {
 public:
  MemoryStore(MemoryPoolPtr pool, int64_t maxBytes) : pool_(std::move(pool)), maxBytes_(maxBytes) {}
  ~MemoryStore();

  std::vector<std::string> schemaNames() const;
  bool schemaExists(const std::string& schema) const;
  void createSchema(const std::string& schema);
  /// SCHEMA_NOT_EMPTY if it still has tables.
  void dropSchema(const std::string& schema);

  std::vector<connector::SchemaTableName> tableNames(const std::optional<std::string>& schema) const;
  /// A copy of the table's definition and page list (pages are shared, immutable), or nullopt.
  std::optional<MemoryTable> table(const connector::SchemaTableName& name) const;
  std::optional<MemoryTable> tableById(int64_t id) const;
  void createTable(const connector::SchemaTableName& name, std::vector<connector::ColumnMetadata> columns,
      bool ignoreExisting);
  void dropTable(int64_t id);

  /// Starts an insert into a table; returns its id.
  int64_t beginInsert(int64_t tableId);
  /// Adds a page to an insert; EXCEEDED_LOCAL_MEMORY_LIMIT (nothing staged) if over the limit.
  void stage(int64_t insertId, PagePtr page);
  /// Publishes an insert's pages; returns the number of rows added.
  int64_t commit(int64_t insertId);
  /// Discards an insert's pages (no-op for unknown ids).
  void abort(int64_t insertId);

  /// Removes every row of a table; returns how many there were.
  int64_t deleteAll(int64_t tableId);

  /// Views (stored SQL), kept like tables: per schema, names shared with tables.
  void createView(const connector::ViewDefinition& view, bool replace);
  void dropView(const connector::SchemaTableName& name);
  std::vector<connector::ViewDefinition> views(const std::optional<std::string>& schema) const;

 private:
  struct Insert {
    int64_t tableId;
    std::vector<PagePtr> pages;
    int64_t rows = 0;
    int64_t bytes = 0;
  };

  MemoryTable& tableByIdLocked(int64_t id);

  const MemoryPoolPtr pool_;
  const int64_t maxBytes_;
  mutable std::mutex mutex_;
  std::set<std::string> schemas_{"default"};
  std::map<int64_t, MemoryTable> tables_;
  std::map<int64_t, Insert> inserts_;
  std::map<connector::SchemaTableName, connector::ViewDefinition> views_;
  int64_t nextId_ = 1;
};

} // namespace presto::memory
