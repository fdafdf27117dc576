#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// `node` with its sources replaced (same id and arguments); `node` itself when every source is
/// unchanged. Nodes whose outputs follow their sources' (Filter, Join, ...) output the new
/// sources' symbols.
/// REQUIRES: sources.size() == node->sources().size().
PlanNodePtr replaceSources(const PlanNodePtr& node, std::vector<PlanNodePtr> sources);

/// Calls `rewrite` on each source of `node` and replaces the sources with the results.
template <typename Rewrite>
PlanNodePtr rewriteSources(const PlanNodePtr& node, Rewrite&& rewrite) {
  std::vector<PlanNodePtr> sources;
  for (const auto& source : node->sources()) {
    sources.push_back(rewrite(source));
  }
  return replaceSources(node, std::move(sources));
}

} // namespace presto::sql
