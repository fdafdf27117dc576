#pragma once

#include "sql/planner/TableScanNode.h"

namespace presto::sql {

/// Whether `scan` reads a table the coordinator answers from its own state (the `system` catalog
/// and every catalog's information_schema): such scans run in one task on the coordinator.
inline bool readsCoordinatorTable(const TableScanNode& scan) {
  const auto& name = scan.table()->name;
  return name.catalog == "system" || name.schema == "information_schema";
}

} // namespace presto::sql
