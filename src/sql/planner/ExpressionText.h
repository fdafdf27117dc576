#pragma once

#include "expression/RowExpression.h"

namespace presto::sql {

/// Renders a plan expression as readable SQL-like text for EXPLAIN: operators infix
/// (`(a + b)`), special forms as SQL (`CAST(x AS bigint)`, `x IN (1, 2)`, `CASE ...`), constants
/// typed where the type is not obvious (`DATE '1998-12-01'`, `decimal(3,2) '0.05'`).
std::string expressionText(const RowExpression& expression);

} // namespace presto::sql
