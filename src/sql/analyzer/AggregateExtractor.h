#pragma once

#include <functional>

#include "sql/analyzer/AnalyzerContext.h"
#include "sql/parser/ast/Ast.h"

namespace presto::sql {

/// Calls `visit` on each direct subexpression of `expression` (operands, arguments, window
/// partition and order keys, FILTER), not descending into subqueries.
void forEachChild(const Expression& expression, const std::function<void(const ExpressionPtr&)>& visit);

/// Finds the aggregate calls of a query's expressions (calls of aggregate functions without OVER,
/// and GROUPING(...)), outermost first and without duplicates; window function arguments are
/// searched (`sum(sum(x)) OVER ()` aggregates `sum(x)`), subqueries are not.
std::vector<std::shared_ptr<const FunctionCall>> extractAggregates(
    const AnalyzerContext& context, const std::vector<ExpressionPtr>& expressions);

/// Finds the window function calls (calls with OVER) of a query's expressions, without duplicates.
std::vector<std::shared_ptr<const FunctionCall>> extractWindowFunctions(const std::vector<ExpressionPtr>& expressions);

/// Whether `call` names an aggregate function (and no scalar function of that name exists).
bool isAggregateCall(const AnalyzerContext& context, const FunctionCall& call);

} // namespace presto::sql
