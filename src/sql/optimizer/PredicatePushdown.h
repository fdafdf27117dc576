#pragma once

#include "sql/optimizer/Rule.h"

namespace presto::sql {

/// `predicate_pushdown`: moves filter conjuncts as close to the data as they can go, top-down:
///  - through Project (substituting the assignments), Sort, SemiJoin (source side), Union (per
///    branch), Window (partition keys only) and Aggregation (grouping keys only);
///  - into joins: an inner join and the conjuncts above it are one pool of conjuncts: those over
///    one side go down that side, `left = right` equalities become join criteria, the rest the
///    join filter; conjuncts over one side are also copied to the other through the join keys
///    (`a = b AND a > 5` gives `b > 5`);
///  - outer joins: conjuncts above go to the preserved side only; ON-clause conjuncts over the
///    inner side go to the inner side; a conjunct above that is never true when the inner side is
///    NULL turns the outer join into an inner join (a full join into a left, right or inner one).
/// Conjuncts that cannot move stay in a Filter where they stopped.
OptimizerPassPtr makePredicatePushdownPass();

} // namespace presto::sql
