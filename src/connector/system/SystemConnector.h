#pragma once

#include "connector/spi/CatalogManager.h"
#include "connector/system/RuntimeInfo.h"
#include "connector/system/SystemTableConnector.h"

namespace presto::connector {

/// The `system` catalog: `metadata.catalogs`, `metadata.table_properties`, `runtime.nodes`,
/// `runtime.queries` and `runtime.tasks`. Catalog rows come from the CatalogManager; runtime rows
/// from the RuntimeInfoSource of the hosting process.
std::shared_ptr<SystemTableConnector> createSystemConnector(
    const CatalogManager& catalogs, std::shared_ptr<const RuntimeInfoSource> runtime);

} // namespace presto::connector
