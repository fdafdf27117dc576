#include "sql/analyzer/ExpressionAnalyzer.h"
#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"

namespace presto::sql {

RowExpressionPtr ExpressionAnalyzer::analyzeFunctionCall(const FunctionCall& node, const ExpressionPtr& self) {
  std::string name = node.name.toString();
  bool aggregate = context_.hasFunctionOfKind(name, FunctionKind::kAggregate) &&
      !context_.hasFunctionOfKind(name, FunctionKind::kScalar);
  if (node.window || aggregate || name == "grouping") {
    // Aggregates, window functions and GROUPING() are computed by plan nodes below and reach here
    // only through substitutions; anywhere else they are misplaced.
    const std::string& message = expressionContext_.aggregateError;
    if (!message.empty()) {
      semanticError(node.location, "{}: [{}]", message, formatExpression(*self));
    }
    if (name == "grouping") {
      semanticError(node.location, "A GROUPING() operation can only be used with a corresponding GROUPING SET/CUBE/ROLLUP/GROUP BY clause");
    }
    semanticError(node.location, "'{}' must be an aggregate expression or appear in GROUP BY clause", formatExpression(*self));
  }
  if (node.distinct) {
    semanticError(node.location, "DISTINCT is not supported for non-aggregation functions");
  }
  if (node.filter) {
    semanticError(node.location, "Filter is only valid for aggregation functions");
  }
  if (!node.orderBy.empty()) {
    semanticError(node.location, "ORDER BY is only valid for aggregation functions");
  }
  std::vector<RowExpressionPtr> arguments;
  std::vector<TypePtr> types;
  for (const auto& argument : node.arguments) {
    arguments.push_back(process(argument));
    types.push_back(arguments.back()->type());
  }
  auto function = resolveFunction(context_.functions(), name, types, FunctionKind::kScalar, node.location);
  return makeCall(std::move(function), std::move(arguments));
}

} // namespace presto::sql
