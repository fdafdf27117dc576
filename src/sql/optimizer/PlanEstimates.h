#pragma once

#include "function/FunctionRegistry.h"
#include "sql/metadata/MetadataManager.h"
#include "sql/planner/PlanPrinter.h"

namespace presto::sql {

/// EXPLAIN's annotation of each node of `plan` with its estimated output rows
/// (`{rows: 1234}`), from the CardinalityEstimator.
PlanAnnotator rowEstimates(
    const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata, const FunctionRegistry& functions);

} // namespace presto::sql
