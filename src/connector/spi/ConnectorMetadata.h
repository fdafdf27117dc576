#pragma once

#include <optional>
#include <vector>

#include "connector/spi/ConnectorHandles.h"
#include "connector/spi/Domain.h"
#include "connector/spi/TableStatistics.h"

namespace presto::connector {

/// The result of offering a filter to a connector: the narrowed handle and the part of the filter
/// the connector does not guarantee (the engine keeps evaluating that part).
struct FilterPushdownResult {
  TableHandlePtr handle;
  TupleDomain remainingFilter;
};

/// The result of offering a limit: the narrowed handle and whether the connector guarantees to
/// return no more rows than the limit (if not, the engine keeps its LIMIT).
struct LimitPushdownResult {
  TableHandlePtr handle;
  bool limitGuaranteed;
};

/// A stored view: its name, SQL text and owner.
struct ViewDefinition {
  SchemaTableName name;
  std::string sql;
  std::string owner;
};

/// Metadata part of the Connector API: what exists, what it looks like, statistics, pushdown, and
/// data definition. Methods that a connector does not support throw NOT_SUPPORTED (the defaults).
/// Must be thread-safe.
class ConnectorMetadata {
 public:
  virtual ~ConnectorMetadata() = default;

  virtual std::vector<std::string> listSchemaNames() = 0;
  virtual bool schemaExists(const std::string& schema);
  /// Tables of one schema, or of every schema when `schema` is nullopt.
  virtual std::vector<SchemaTableName> listTables(const std::optional<std::string>& schema) = 0;
  /// The handle of a table, or nullptr if it does not exist.
  virtual TableHandlePtr getTableHandle(const SchemaTableName& name) = 0;
  virtual TableMetadata getTableMetadata(const TableHandle& table) = 0;
  /// Handles of the table's columns in table order (hidden columns included).
  virtual std::vector<ColumnHandlePtr> getColumnHandles(const TableHandle& table) = 0;
  /// Views of one schema, or of every schema; none by default.
  virtual std::vector<ViewDefinition> listViews(const std::optional<std::string>& schema);
  /// Statistics of the table as narrowed by its handle; unknown by default.
  virtual TableStatistics getTableStatistics(const TableHandle& table);

  /// Offers a filter. nullopt means nothing was accepted (the handle is unchanged).
  virtual std::optional<FilterPushdownResult> applyFilter(const TableHandlePtr& table, const TupleDomain& filter);
  /// Offers a row limit. nullopt means it was not accepted.
  virtual std::optional<LimitPushdownResult> applyLimit(const TableHandlePtr& table, int64_t limit);
  /// Offers a projection: the columns the query reads. nullopt: the connector reads what it is asked
  /// for anyway (the page source receives the column list either way).
  virtual std::optional<TableHandlePtr> applyProjection(
      const TableHandlePtr& table, const std::vector<ColumnHandlePtr>& columns);

  /// Stores a view; ALREADY_EXISTS if the name is taken (by a table, or by a view unless
  /// `replace`).
  virtual void createView(const ViewDefinition& view, bool replace);
  /// NOT_FOUND if there is no such view.
  virtual void dropView(const SchemaTableName& name);
  virtual void createSchema(const std::string& schema);
  virtual void dropSchema(const std::string& schema);
  /// Creates an empty table; ALREADY_EXISTS unless `ignoreExisting`.
  virtual void createTable(const TableMetadata& table, bool ignoreExisting);
  virtual void dropTable(const TableHandle& table);
  /// Starts an insert; the page sinks write under the returned handle.
  virtual InsertTableHandlePtr beginInsert(const TableHandle& table);
  /// Atomically publishes what the page sinks wrote (their `finish()` fragments).
  virtual void finishInsert(const InsertTableHandle& insert, const std::vector<std::string>& fragments);
  /// Discards what the page sinks wrote.
  virtual void abortInsert(const InsertTableHandle& insert);
  /// Deletes every row (DELETE without WHERE); returns the number of rows deleted.
  virtual int64_t deleteAllRows(const TableHandle& table);
};

} // namespace presto::connector
