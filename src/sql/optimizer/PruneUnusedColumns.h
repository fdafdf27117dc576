#pragma once

#include "sql/optimizer/Rule.h"

namespace presto::sql {

/// `prune_unused_columns`: top-down, keeps only what the nodes above read: TableScans read only
/// the columns used (at least one, so that rows still have a column), Projects, Aggregations,
/// Windows and Values lose unused outputs, a MarkDistinct whose marker is unused disappears, and
/// Unions lose unused columns.
OptimizerPassPtr makePruneUnusedColumnsPass();

} // namespace presto::sql
