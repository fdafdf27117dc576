#pragma once

#include "connector/system/SystemTableConnector.h"

namespace presto::connector {

/// The `information_schema` schema of one catalog: `schemata`, `tables`, `columns` and `views`,
/// answered from the catalog's ConnectorMetadata. Constraints on `table_schema` and `table_name`
/// turn listings into lookups, so `WHERE table_schema = 's' AND table_name = 't'` reads one table.
std::shared_ptr<SystemTableConnector> createInformationSchemaConnector(
    const std::string& catalog, std::shared_ptr<Connector> target);

inline constexpr std::string_view kInformationSchema = "information_schema";

} // namespace presto::connector
