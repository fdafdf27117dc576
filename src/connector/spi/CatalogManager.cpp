#include "connector/spi/CatalogManager.h"

#include <algorithm>
#include <filesystem>

#include "common/Check.h"

namespace presto::connector {

void ConnectorRegistry::add(std::shared_ptr<ConnectorFactory> factory) {
  auto name = factory->name();
  PRESTO_CHECK(factories_.emplace(name, std::move(factory)).second, "connector {} registered twice", name);
}

ConnectorFactory& ConnectorRegistry::get(const std::string& name) const {
  auto it = factories_.find(name);
  if (it == factories_.end()) {
    std::string known;
    for (const auto& [factoryName, factory] : factories_) {
      known += (known.empty() ? "" : ", ") + factoryName;
    }
    PRESTO_USER_FAIL(errors::CONFIGURATION_INVALID, "Unknown connector '{}' (known connectors: {})", name, known);
  }
  return *it->second;
}

std::vector<std::string> ConnectorRegistry::names() const {
  std::vector<std::string> result;
  for (const auto& [name, factory] : factories_) {
    result.push_back(name);
  }
  return result;
}

void CatalogManager::createCatalog(const std::string& name, PropertiesFile properties) {
  ConfigReader reader(std::move(properties));
  auto connectorName = reader.getOptional("connector.name");
  PRESTO_USER_CHECK(connectorName.has_value(), errors::CONFIGURATION_INVALID,
      "{}: catalog '{}' has no connector.name", reader.source(), name);
  auto& factory = registry_.get(*connectorName);
  auto connector = factory.create(name, reader, context_);
  reader.checkAllUsed();
  std::lock_guard<std::mutex> lock(mutex_);
  PRESTO_USER_CHECK(catalogs_.emplace(name, Catalog{*connectorName, std::move(connector)}).second,
      errors::ALREADY_EXISTS, "Catalog '{}' already exists", name);
}

void CatalogManager::loadCatalogs(const std::string& directory) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".properties") {
      files.push_back(entry.path());
    }
  }
  PRESTO_USER_CHECK(!error, errors::CONFIGURATION_INVALID, "Cannot list catalog directory {}: {}", directory,
      error.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    createCatalog(file.stem().string(), PropertiesFile::load(file.string()));
  }
}

ConnectorPtr CatalogManager::connector(const std::string& catalog) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = catalogs_.find(catalog);
  return it == catalogs_.end() ? nullptr : it->second.connector;
}

ConnectorPtr CatalogManager::requireConnector(const std::string& catalog) const {
  auto result = connector(catalog);
  PRESTO_USER_CHECK(result != nullptr, errors::NOT_FOUND, "Catalog '{}' does not exist", catalog);
  return result;
}

std::vector<std::string> CatalogManager::catalogNames() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [name, catalog] : catalogs_) {
    names.push_back(name);
  }
  return names;
}

std::string CatalogManager::connectorName(const std::string& catalog) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = catalogs_.find(catalog);
  PRESTO_USER_CHECK(it != catalogs_.end(), errors::NOT_FOUND, "Catalog '{}' does not exist", catalog);
  return it->second.connectorName;
}

} // namespace presto::connector
