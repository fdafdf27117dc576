#include "sql/optimizer/SymbolReferences.h"

#include <algorithm>

namespace presto::sql {
namespace {

void collect(const RowExpression& expression, const std::set<std::string>& lambdaParameters, SymbolNames& names) {
  switch (expression.kind()) {
    case RowExpressionKind::kVariableReference: {
      const auto& name = expression.as<VariableReferenceExpression>()->name();
      if (lambdaParameters.count(name) == 0) {
        names.insert(name);
      }
      return;
    }
    case RowExpressionKind::kLambda: {
      auto inner = lambdaParameters;
      const auto& parameters = expression.as<LambdaDefinitionExpression>()->parameterNames();
      inner.insert(parameters.begin(), parameters.end());
      collect(*expression.as<LambdaDefinitionExpression>()->body(), inner, names);
      return;
    }
    default:
      for (const auto& argument : expression.arguments()) {
        collect(*argument, lambdaParameters, names);
      }
  }
}

} // namespace

SymbolNames referencedSymbols(const RowExpression& expression) {
  SymbolNames names;
  collect(expression, {}, names);
  return names;
}

void addReferencedSymbols(const RowExpression& expression, SymbolNames& names) {
  collect(expression, {}, names);
}

SymbolNames namesOf(const std::vector<Symbol>& symbols) {
  SymbolNames names;
  for (const auto& symbol : symbols) {
    names.insert(symbol->name());
  }
  return names;
}

bool containsAll(const SymbolNames& available, const SymbolNames& names) {
  return std::all_of(names.begin(), names.end(), [&](const auto& name) { return available.count(name) > 0; });
}

RowExpressionPtr withArguments(const RowExpression& expression, std::vector<RowExpressionPtr> arguments) {
  switch (expression.kind()) {
    case RowExpressionKind::kCall:
      return std::make_shared<CallExpression>(expression.as<CallExpression>()->function(), std::move(arguments));
    case RowExpressionKind::kSpecialForm:
      return std::make_shared<SpecialFormExpression>(
          expression.as<SpecialFormExpression>()->form(), expression.type(), std::move(arguments));
    case RowExpressionKind::kLambda: {
      const auto& lambda = *expression.as<LambdaDefinitionExpression>();
      return std::make_shared<LambdaDefinitionExpression>(
          lambda.parameterNames(), lambda.parameterTypes(), std::move(arguments.at(0)));
    }
    default: return nullptr;
  }
}

RowExpressionPtr substituteSymbols(const RowExpressionPtr& expression, const SymbolMapping& mapping) {
  if (mapping.empty()) {
    return expression;
  }
  switch (expression->kind()) {
    case RowExpressionKind::kVariableReference: {
      auto it = mapping.find(expression->as<VariableReferenceExpression>()->name());
      return it == mapping.end() ? expression : it->second;
    }
    case RowExpressionKind::kConstant:
    case RowExpressionKind::kInputReference: return expression;
    case RowExpressionKind::kLambda: {
      auto inner = mapping;
      for (const auto& parameter : expression->as<LambdaDefinitionExpression>()->parameterNames()) {
        inner.erase(parameter);
      }
      auto body = substituteSymbols(expression->as<LambdaDefinitionExpression>()->body(), inner);
      return body == expression->as<LambdaDefinitionExpression>()->body() ? expression : withArguments(*expression, {body});
    }
    default: {
      std::vector<RowExpressionPtr> arguments;
      bool changed = false;
      for (const auto& argument : expression->arguments()) {
        arguments.push_back(substituteSymbols(argument, mapping));
        changed = changed || arguments.back() != argument;
      }
      return changed ? withArguments(*expression, std::move(arguments)) : expression;
    }
  }
}

Symbol asSymbol(const RowExpressionPtr& expression) {
  if (expression->kind() != RowExpressionKind::kVariableReference) {
    return nullptr;
  }
  return std::static_pointer_cast<const VariableReferenceExpression>(expression);
}

} // namespace presto::sql
