#include <algorithm>
#include <limits>

#include "server/protocol/ExpressionJson.h"

namespace presto::server::planjson {
namespace {

constexpr size_t kAny = std::numeric_limits<size_t>::max();

/// How many arguments a special form takes: what evaluating it reads, so that a hostile plan
/// cannot make the expression compiler index past them.
std::pair<size_t, size_t> argumentCountRange(SpecialForm form) {
  switch (form) {
    case SpecialForm::kAnd:
    case SpecialForm::kOr:
    case SpecialForm::kSwitch:
    case SpecialForm::kCoalesce:
    case SpecialForm::kIn:
    case SpecialForm::kBind:
      return {1, kAny};
    case SpecialForm::kIf:
      return {2, 3};
    case SpecialForm::kWhen:
    case SpecialForm::kDereference:
    case SpecialForm::kNullIf:
      return {2, 2};
    case SpecialForm::kIsNull:
    case SpecialForm::kCast:
    case SpecialForm::kTryCast:
    case SpecialForm::kTry:
      return {1, 1};
    case SpecialForm::kRowConstructor:
    case SpecialForm::kArrayConstructor:
      return {0, kAny};
  }
  return {0, kAny};
}

SpecialForm specialFormFromJson(const Json& json) {
  for (int form = 0; form <= static_cast<int>(SpecialForm::kNullIf); ++form) {
    if (json.is_string() && json.get_ref<const std::string&>() == specialFormName(static_cast<SpecialForm>(form))) {
      return static_cast<SpecialForm>(form);
    }
  }
  failMalformed("unknown special form " + json.dump());
}

Json argumentsToJson(const RowExpression& expression) {
  Json arguments = Json::array();
  for (const auto& argument : expression.arguments()) {
    arguments.push_back(expressionToJson(*argument));
  }
  return arguments;
}

/// Decodes expressions, following at most kMaxNestingDepth levels.
class ExpressionDecoder {
 public:
  ExpressionDecoder(const FunctionRegistry& functions, const SymbolTable& symbols)
      : functions_(functions), symbols_(symbols) {}

  RowExpressionPtr decode(const Json& json) {
    if (++depth_ > kMaxNestingDepth) {
      failMalformed("expression nested too deeply");
    }
    auto expression = decodeNode(json);
    --depth_;
    return expression;
  }

 private:
  RowExpressionPtr decodeNode(const Json& json) {
    auto kind = requireField(json, "@kind").get<std::string>();
    if (kind == "call") {
      return call(json);
    }
    if (kind == "constant") {
      auto type = typeFromJson(requireField(json, "type"));
      return std::make_shared<ConstantExpression>(constantValueFromJson(requireField(json, "value"), *type), type);
    }
    if (kind == "input") {
      auto channel = requireField(json, "channel").get<int32_t>();
      if (channel < 0) {
        failMalformed("negative input channel " + std::to_string(channel));
      }
      return std::make_shared<InputReferenceExpression>(channel, typeFromJson(requireField(json, "type")));
    }
    if (kind == "variable") {
      return variable(json);
    }
    if (kind == "lambda") {
      return lambda(json);
    }
    if (kind == "special") {
      return special(json);
    }
    failMalformed("unknown expression kind '" + kind + "'");
  }

  std::vector<RowExpressionPtr> arguments(const Json& json) {
    std::vector<RowExpressionPtr> arguments;
    for (const auto& argument : requireArray(requireField(json, "arguments"), "arguments")) {
      arguments.push_back(decode(argument));
    }
    return arguments;
  }

  RowExpressionPtr call(const Json& json) {
    auto function = functionFromJson(requireField(json, "function"), functions_);
    auto arguments = this->arguments(json);
    if (arguments.size() != function->argumentTypes.size()) {
      failMalformed(function->toString() + " called with " + std::to_string(arguments.size()) + " arguments");
    }
    for (size_t i = 0; i < arguments.size(); ++i) {
      if (!sameType(arguments[i]->type(), function->argumentTypes[i])) {
        failMalformed(function->toString() + " called with a " + arguments[i]->type()->toString() + " argument " +
            std::to_string(i + 1));
      }
    }
    return std::make_shared<CallExpression>(std::move(function), std::move(arguments));
  }

  RowExpressionPtr variable(const Json& json) {
    auto name = requireField(json, "name").get<std::string>();
    auto type = typeFromJson(requireField(json, "type"));
    auto symbol = symbols_.find(name);
    bool isParameter = std::find(parameters_.begin(), parameters_.end(), name) != parameters_.end();
    if (isParameter || symbol == symbols_.end()) {
      return std::make_shared<VariableReferenceExpression>(std::move(name), std::move(type));
    }
    if (!sameType(symbol->second->type(), type)) {
      failMalformed("variable " + name + " typed " + type->toString() + " but the symbol is " +
          symbol->second->type()->toString());
    }
    return symbol->second;
  }

  RowExpressionPtr lambda(const Json& json) {
    std::vector<std::string> names;
    std::vector<TypePtr> types;
    for (const auto& parameter : requireArray(requireField(json, "parameters"), "parameters")) {
      names.push_back(requireField(parameter, "name").get<std::string>());
      types.push_back(typeFromJson(requireField(parameter, "type")));
    }
    // Parameters shadow plan symbols of the same name inside the body.
    parameters_.insert(parameters_.end(), names.begin(), names.end());
    auto body = decode(requireField(json, "body"));
    parameters_.resize(parameters_.size() - names.size());
    return std::make_shared<LambdaDefinitionExpression>(std::move(names), std::move(types), std::move(body));
  }

  RowExpressionPtr special(const Json& json) {
    auto form = specialFormFromJson(requireField(json, "form"));
    auto type = typeFromJson(requireField(json, "type"));
    auto arguments = this->arguments(json);
    auto [least, most] = argumentCountRange(form);
    if (arguments.size() < least || arguments.size() > most) {
      failMalformed(std::string(specialFormName(form)) + " with " + std::to_string(arguments.size()) + " arguments");
    }
    return std::make_shared<SpecialFormExpression>(form, std::move(type), std::move(arguments));
  }

  const FunctionRegistry& functions_;
  const SymbolTable& symbols_;
  /// Parameters of the lambdas enclosing the expression being decoded.
  std::vector<std::string> parameters_;
  int depth_ = 0;
};

} // namespace

Json expressionToJson(const RowExpression& expression) {
  switch (expression.kind()) {
    case RowExpressionKind::kCall:
      return {{"@kind", "call"}, {"function", functionToJson(*expression.as<CallExpression>()->function())},
          {"arguments", argumentsToJson(expression)}};
    case RowExpressionKind::kConstant:
      return {{"@kind", "constant"}, {"type", typeToJson(*expression.type())},
          {"value", constantValueToJson(expression.as<ConstantExpression>()->value(), *expression.type())}};
    case RowExpressionKind::kInputReference:
      return {{"@kind", "input"}, {"channel", expression.as<InputReferenceExpression>()->channel()},
          {"type", typeToJson(*expression.type())}};
    case RowExpressionKind::kVariableReference:
      return {{"@kind", "variable"}, {"name", expression.as<VariableReferenceExpression>()->name()},
          {"type", typeToJson(*expression.type())}};
    case RowExpressionKind::kLambda: {
      const auto* lambda = expression.as<LambdaDefinitionExpression>();
      Json parameters = Json::array();
      for (size_t i = 0; i < lambda->parameterNames().size(); ++i) {
        parameters.push_back({{"name", lambda->parameterNames()[i]}, {"type", typeToJson(*lambda->parameterTypes()[i])}});
      }
      return {{"@kind", "lambda"}, {"parameters", std::move(parameters)}, {"body", expressionToJson(*lambda->body())}};
    }
    case RowExpressionKind::kSpecialForm:
      return {{"@kind", "special"}, {"form", std::string(specialFormName(expression.as<SpecialFormExpression>()->form()))},
          {"type", typeToJson(*expression.type())}, {"arguments", argumentsToJson(expression)}};
  }
  throw PrestoException(errors::GENERIC_INTERNAL_ERROR, "unknown expression kind");
}

RowExpressionPtr expressionFromJson(const Json& json, const FunctionRegistry& functions, const SymbolTable& symbols) {
  return ExpressionDecoder(functions, symbols).decode(json);
}

} // namespace presto::server::planjson
