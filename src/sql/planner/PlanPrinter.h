#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Renders a plan as EXPLAIN (TYPE LOGICAL) text: one line per node,
/// `- Name[details] => [symbol:type, ...]`, its detail lines (assignments, aggregates) indented
/// below it, and its sources indented by four more spaces.
std::string printPlan(const PlanNode& root);

} // namespace presto::sql
