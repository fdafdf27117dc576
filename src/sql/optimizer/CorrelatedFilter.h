#pragma once

#include <optional>

#include "sql/optimizer/OptimizerContext.h"
#include "sql/optimizer/SymbolReferences.h"

namespace presto::sql {

/// A correlated subquery split into an uncorrelated plan and the correlated conjuncts that were
/// pulled out of it.
struct PulledCorrelation {
  /// The subquery's Projects (also passing through the symbols the correlated conjuncts read)
  /// over a Filter of its uncorrelated conjuncts over the rest of the plan; reads no correlation.
  PlanNodePtr plan;
  /// Conjuncts reading correlation symbols (and outputs of `plan`).
  std::vector<RowExpressionPtr> correlatedConjuncts;
};

/// Pulls the correlation out of `subquery` when it has the shape Project* -> Filter -> plan,
/// where only the Filter's conjuncts read `correlation`. nullopt for any other shape.
std::optional<PulledCorrelation> pullCorrelatedConjuncts(
    const PlanNodePtr& subquery, const SymbolNames& correlation, OptimizerContext& context);

} // namespace presto::sql
