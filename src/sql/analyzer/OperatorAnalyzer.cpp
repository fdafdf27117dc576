#include "sql/analyzer/ExpressionAnalyzer.h"
#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "type/DateTime.h"

namespace presto::sql {
namespace {

const char* arithmeticOperatorName(ArithmeticBinary::Operator op) {
  switch (op) {
    case ArithmeticBinary::Operator::kAdd: return operators::kAdd;
    case ArithmeticBinary::Operator::kSubtract: return operators::kSubtract;
    case ArithmeticBinary::Operator::kMultiply: return operators::kMultiply;
    case ArithmeticBinary::Operator::kDivide: return operators::kDivide;
    case ArithmeticBinary::Operator::kModulus: return operators::kModulus;
  }
  return operators::kAdd;
}

const char* arithmeticOperatorText(ArithmeticBinary::Operator op) {
  switch (op) {
    case ArithmeticBinary::Operator::kAdd: return "+";
    case ArithmeticBinary::Operator::kSubtract: return "-";
    case ArithmeticBinary::Operator::kMultiply: return "*";
    case ArithmeticBinary::Operator::kDivide: return "/";
    case ArithmeticBinary::Operator::kModulus: return "%";
  }
  return "+";
}

const char* comparisonOperatorName(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::kEqual: return operators::kEqual;
    case ComparisonOperator::kNotEqual: return operators::kNotEqual;
    case ComparisonOperator::kLessThan: return operators::kLessThan;
    case ComparisonOperator::kLessThanOrEqual: return operators::kLessThanOrEqual;
    case ComparisonOperator::kGreaterThan: return operators::kGreaterThan;
    case ComparisonOperator::kGreaterThanOrEqual: return operators::kGreaterThanOrEqual;
    case ComparisonOperator::kIsDistinctFrom: return operators::kIsDistinctFrom;
  }
  return operators::kEqual;
}

bool isStringOrUnknown(const TypePtr& type) {
  return type->kind() == TypeKind::kVarchar || type->kind() == TypeKind::kChar || type->kind() == TypeKind::kUnknown;
}

/// LIKE works on varchar; char operands are cast as Presto does.
RowExpressionPtr asVarchar(RowExpressionPtr value) {
  if (value->type()->kind() == TypeKind::kVarchar) {
    return value;
  }
  if (value->type()->kind() == TypeKind::kChar) {
    return coerce(value, VARCHAR(asString(*value->type()).length()));
  }
  return coerce(value, VARCHAR());
}

} // namespace

void coerceDateLiterals(std::vector<RowExpressionPtr>& operands) {
  bool hasDate = std::any_of(operands.begin(), operands.end(), [](const RowExpressionPtr& operand) {
    return operand->type()->kind() == TypeKind::kDate;
  });
  if (!hasDate) {
    return;
  }
  for (auto& operand : operands) {
    if (operand->kind() != RowExpressionKind::kConstant || operand->type()->kind() != TypeKind::kVarchar) {
      continue;
    }
    const auto& value = operand->as<ConstantExpression>()->value();
    if (value.isNull()) {
      continue;
    }
    if (auto days = parseDate(value.as<std::string>())) {
      operand = std::make_shared<ConstantExpression>(Value(static_cast<int64_t>(*days)), DATE());
    }
  }
}

RowExpressionPtr ExpressionAnalyzer::analyzeArithmetic(const ArithmeticBinary& node) {
  auto left = process(node.left);
  auto right = process(node.right);
  ResolvedFunctionPtr function;
  try {
    function = context_.functions().resolve(arithmeticOperatorName(node.op), {left->type(), right->type()});
  } catch (const PrestoException& error) {
    if (error.errorCode().code != errors::FUNCTION_NOT_FOUND.code) {
      throw;
    }
    semanticError(node.location, "'{}' cannot be applied to {}, {}", arithmeticOperatorText(node.op),
        left->type()->toString(), right->type()->toString());
  }
  return makeCall(std::move(function), {left, right});
}

RowExpressionPtr ExpressionAnalyzer::analyzeNegation(const ArithmeticUnary& node) {
  auto value = process(node.value);
  if (!node.negative) {
    if (!value->type()->isNumeric() && value->type()->kind() != TypeKind::kUnknown) {
      semanticError(node.location, "Unary '+' operator cannot by applied to {} type", value->type()->toString());
    }
    return value;
  }
  return negate(value, node.location);
}

RowExpressionPtr ExpressionAnalyzer::negate(RowExpressionPtr value, SourceLocation location) {
  // Negative literals stay literals.
  if (value->kind() == RowExpressionKind::kConstant) {
    const auto& literal = value->as<ConstantExpression>()->value();
    if (literal.holds<int64_t>() && value->type()->kind() != TypeKind::kDate) {
      return std::make_shared<ConstantExpression>(Value(-literal.as<int64_t>()), value->type());
    }
    if (literal.holds<int128_t>()) {
      return std::make_shared<ConstantExpression>(Value(-literal.as<int128_t>()), value->type());
    }
    if (literal.holds<double>()) {
      return std::make_shared<ConstantExpression>(Value(-literal.as<double>()), value->type());
    }
  }
  ResolvedFunctionPtr function;
  try {
    function = context_.functions().resolve(operators::kNegate, {value->type()});
  } catch (const PrestoException& error) {
    if (error.errorCode().code != errors::FUNCTION_NOT_FOUND.code) {
      throw;
    }
    semanticError(location, "'-' cannot be applied to {}", value->type()->toString());
  }
  return makeCall(std::move(function), {value});
}

RowExpressionPtr ExpressionAnalyzer::comparison(
    ComparisonOperator op, RowExpressionPtr left, RowExpressionPtr right, SourceLocation location) {
  std::vector<RowExpressionPtr> operands{left, right};
  coerceDateLiterals(operands);
  left = operands[0];
  right = operands[1];
  auto common = commonSuperType({left->type(), right->type()});
  auto fail = [&]() {
    semanticError(location, "'{}' cannot be applied to {}, {}", comparisonOperatorText(op), left->type()->toString(),
        right->type()->toString());
  };
  if (!common) {
    fail();
  }
  ResolvedFunctionPtr function;
  try {
    function = context_.functions().resolve(comparisonOperatorName(op), {*common, *common});
  } catch (const PrestoException& error) {
    if (error.errorCode().code != errors::FUNCTION_NOT_FOUND.code) {
      throw;
    }
    fail();
  }
  return makeCall(std::move(function), {coerce(left, *common), coerce(right, *common)});
}

RowExpressionPtr ExpressionAnalyzer::analyzeComparison(const Comparison& node) {
  return comparison(node.op, process(node.left), process(node.right), node.location);
}

RowExpressionPtr ExpressionAnalyzer::analyzeLogical(const LogicalBinary& node) {
  auto form = node.op == LogicalBinary::Operator::kAnd ? SpecialForm::kAnd : SpecialForm::kOr;
  auto left = requireBoolean(process(node.left), node.left->location, "Left side of logical expression must evaluate to a boolean");
  auto right = requireBoolean(process(node.right), node.right->location, "Right side of logical expression must evaluate to a boolean");
  std::vector<RowExpressionPtr> operands;
  for (const auto& operand : {left, right}) {
    if (operand->kind() == RowExpressionKind::kSpecialForm && operand->as<SpecialFormExpression>()->form() == form) {
      operands.insert(operands.end(), operand->arguments().begin(), operand->arguments().end());
    } else {
      operands.push_back(operand);
    }
  }
  return std::make_shared<SpecialFormExpression>(form, BOOLEAN(), std::move(operands));
}

RowExpressionPtr ExpressionAnalyzer::analyzeNot(const Not& node) {
  auto value = requireBoolean(process(node.value), node.value->location, "Value of logical NOT expression must evaluate to a boolean");
  auto function = resolveFunction(context_.functions(), "not", {BOOLEAN()}, std::nullopt, node.location);
  return makeCall(std::move(function), {value});
}

RowExpressionPtr ExpressionAnalyzer::analyzeIsNull(const IsNull& node) {
  auto value = process(node.value);
  RowExpressionPtr isNull = std::make_shared<SpecialFormExpression>(SpecialForm::kIsNull, BOOLEAN(), std::vector<RowExpressionPtr>{value});
  if (!node.negated) {
    return isNull;
  }
  auto function = resolveFunction(context_.functions(), "not", {BOOLEAN()}, std::nullopt, node.location);
  return makeCall(std::move(function), {isNull});
}

RowExpressionPtr ExpressionAnalyzer::analyzeBetween(const Between& node) {
  auto value = process(node.value);
  auto min = process(node.min);
  auto max = process(node.max);
  std::vector<RowExpressionPtr> operands{value, min, max};
  coerceDateLiterals(operands);
  value = operands[0];
  min = operands[1];
  max = operands[2];
  auto common = commonSuperType({value->type(), min->type(), max->type()});
  if (!common) {
    semanticError(node.location, "Cannot check if {} is BETWEEN {} and {}", value->type()->toString(),
        min->type()->toString(), max->type()->toString());
  }
  ResolvedFunctionPtr function;
  try {
    function = context_.functions().resolve(operators::kBetween, {*common, *common, *common});
  } catch (const PrestoException& error) {
    if (error.errorCode().code != errors::FUNCTION_NOT_FOUND.code) {
      throw;
    }
    semanticError(node.location, "Cannot check if {} is BETWEEN {} and {}", value->type()->toString(),
        min->type()->toString(), max->type()->toString());
  }
  return makeCall(std::move(function), {value, min, max});
}

RowExpressionPtr ExpressionAnalyzer::analyzeLike(const Like& node) {
  auto value = process(node.value);
  auto pattern = process(node.pattern);
  if (!isStringOrUnknown(value->type())) {
    semanticError(node.value->location, "Left side of LIKE expression must evaluate to a varchar (actual: {})",
        value->type()->toString());
  }
  if (!isStringOrUnknown(pattern->type())) {
    semanticError(node.pattern->location, "Pattern for LIKE expression must evaluate to a varchar (actual: {})",
        pattern->type()->toString());
  }
  std::vector<RowExpressionPtr> arguments{asVarchar(value), asVarchar(pattern)};
  if (node.escape) {
    auto escape = process(node.escape);
    if (!isStringOrUnknown(escape->type())) {
      semanticError(node.escape->location, "Escape for LIKE expression must evaluate to a varchar (actual: {})",
          escape->type()->toString());
    }
    arguments.push_back(asVarchar(escape));
  }
  std::vector<TypePtr> types;
  for (const auto& argument : arguments) {
    types.push_back(argument->type());
  }
  auto function = resolveFunction(context_.functions(), "like", types, std::nullopt, node.location);
  return makeCall(std::move(function), std::move(arguments));
}

RowExpressionPtr ExpressionAnalyzer::analyzeIn(const In& node) {
  auto value = process(node.value);
  if (node.valueList->is<Subquery>()) {
    if (!expressionContext_.subqueries) {
      userError(errors::NOT_SUPPORTED, node.location, "Subqueries are not supported here");
    }
    return expressionContext_.subqueries->inSubquery(node, value, expressionContext_.scope);
  }
  std::vector<RowExpressionPtr> operands{value};
  for (const auto& item : node.valueList->as<InList>().values) {
    operands.push_back(process(item));
  }
  coerceDateLiterals(operands);
  std::vector<TypePtr> types;
  for (const auto& operand : operands) {
    types.push_back(operand->type());
  }
  auto common = commonSuperType(types);
  if (!common) {
    semanticError(node.location, "IN value and list items must be the same type: {}", typeList(operands));
  }
  for (auto& operand : operands) {
    operand = coerce(operand, *common);
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kIn, BOOLEAN(), std::move(operands));
}

RowExpressionPtr ExpressionAnalyzer::analyzeQuantified(const QuantifiedComparison& node) {
  auto value = process(node.value);
  if (!expressionContext_.subqueries) {
    userError(errors::NOT_SUPPORTED, node.location, "Subqueries are not supported here");
  }
  return expressionContext_.subqueries->quantifiedComparison(node, value, expressionContext_.scope);
}

} // namespace presto::sql
