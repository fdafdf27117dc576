#pragma once

#include "expression/RowExpression.h"

namespace presto::sql {

/// Simplifies an expression without changing its value: folds constant subtrees (ConstantFolder),
/// flattens AND/OR and drops their neutral and absorbing constants and repeated terms, removes
/// double negation, and factors the conjuncts common to every disjunct out of an OR
/// (`(a AND b) OR (a AND c)` -> `a AND (b OR c)`), which exposes join conditions hidden in ORs.
RowExpressionPtr simplifyExpression(const RowExpressionPtr& expression, const FunctionRegistry& functions);

} // namespace presto::sql
