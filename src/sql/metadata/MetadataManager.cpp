#include "sql/metadata/MetadataManager.h"

#include <algorithm>

#include "sql/metadata/SemanticError.h"

namespace presto::sql {

MetadataManager::MetadataManager(const connector::CatalogManager& catalogs, connector::ConnectorPtr systemConnector,
    InformationSchemaFactory informationSchema)
    : catalogs_(catalogs),
      systemConnector_(std::move(systemConnector)),
      informationSchemaFactory_(std::move(informationSchema)) {}

QualifiedObjectName MetadataManager::qualify(const Session& session, const QualifiedName& name) const {
  const auto& parts = name.parts;
  if (parts.size() > 3) {
    semanticError(name.location(), "Too many dots in table name: {}", name.toString());
  }
  QualifiedObjectName result;
  result.object = parts.back()->value;
  if (parts.size() >= 2) {
    result.schema = parts[parts.size() - 2]->value;
  } else if (session.schema()) {
    result.schema = *session.schema();
  } else {
    semanticError(name.location(), "Schema must be specified when session schema is not set");
  }
  if (parts.size() == 3) {
    result.catalog = parts[0]->value;
  } else if (session.catalog()) {
    result.catalog = *session.catalog();
  } else {
    semanticError(name.location(), "Catalog must be specified when session catalog is not set");
  }
  return result;
}

connector::ConnectorPtr MetadataManager::catalogConnector(const std::string& catalog) const {
  if (catalog == kSystemCatalog && systemConnector_) {
    return systemConnector_;
  }
  return catalogs_.connector(catalog);
}

connector::ConnectorPtr MetadataManager::informationSchemaOf(const std::string& catalog) const {
  if (!informationSchemaFactory_) {
    return nullptr;
  }
  auto target = catalogConnector(catalog);
  if (!target) {
    return nullptr;
  }
  std::lock_guard lock(mutex_);
  auto& cached = informationSchemas_[catalog];
  if (!cached) {
    cached = informationSchemaFactory_(catalog, target);
  }
  return cached;
}

connector::ConnectorPtr MetadataManager::connectorFor(const std::string& catalog, const std::string& schema) const {
  if (schema == kInformationSchemaName) {
    if (auto routed = informationSchemaOf(catalog)) {
      return routed;
    }
  }
  return catalogConnector(catalog);
}

std::vector<std::string> MetadataManager::catalogNames() const {
  auto names = catalogs_.catalogNames();
  if (systemConnector_ && std::find(names.begin(), names.end(), kSystemCatalog) == names.end()) {
    names.push_back(kSystemCatalog);
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool MetadataManager::catalogExists(const std::string& catalog) const {
  return catalogConnector(catalog) != nullptr;
}

bool MetadataManager::schemaExists(const std::string& catalog, const std::string& schema) const {
  auto connector = catalogConnector(catalog);
  if (!connector) {
    return false;
  }
  if (schema == kInformationSchemaName && informationSchemaFactory_) {
    return true;
  }
  return connector->metadata().schemaExists(schema);
}

std::vector<std::string> MetadataManager::listSchemas(const std::string& catalog) const {
  auto connector = catalogConnector(catalog);
  if (!connector) {
    return {};
  }
  auto schemas = connector->metadata().listSchemaNames();
  if (informationSchemaFactory_ &&
      std::find(schemas.begin(), schemas.end(), kInformationSchemaName) == schemas.end()) {
    schemas.push_back(kInformationSchemaName);
  }
  std::sort(schemas.begin(), schemas.end());
  return schemas;
}

std::vector<std::string> MetadataManager::listTables(const std::string& catalog, const std::string& schema) const {
  auto connector = connectorFor(catalog, schema);
  if (!connector) {
    return {};
  }
  std::vector<std::string> names;
  for (const auto& table : connector->metadata().listTables(schema)) {
    names.push_back(table.table);
  }
  for (const auto& view : connector->metadata().listViews(schema)) {
    names.push_back(view.name.table);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

TableInfoPtr MetadataManager::findTable(const QualifiedObjectName& name, SourceLocation location) const {
  auto connector = connectorFor(name.catalog, name.schema);
  if (!connector) {
    semanticError(location, "Catalog '{}' does not exist", name.catalog);
  }
  if (!schemaExists(name.catalog, name.schema)) {
    semanticError(location, "Schema '{}' does not exist", name.schema);
  }
  auto& metadata = connector->metadata();
  auto handle = metadata.getTableHandle({name.schema, name.object});
  if (!handle) {
    return nullptr;
  }
  auto info = std::make_shared<TableInfo>();
  info->name = name;
  info->connector = connector;
  info->handle = handle;
  info->metadata = metadata.getTableMetadata(*handle);
  info->columns = metadata.getColumnHandles(*handle);
  return info;
}

TableInfoPtr MetadataManager::requireTable(const QualifiedObjectName& name, SourceLocation location) const {
  auto table = findTable(name, location);
  if (!table) {
    semanticError(location, "Table '{}' does not exist", name.toString());
  }
  return table;
}

std::optional<connector::ViewDefinition> MetadataManager::findView(const QualifiedObjectName& name) const {
  auto connector = connectorFor(name.catalog, name.schema);
  if (!connector) {
    return std::nullopt;
  }
  for (auto& view : connector->metadata().listViews(name.schema)) {
    if (view.name.table == name.object) {
      return view;
    }
  }
  return std::nullopt;
}

} // namespace presto::sql
