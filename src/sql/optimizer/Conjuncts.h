#pragma once

#include <vector>

#include "expression/RowExpression.h"

namespace presto::sql {

/// The conjuncts of `expression`: the arguments of nested ANDs, or the expression itself. A
/// `true` constant has no conjuncts.
std::vector<RowExpressionPtr> extractConjuncts(const RowExpressionPtr& expression);
/// The disjuncts of `expression`: the arguments of nested ORs, or the expression itself.
std::vector<RowExpressionPtr> extractDisjuncts(const RowExpressionPtr& expression);
/// `conjuncts` without repeats of a deterministic conjunct, in order.
std::vector<RowExpressionPtr> uniqueConjuncts(const std::vector<RowExpressionPtr>& conjuncts);

} // namespace presto::sql
