#pragma once

#include <optional>

#include "sql/optimizer/OptimizerContext.h"
#include "sql/planner/ProjectNode.h"

namespace presto::sql {

/// Conjuncts over two plans sorted for a join of them: `left = right` equalities become key
/// pairs (symbols; expressions are computed by a Project added over their side), the rest is a
/// residual filter.
struct EquiJoinKeys {
  PlanNodePtr left;
  PlanNodePtr right;
  std::vector<Symbol> leftKeys;
  std::vector<Symbol> rightKeys;
  std::vector<RowExpressionPtr> residual;
};

/// Splits `conjuncts` over the outputs of `left` and `right`; nullopt when a conjunct reads a
/// symbol that neither side outputs.
std::optional<EquiJoinKeys> equiJoinKeys(const PlanNodePtr& left, const PlanNodePtr& right,
    const std::vector<RowExpressionPtr>& conjuncts, OptimizerContext& context);

/// A Project over `source` passing every output of `source` through and adding `extra`.
PlanNodePtr projectWith(const PlanNodePtr& source, const std::vector<Assignment>& extra, OptimizerContext& context);

} // namespace presto::sql
