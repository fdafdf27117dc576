#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "connector/spi/CatalogManager.h"
#include "sql/metadata/QualifiedObjectName.h"
#include "sql/metadata/Session.h"
#include "sql/parser/ast/Expression.h"

namespace presto::sql {

/// A table as the analyzer sees it: the connector that owns it, its handle, metadata and column
/// handles (in table order, hidden columns included).
struct TableInfo {
  QualifiedObjectName name;
  connector::ConnectorPtr connector;
  connector::TableHandlePtr handle;
  connector::TableMetadata metadata;
  std::vector<connector::ColumnHandlePtr> columns;
};

using TableInfoPtr = std::shared_ptr<const TableInfo>;

/// Builds the `information_schema` connector of one catalog (connector/system provides it; the sql
/// layer receives it as a function so that it does not depend on a connector implementation).
using InformationSchemaFactory =
    std::function<connector::ConnectorPtr(const std::string& catalog, connector::ConnectorPtr target)>;

/// The analyzer's view of every catalog: a facade over the CatalogManager that resolves names with
/// the session's defaults, routes `c.information_schema.*` to the catalog's information schema and
/// the `system` catalog to the system connector, and lists schemas, tables, columns and views.
/// User errors carry the location of the name they are about.
class MetadataManager {
 public:
  /// `systemConnector` and `informationSchema` may be null (no `system` catalog, no
  /// information_schema schemas).
  MetadataManager(const connector::CatalogManager& catalogs, connector::ConnectorPtr systemConnector,
      InformationSchemaFactory informationSchema);

  /// `t`, `s.t` or `c.s.t` completed from the session: `Catalog must be specified when session
  /// catalog is not set`, `Schema must be specified when session schema is not set`, or
  /// `Too many dots in table name` (SYNTAX_ERROR at the name).
  QualifiedObjectName qualify(const Session& session, const QualifiedName& name) const;

  /// Catalog names (the system catalog included), sorted.
  std::vector<std::string> catalogNames() const;
  bool catalogExists(const std::string& catalog) const;
  bool schemaExists(const std::string& catalog, const std::string& schema) const;
  /// Schemas of a catalog, `information_schema` included, sorted.
  std::vector<std::string> listSchemas(const std::string& catalog) const;
  /// Tables and views of one schema, sorted.
  std::vector<std::string> listTables(const std::string& catalog, const std::string& schema) const;

  /// The table, or nullptr when the catalog and schema exist but the table does not. Missing
  /// catalog or schema are errors (`Catalog 'x' does not exist`, `Schema 'x' does not exist`) at
  /// `location`.
  TableInfoPtr findTable(const QualifiedObjectName& name, SourceLocation location) const;
  /// Like findTable but `Table 'c.s.t' does not exist` when absent.
  TableInfoPtr requireTable(const QualifiedObjectName& name, SourceLocation location) const;
  /// A stored view, if any.
  std::optional<connector::ViewDefinition> findView(const QualifiedObjectName& name) const;

  /// The connector that answers for `catalog.schema` (information schema routing included), or
  /// nullptr when the catalog does not exist.
  connector::ConnectorPtr connectorFor(const std::string& catalog, const std::string& schema) const;

 private:
  connector::ConnectorPtr catalogConnector(const std::string& catalog) const;
  connector::ConnectorPtr informationSchemaOf(const std::string& catalog) const;

  const connector::CatalogManager& catalogs_;
  connector::ConnectorPtr systemConnector_;
  InformationSchemaFactory informationSchemaFactory_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, connector::ConnectorPtr> informationSchemas_;
};

inline constexpr const char* kSystemCatalog = "system";
inline constexpr const char* kInformationSchemaName = "information_schema";

} // namespace presto::sql
