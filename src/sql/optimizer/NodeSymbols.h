#pragma once

#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// The symbols a node's own arguments read (predicates, assignments, keys, aggregate arguments,
/// correlation lists, ...), not counting what it merely passes through from its sources.
SymbolNames symbolsReadBy(const PlanNode& node);

/// Whether some node of the subtree reads one of `symbols`.
bool subtreeReads(const PlanNode& root, const SymbolNames& symbols);

} // namespace presto::sql
