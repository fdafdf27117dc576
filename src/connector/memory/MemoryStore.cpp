#include "connector/memory/MemoryStore.h"

#include <algorithm>

#include "common/Check.h"
#include "common/Duration.h"

namespace presto::memory {

MemoryStore::~MemoryStore() {
  int64_t bytes = 0;
  for (const auto& [id, table] : tables_) bytes += table.bytes;
  for (const auto& [id, insert] : inserts_) bytes += insert.bytes;
  if (bytes > 0) {
    pool_->release(bytes);
  }
}

std::vector<std::string> MemoryStore::schemaNames() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {schemas_.begin(), schemas_.end()};
}

bool MemoryStore::schemaExists(const std::string& schema) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return schemas_.count(schema) > 0;
}

void MemoryStore::createSchema(const std::string& schema) {
  std::lock_guard<std::mutex> lock(mutex_);
  PRESTO_USER_CHECK(schemas_.insert(schema).second, errors::ALREADY_EXISTS, "Schema '{}' already exists", schema);
}

void MemoryStore::dropSchema(const std::string& schema) {
  std::lock_guard<std::mutex> lock(mutex_);
  PRESTO_USER_CHECK(schemas_.count(schema), errors::NOT_FOUND, "Schema '{}' does not exist", schema);
  for (const auto& [id, table] : tables_) {
    PRESTO_USER_CHECK(table.name.schema != schema, errors::SCHEMA_NOT_EMPTY, "Schema '{}' is not empty", schema);
  }
  schemas_.erase(schema);
}

void MemoryStore::createView(const connector::ViewDefinition& view, bool replace) {
  std::lock_guard<std::mutex> lock(mutex_);
  PRESTO_USER_CHECK(schemas_.count(view.name.schema), errors::NOT_FOUND, "Schema '{}' does not exist", view.name.schema);
  for (const auto& [id, table] : tables_) {
    PRESTO_USER_CHECK(!(table.name == view.name), errors::ALREADY_EXISTS, "Table '{}' already exists",
        view.name.toString());
  }
  PRESTO_USER_CHECK(replace || !views_.count(view.name), errors::ALREADY_EXISTS, "View '{}' already exists",
      view.name.toString());
  views_[view.name] = view;
}

void MemoryStore::dropView(const connector::SchemaTableName& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  PRESTO_USER_CHECK(views_.erase(name) > 0, errors::NOT_FOUND, "View '{}' does not exist", name.toString());
}

std::vector<connector::ViewDefinition> MemoryStore::views(const std::optional<std::string>& schema) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<connector::ViewDefinition> result;
  for (const auto& [name, view] : views_) {
    if (!schema || name.schema == *schema) {
      result.push_back(view);
    }
  }
  return result;
}

std::vector<connector::SchemaTableName> MemoryStore::tableNames(const std::optional<std::string>& schema) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<connector::SchemaTableName> names;
  for (const auto& [id, table] : tables_) {
    if (!schema || table.name.schema == *schema) {
      names.push_back(table.name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<MemoryTable> MemoryStore::table(const connector::SchemaTableName& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [id, table] : tables_) {
    if (table.name == name) {
      return table;
    }
  }
  return std::nullopt;
}

std::optional<MemoryTable> MemoryStore::tableById(int64_t id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = tables_.find(id);
  return it == tables_.end() ? std::nullopt : std::optional<MemoryTable>(it->second);
}

void MemoryStore::createTable(
    const connector::SchemaTableName& name, std::vector<connector::ColumnMetadata> columns, bool ignoreExisting) {
  std::lock_guard<std::mutex> lock(mutex_);
  PRESTO_USER_CHECK(schemas_.count(name.schema), errors::NOT_FOUND, "Schema '{}' does not exist", name.schema);
  for (const auto& [id, table] : tables_) {
    if (table.name == name) {
      PRESTO_USER_CHECK(ignoreExisting, errors::ALREADY_EXISTS, "Table '{}' already exists", name.toString());
      return;
    }
  }
  int64_t id = nextId_++;
  tables_.emplace(id, MemoryTable{id, name, std::move(columns), {}, 0, 0});
}

MemoryTable& MemoryStore::tableByIdLocked(int64_t id) {
  auto it = tables_.find(id);
  PRESTO_USER_CHECK(it != tables_.end(), errors::NOT_FOUND, "Table was dropped while in use");
  return it->second;
}

void MemoryStore::dropTable(int64_t id) {
  int64_t bytes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    bytes = tableByIdLocked(id).bytes;
    tables_.erase(id);
  }
  pool_->release(bytes);
}

int64_t MemoryStore::beginInsert(int64_t tableId) {
  std::lock_guard<std::mutex> lock(mutex_);
  tableByIdLocked(tableId);
  int64_t insertId = nextId_++;
  inserts_.emplace(insertId, Insert{tableId, {}, 0, 0});
  return insertId;
}

void MemoryStore::stage(int64_t insertId, PagePtr page) {
  auto bytes = static_cast<int64_t>(page->retainedBytes());
  try {
    pool_->reserve(bytes);
  } catch (const PrestoException& error) {
    if (error.errorCode().type != ErrorType::kInsufficientResources) {
      throw;
    }
    PRESTO_USER_FAIL(errors::EXCEEDED_LOCAL_MEMORY_LIMIT, "Memory limit [{}] for memory connector exceeded",
        succinctBytes(static_cast<uint64_t>(maxBytes_)));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = inserts_.find(insertId);
  if (it == inserts_.end()) {
    pool_->release(bytes);
    PRESTO_FAIL("unknown memory connector insert {}", insertId);
  }
  it->second.rows += page->numRows();
  it->second.bytes += bytes;
  it->second.pages.push_back(std::move(page));
}

int64_t MemoryStore::commit(int64_t insertId) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = inserts_.find(insertId);
  PRESTO_CHECK(it != inserts_.end(), "unknown memory connector insert {}", insertId);
  auto& table = tableByIdLocked(it->second.tableId);
  for (auto& page : it->second.pages) {
    table.pages.push_back(std::move(page));
  }
  table.rowCount += it->second.rows;
  table.bytes += it->second.bytes;
  int64_t rows = it->second.rows;
  inserts_.erase(it);
  return rows;
}

void MemoryStore::abort(int64_t insertId) {
  int64_t bytes = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = inserts_.find(insertId);
    if (it == inserts_.end()) {
      return;
    }
    bytes = it->second.bytes;
    inserts_.erase(it);
  }
  pool_->release(bytes);
}

int64_t MemoryStore::deleteAll(int64_t tableId) {
  int64_t rows;
  int64_t bytes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& table = tableByIdLocked(tableId);
    rows = table.rowCount;
    bytes = table.bytes;
    table.pages.clear();
    table.rowCount = 0;
    table.bytes = 0;
  }
  pool_->release(bytes);
  return rows;
}

} // namespace presto::memory
