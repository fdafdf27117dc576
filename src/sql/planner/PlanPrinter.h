#pragma once

#include <functional>
#include <string_view>

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// EXPLAIN's `FORMAT TEXT` or `FORMAT JSON`.
enum class ExplainFormat { kText, kJson };

/// Renders a plan as EXPLAIN (TYPE LOGICAL) text: one line per node,
/// `- Name[details] => [symbol:type, ...]`, its detail lines (assignments, aggregates) indented
/// below it, and its sources indented by four more spaces.
std::string printPlan(const PlanNode& root);

/// Text appended to a node's EXPLAIN line (e.g. its estimated rows); empty for none.
using PlanAnnotator = std::function<std::string(const PlanNodePtr& node)>;
/// printPlan with each node's line followed by ` ` and its annotation.
std::string printPlan(const PlanNodePtr& root, const PlanAnnotator& annotate);

/// Renders a plan as EXPLAIN (FORMAT JSON): one object per node,
/// `{"id": "3", "name": "Filter", "details": "...", "detailLines": [...],
/// "outputs": ["a:bigint", ...], "children": [...]}`, without whitespace.
std::string printPlanJson(const PlanNode& root);

/// `text` as a JSON string literal, quoted and escaped.
std::string jsonString(std::string_view text);

} // namespace presto::sql
