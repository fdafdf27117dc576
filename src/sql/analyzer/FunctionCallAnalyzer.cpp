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
  for (const auto& argument : node.arguments) {
    if (argument->kind() == NodeKind::kLambda) {
      return analyzeHigherOrderCall(node, name);
    }
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

RowExpressionPtr ExpressionAnalyzer::analyzeHigherOrderCall(const FunctionCall& node, const std::string& name) {
  std::vector<RowExpressionPtr> arguments(node.arguments.size());
  std::vector<TypePtr> types(node.arguments.size());
  for (size_t i = 0; i < node.arguments.size(); ++i) {
    if (node.arguments[i]->kind() != NodeKind::kLambda) {
      arguments[i] = process(node.arguments[i]);
      types[i] = arguments[i]->type();
    }
  }
  for (size_t i = 0; i < node.arguments.size(); ++i) {
    if (node.arguments[i]->kind() != NodeKind::kLambda) {
      continue;
    }
    const auto& lambda = node.arguments[i]->as<Lambda>();
    auto parameterTypes = context_.functions().lambdaParameterTypes(name, types, i);
    if (!parameterTypes) {
      semanticError(lambda.location, "Function {} does not take a lambda as argument {} here", name, i + 1);
    }
    if (parameterTypes->size() != lambda.arguments.size()) {
      semanticError(lambda.location, "Expected a lambda that takes {} argument(s) but got {}", parameterTypes->size(),
          lambda.arguments.size());
    }
    std::map<std::string, TypePtr> parameters;
    std::vector<std::string> names;
    for (size_t p = 0; p < lambda.arguments.size(); ++p) {
      names.push_back(lambda.arguments[p]->value);
      parameters[names.back()] = (*parameterTypes)[p];
    }
    lambdaScopes_.push_back(std::move(parameters));
    RowExpressionPtr body;
    try {
      body = process(lambda.body);
    } catch (...) {
      lambdaScopes_.pop_back();
      throw;
    }
    lambdaScopes_.pop_back();
    types[i] = body->type();
    arguments[i] = std::make_shared<LambdaDefinitionExpression>(std::move(names), *parameterTypes, std::move(body));
  }
  auto function = resolveFunction(context_.functions(), name, types, FunctionKind::kScalar, node.location);
  return makeCall(std::move(function), std::move(arguments));
}

} // namespace presto::sql
