#include "expression/ConstantFolder.h"

#include "expression/ExprSet.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

bool referencesColumns(const RowExpression& expression) {
  if (expression.kind() == RowExpressionKind::kInputReference ||
      expression.kind() == RowExpressionKind::kVariableReference || expression.kind() == RowExpressionKind::kLambda) {
    return true;
  }
  for (const auto& argument : expression.arguments()) {
    if (referencesColumns(*argument)) {
      return true;
    }
  }
  return false;
}

} // namespace

Value evaluateConstant(const RowExpressionPtr& expression, const FunctionRegistry& registry) {
  ExprSet exprSet({expression}, registry, 0);
  std::vector<VectorPtr> noInputs;
  std::vector<VectorPtr> results;
  exprSet.eval(SelectivityVector(1), noInputs, results);
  return valueAt(*results[0], 0);
}

RowExpressionPtr foldConstants(const RowExpressionPtr& expression, const FunctionRegistry& registry) {
  if (expression->kind() == RowExpressionKind::kConstant) {
    return expression;
  }
  if (!referencesColumns(*expression) && expression->isDeterministic()) {
    try {
      return std::make_shared<ConstantExpression>(evaluateConstant(expression, registry), expression->type());
    } catch (const PrestoException&) {
      // Keep the failing subtree; its own subtrees may still fold.
    }
  }
  if (expression->kind() == RowExpressionKind::kLambda) {
    const auto* lambda = expression->as<LambdaDefinitionExpression>();
    return std::make_shared<LambdaDefinitionExpression>(
        lambda->parameterNames(), lambda->parameterTypes(), foldConstants(lambda->body(), registry));
  }
  std::vector<RowExpressionPtr> arguments;
  bool changed = false;
  for (const auto& argument : expression->arguments()) {
    arguments.push_back(foldConstants(argument, registry));
    changed = changed || arguments.back() != argument;
  }
  if (!changed) {
    return expression;
  }
  switch (expression->kind()) {
    case RowExpressionKind::kCall:
      return std::make_shared<CallExpression>(expression->as<CallExpression>()->function(), std::move(arguments));
    case RowExpressionKind::kSpecialForm:
      return std::make_shared<SpecialFormExpression>(
          expression->as<SpecialFormExpression>()->form(), expression->type(), std::move(arguments));
    default:
      return expression;
  }
}

} // namespace presto
