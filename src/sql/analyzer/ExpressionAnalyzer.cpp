#include "sql/analyzer/ExpressionAnalyzer.h"

#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "type/TypeCoercion.h"

namespace presto::sql {
namespace {

/// Thrown inside analysis when a column of an aggregated query is not a grouping key; the
/// top-level analyze() reports it against the whole expression, as Presto does.
struct NotGroupedColumn {};

/// The dotted parts of a Dereference chain over identifiers (`a.b.c`), or nullopt.
std::optional<std::vector<std::string>> dottedName(const Expression& expression) {
  if (expression.is<Identifier>()) {
    return std::vector<std::string>{expression.as<Identifier>().value};
  }
  if (expression.is<Dereference>()) {
    const auto& dereference = expression.as<Dereference>();
    auto base = dottedName(*dereference.base);
    if (base) {
      base->push_back(dereference.field->value);
    }
    return base;
  }
  return std::nullopt;
}

std::string joinDotted(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) {
    text += (text.empty() ? "" : ".") + part;
  }
  return text;
}

} // namespace

RowExpressionPtr coerce(RowExpressionPtr value, const TypePtr& type) {
  if (sameType(value->type(), type)) {
    return value;
  }
  if (value->kind() == RowExpressionKind::kConstant) {
    const auto& constant = *value->as<ConstantExpression>();
    if (constant.value().isNull()) {
      return std::make_shared<ConstantExpression>(Value::null(), type);
    }
    // Integer literals widen exactly to wider integers.
    if (value->type()->isIntegral() && type->isIntegral() && TypeCoercion::canCoerce(value->type(), type)) {
      return std::make_shared<ConstantExpression>(constant.value(), type);
    }
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kCast, type, std::vector<RowExpressionPtr>{std::move(value)});
}

std::optional<TypePtr> commonSuperType(const std::vector<TypePtr>& types) {
  TypePtr result = UNKNOWN();
  for (const auto& type : types) {
    auto common = TypeCoercion::commonSuperType(result, type);
    if (!common) {
      return std::nullopt;
    }
    result = *common;
  }
  return result;
}

std::string typeList(const std::vector<RowExpressionPtr>& values) {
  std::string text;
  for (const auto& value : values) {
    text += (text.empty() ? "" : ", ") + value->type()->toString();
  }
  return text;
}

RowExpressionPtr ExpressionAnalyzer::analyze(const ExpressionPtr& expression) {
  try {
    return process(expression);
  } catch (const NotGroupedColumn&) {
    semanticError(expression->location, "'{}' must be an aggregate expression or appear in GROUP BY clause",
        formatExpression(*expression));
  }
}

RowExpressionPtr ExpressionAnalyzer::analyzePredicate(const ExpressionPtr& expression, const std::string& clause) {
  auto predicate = analyze(expression);
  if (predicate->type()->kind() == TypeKind::kUnknown) {
    return coerce(predicate, BOOLEAN());
  }
  if (predicate->type()->kind() != TypeKind::kBoolean) {
    semanticError(expression->location, "{} must evaluate to a boolean: actual type {}", clause,
        predicate->type()->toString());
  }
  return predicate;
}

RowExpressionPtr ExpressionAnalyzer::process(const ExpressionPtr& expression) {
  if (expressionContext_.substitutions != nullptr) {
    for (const auto& substitution : *expressionContext_.substitutions) {
      if (substitution.expression->equals(*expression)) {
        return substitution.value;
      }
    }
  }
  return processNode(expression);
}

RowExpressionPtr ExpressionAnalyzer::processNode(const ExpressionPtr& expression) {
  const Expression& node = *expression;
  switch (node.kind()) {
    case NodeKind::kIdentifier: return analyzeIdentifier(node.as<Identifier>());
    case NodeKind::kDereference: return analyzeDereference(node.as<Dereference>(), expression);
    case NodeKind::kParameter: return analyzeParameter(node.as<Parameter>());
    case NodeKind::kNullLiteral: return std::make_shared<ConstantExpression>(Value::null(), UNKNOWN());
    case NodeKind::kBooleanLiteral:
      return std::make_shared<ConstantExpression>(Value(node.as<BooleanLiteral>().value), BOOLEAN());
    case NodeKind::kLongLiteral: return analyzeLongLiteral(node.as<LongLiteral>());
    case NodeKind::kDecimalLiteral: return analyzeDecimalLiteral(node.as<DecimalLiteral>().value, node.location);
    case NodeKind::kDoubleLiteral:
      return std::make_shared<ConstantExpression>(Value(node.as<DoubleLiteral>().value), DOUBLE());
    case NodeKind::kStringLiteral: return analyzeStringLiteral(node.as<StringLiteral>());
    case NodeKind::kBinaryLiteral:
      return std::make_shared<ConstantExpression>(Value(node.as<BinaryLiteral>().value), VARBINARY());
    case NodeKind::kGenericLiteral: return analyzeGenericLiteral(node.as<GenericLiteral>());
    case NodeKind::kIntervalLiteral: return analyzeIntervalLiteral(node.as<IntervalLiteral>());
    case NodeKind::kArithmeticBinary: return analyzeArithmetic(node.as<ArithmeticBinary>());
    case NodeKind::kArithmeticUnary: return analyzeNegation(node.as<ArithmeticUnary>());
    case NodeKind::kComparison: return analyzeComparison(node.as<Comparison>());
    case NodeKind::kLogicalBinary: return analyzeLogical(node.as<LogicalBinary>());
    case NodeKind::kNot: return analyzeNot(node.as<Not>());
    case NodeKind::kIsNull: return analyzeIsNull(node.as<IsNull>());
    case NodeKind::kBetween: return analyzeBetween(node.as<Between>());
    case NodeKind::kLike: return analyzeLike(node.as<Like>());
    case NodeKind::kIn: return analyzeIn(node.as<In>());
    case NodeKind::kQuantifiedComparison: return analyzeQuantified(node.as<QuantifiedComparison>());
    case NodeKind::kExists:
      if (!expressionContext_.subqueries) {
        userError(errors::NOT_SUPPORTED, node.location, "Subqueries are not supported here");
      }
      return expressionContext_.subqueries->exists(node.as<Exists>(), expressionContext_.scope);
    case NodeKind::kSubquery:
      if (!expressionContext_.subqueries) {
        userError(errors::NOT_SUPPORTED, node.location, "Subqueries are not supported here");
      }
      return expressionContext_.subqueries->scalarSubquery(node.as<Subquery>(), expressionContext_.scope);
    case NodeKind::kSimpleCase: return analyzeSimpleCase(node.as<SimpleCase>());
    case NodeKind::kSearchedCase: return analyzeSearchedCase(node.as<SearchedCase>());
    case NodeKind::kIf: return analyzeIf(node.as<If>());
    case NodeKind::kCoalesce: return analyzeCoalesce(node.as<Coalesce>());
    case NodeKind::kNullIf: return analyzeNullIf(node.as<NullIf>());
    case NodeKind::kTry: {
      auto value = process(node.as<Try>().value);
      return std::make_shared<SpecialFormExpression>(SpecialForm::kTry, value->type(), std::vector<RowExpressionPtr>{value});
    }
    case NodeKind::kCast: return analyzeCast(node.as<Cast>());
    case NodeKind::kExtract: return analyzeExtract(node.as<Extract>());
    case NodeKind::kAtTimeZone: return analyzeAtTimeZone(node.as<AtTimeZone>());
    case NodeKind::kCurrentTime: return analyzeCurrentTime(node.as<CurrentTime>());
    case NodeKind::kArrayConstructor: return analyzeArray(node.as<ArrayConstructor>());
    case NodeKind::kRow: return analyzeRow(node.as<Row>());
    case NodeKind::kSubscript: return analyzeSubscript(node.as<Subscript>());
    case NodeKind::kLambda:
      userError(errors::NOT_SUPPORTED, node.location, "Lambda expressions are only allowed as function arguments");
    case NodeKind::kFunctionCall: return analyzeFunctionCall(node.as<FunctionCall>(), expression);
    default:
      userError(errors::NOT_SUPPORTED, node.location, "Unsupported expression: {}", formatExpression(node));
  }
}

RowExpressionPtr ExpressionAnalyzer::resolveColumn(
    const std::vector<std::string>& qualifier, const std::string& name, SourceLocation location) {
  auto resolution = expressionContext_.scope->resolve(qualifier, name, location);
  if (!resolution) {
    return nullptr;
  }
  const auto* grouping = expressionContext_.grouping;
  if (grouping != nullptr && !resolution->outer && resolution->scope == grouping->source) {
    auto it = grouping->keys.find(resolution->field->symbol->name());
    if (it == grouping->keys.end()) {
      throw NotGroupedColumn{};
    }
    return it->second;
  }
  return resolution->field->symbol;
}

RowExpressionPtr ExpressionAnalyzer::analyzeIdentifier(const Identifier& identifier) {
  for (auto scope = lambdaScopes_.rbegin(); scope != lambdaScopes_.rend(); ++scope) {
    if (auto parameter = scope->find(identifier.value); parameter != scope->end()) {
      return std::make_shared<VariableReferenceExpression>(parameter->first, parameter->second);
    }
  }
  if (auto column = resolveColumn({}, identifier.value, identifier.location)) {
    return column;
  }
  semanticError(identifier.location, "Column '{}' cannot be resolved", identifier.value);
}

RowExpressionPtr ExpressionAnalyzer::analyzeDereference(const Dereference& dereference, const ExpressionPtr& self) {
  // `a.b.c` may be a qualified column (`a.b` qualifying `c`, or `a` qualifying `b`) followed by
  // row field accesses; the longest qualified column wins.
  if (auto parts = dottedName(*self)) {
    for (size_t nameIndex = parts->size() - 1; nameIndex >= 1; --nameIndex) {
      std::vector<std::string> qualifier(parts->begin(), parts->begin() + static_cast<ptrdiff_t>(nameIndex));
      if (auto column = resolveColumn(qualifier, (*parts)[nameIndex], self->location)) {
        // Remaining parts are row fields.
        RowExpressionPtr result = column;
        for (size_t field = nameIndex + 1; field < parts->size(); ++field) {
          if (result->type()->kind() != TypeKind::kRow) {
            semanticError(self->location, "Expression {} is not of type ROW", joinDotted(*parts));
          }
          int32_t index = asRow(*result->type()).fieldIndex((*parts)[field]);
          if (index < 0) {
            semanticError(self->location, "Column '{}' cannot be resolved", joinDotted(*parts));
          }
          result = std::make_shared<SpecialFormExpression>(SpecialForm::kDereference, result->type()->childAt(index),
              std::vector<RowExpressionPtr>{result, std::make_shared<ConstantExpression>(Value(index), INTEGER())});
        }
        return result;
      }
    }
    if (!expressionContext_.scope->resolve({}, parts->front(), self->location)) {
      semanticError(self->location, "Column '{}' cannot be resolved", joinDotted(*parts));
    }
  }
  auto base = process(dereference.base);
  if (base->type()->kind() != TypeKind::kRow) {
    semanticError(self->location, "Expression {} is not of type ROW", formatExpression(*dereference.base));
  }
  int32_t index = asRow(*base->type()).fieldIndex(dereference.field->value);
  if (index < 0) {
    semanticError(dereference.field->location, "Column '{}' cannot be resolved", dereference.field->value);
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kDereference, base->type()->childAt(index),
      std::vector<RowExpressionPtr>{base, std::make_shared<ConstantExpression>(Value(index), INTEGER())});
}

RowExpressionPtr ExpressionAnalyzer::analyzeParameter(const Parameter& parameter) {
  const auto& parameters = context_.parameters();
  if (parameters.empty()) {
    semanticError(parameter.location, "Query takes no parameters");
  }
  if (parameter.position >= static_cast<int32_t>(parameters.size())) {
    semanticError(parameter.location, "Invalid parameter index {}, max value is {}", parameter.position + 1,
        parameters.size());
  }
  return parameters[parameter.position];
}

RowExpressionPtr ExpressionAnalyzer::requireBoolean(
    RowExpressionPtr value, SourceLocation location, const std::string& message) {
  if (value->type()->kind() == TypeKind::kUnknown) {
    return coerce(value, BOOLEAN());
  }
  if (value->type()->kind() != TypeKind::kBoolean) {
    semanticError(location, "{} (actual: {})", message, value->type()->toString());
  }
  return value;
}

ResolvedFunctionPtr ExpressionAnalyzer::resolveFunction(const FunctionRegistry& functions, const std::string& name,
    const std::vector<TypePtr>& argumentTypes, std::optional<FunctionKind> kind, SourceLocation location) {
  try {
    return kind ? functions.resolve(name, argumentTypes, *kind) : functions.resolve(name, argumentTypes);
  } catch (const PrestoException& error) {
    if (error.location()) {
      throw;
    }
    throw PrestoException(error.errorCode(), location, error.rawMessage());
  }
}

RowExpressionPtr ExpressionAnalyzer::makeCall(ResolvedFunctionPtr function, std::vector<RowExpressionPtr> arguments) {
  for (size_t i = 0; i < arguments.size() && i < function->argumentTypes.size(); ++i) {
    arguments[i] = coerce(arguments[i], function->argumentTypes[i]);
  }
  return std::make_shared<CallExpression>(std::move(function), std::move(arguments));
}

} // namespace presto::sql
