#pragma once

#include "sql/optimizer/Rule.h"

namespace presto::sql {

/// The session property choosing the join order strategy: AUTOMATIC (default; cost-based from
/// connector statistics), ELIMINATE_CROSS_JOINS (the written order, except that a relation is
/// joined only once something it is connected to is) or NONE.
inline constexpr const char* kJoinReorderingStrategy = "join_reordering_strategy";

/// `reorder_joins`: each tree of inner joins becomes a join graph (relations plus conjuncts) that
/// is joined again in a new order: by dynamic programming over connected subsets up to
/// kMaxDynamicProgrammingRelations relations, greedily beyond. Key equalities are closed
/// transitively, so that `a = b AND b = c` also connects a's and c's relations; a cross join is
/// only made when the graph is not connected. The smaller input of each join goes to the right
/// (build) side.
OptimizerPassPtr makeJoinReorderingPass();

} // namespace presto::sql
