#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "connector/spi/Connector.h"

namespace presto::connector {

/// The connector factories a process knows, by connector name. Filled once at start-up.
class ConnectorRegistry {
 public:
  void add(std::shared_ptr<ConnectorFactory> factory);
  /// The factory for `name`; CONFIGURATION_INVALID naming the known ones if there is none.
  ConnectorFactory& get(const std::string& name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::shared_ptr<ConnectorFactory>> factories_;
};

/// The catalogs of a node: names bound to connector instances, created from
/// `etc/catalog/NAME.properties` files (`connector.name=...` plus the connector's properties).
/// Unknown connector names and unknown or malformed properties fail at start-up with a message
/// naming the file. Thread-safe.
class CatalogManager {
 public:
  CatalogManager(const ConnectorRegistry& registry, ConnectorContext context)
      : registry_(registry), context_(std::move(context)) {}

  /// Creates one catalog from its properties; ALREADY_EXISTS if the name is taken.
  void createCatalog(const std::string& name, PropertiesFile properties);
  /// Creates a catalog for every `*.properties` file in `directory` (the file name is the catalog name).
  void loadCatalogs(const std::string& directory);

  /// The connector of a catalog, or nullptr.
  ConnectorPtr connector(const std::string& catalog) const;
  /// The connector of a catalog; NOT_FOUND (`Catalog 'x' does not exist`) if there is none.
  ConnectorPtr requireConnector(const std::string& catalog) const;
  /// Catalog names, sorted.
  std::vector<std::string> catalogNames() const;
  /// connector.name of a catalog.
  std::string connectorName(const std::string& catalog) const;

 private:
  struct Catalog {
    std::string connectorName;
    ConnectorPtr connector;
  };

  const ConnectorRegistry& registry_;
  const ConnectorContext context_;
  mutable std::mutex mutex_;
  std::map<std::string, Catalog> catalogs_;
};

} // namespace presto::connector
