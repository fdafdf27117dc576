#include "sql/analyzer/ExpressionAnalyzer.h"
#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "type/TypeSignature.h"

namespace presto::sql {
namespace {

RowExpressionPtr specialForm(SpecialForm form, TypePtr type, std::vector<RowExpressionPtr> arguments) {
  return std::make_shared<SpecialFormExpression>(form, std::move(type), std::move(arguments));
}

std::vector<TypePtr> typesOf(const std::vector<RowExpressionPtr>& values) {
  std::vector<TypePtr> types;
  for (const auto& value : values) {
    types.push_back(value->type());
  }
  return types;
}

/// Coerces all values to their common super type; `message` (with the type list) otherwise.
TypePtr unify(std::vector<RowExpressionPtr>& values, SourceLocation location, const std::string& message) {
  auto common = commonSuperType(typesOf(values));
  if (!common) {
    semanticError(location, "{}: {}", message, typeList(values));
  }
  for (auto& value : values) {
    value = coerce(value, *common);
  }
  return *common;
}

} // namespace

RowExpressionPtr ExpressionAnalyzer::analyzeSearchedCase(const SearchedCase& node) {
  std::vector<RowExpressionPtr> conditions;
  std::vector<RowExpressionPtr> results;
  for (const auto& when : node.whenClauses) {
    auto condition = process(when->operand);
    if (condition->type()->kind() != TypeKind::kBoolean && condition->type()->kind() != TypeKind::kUnknown) {
      semanticError(when->operand->location, "WHEN clause must evaluate to a boolean: actual type {}",
          condition->type()->toString());
    }
    conditions.push_back(coerce(condition, BOOLEAN()));
    results.push_back(process(when->result));
  }
  results.push_back(node.defaultValue ? process(node.defaultValue)
                                      : std::make_shared<ConstantExpression>(Value::null(), UNKNOWN()));
  auto type = unify(results, node.location, "All CASE results must be the same type");
  std::vector<RowExpressionPtr> arguments{std::make_shared<ConstantExpression>(Value(true), BOOLEAN())};
  for (size_t i = 0; i < conditions.size(); ++i) {
    arguments.push_back(specialForm(SpecialForm::kWhen, type, {conditions[i], results[i]}));
  }
  arguments.push_back(results.back());
  return specialForm(SpecialForm::kSwitch, type, std::move(arguments));
}

RowExpressionPtr ExpressionAnalyzer::analyzeSimpleCase(const SimpleCase& node) {
  std::vector<RowExpressionPtr> operands{process(node.operand)};
  std::vector<RowExpressionPtr> results;
  for (const auto& when : node.whenClauses) {
    operands.push_back(process(when->operand));
    results.push_back(process(when->result));
  }
  results.push_back(node.defaultValue ? process(node.defaultValue)
                                      : std::make_shared<ConstantExpression>(Value::null(), UNKNOWN()));
  unify(operands, node.location, "CASE operand type does not match WHEN clause operand type");
  auto type = unify(results, node.location, "All CASE results must be the same type");
  std::vector<RowExpressionPtr> arguments{operands[0]};
  for (size_t i = 0; i + 1 < operands.size(); ++i) {
    arguments.push_back(specialForm(SpecialForm::kWhen, type, {operands[i + 1], results[i]}));
  }
  arguments.push_back(results.back());
  return specialForm(SpecialForm::kSwitch, type, std::move(arguments));
}

RowExpressionPtr ExpressionAnalyzer::analyzeIf(const If& node) {
  auto condition = process(node.condition);
  if (condition->type()->kind() != TypeKind::kBoolean && condition->type()->kind() != TypeKind::kUnknown) {
    semanticError(node.condition->location, "IF condition must evaluate to a boolean: actual type {}",
        condition->type()->toString());
  }
  std::vector<RowExpressionPtr> results{process(node.trueValue),
      node.falseValue ? process(node.falseValue) : std::make_shared<ConstantExpression>(Value::null(), UNKNOWN())};
  auto type = unify(results, node.location, "Result types for IF must be the same");
  return specialForm(SpecialForm::kIf, type, {coerce(condition, BOOLEAN()), results[0], results[1]});
}

RowExpressionPtr ExpressionAnalyzer::analyzeCoalesce(const Coalesce& node) {
  std::vector<RowExpressionPtr> operands;
  for (const auto& operand : node.operands) {
    operands.push_back(process(operand));
  }
  auto type = unify(operands, node.location, "All COALESCE operands must be the same type");
  return specialForm(SpecialForm::kCoalesce, type, std::move(operands));
}

RowExpressionPtr ExpressionAnalyzer::analyzeNullIf(const NullIf& node) {
  auto first = process(node.first);
  auto second = process(node.second);
  auto common = commonSuperType({first->type(), second->type()});
  if (!common) {
    semanticError(node.location, "Types are not comparable with NULLIF: {} vs {}", first->type()->toString(),
        second->type()->toString());
  }
  return specialForm(SpecialForm::kNullIf, first->type(), {first, coerce(second, *common)});
}

RowExpressionPtr ExpressionAnalyzer::analyzeCast(const Cast& node) {
  auto value = process(node.value);
  TypePtr target;
  try {
    target = parseTypeSignature(node.type);
  } catch (const PrestoException&) {
    semanticError(node.location, "Unknown type: {}", node.type);
  }
  if (sameType(value->type(), target) && !node.safe) {
    return value;
  }
  if (value->kind() == RowExpressionKind::kConstant && value->as<ConstantExpression>()->value().isNull()) {
    return std::make_shared<ConstantExpression>(Value::null(), target);
  }
  return specialForm(node.safe ? SpecialForm::kTryCast : SpecialForm::kCast, target, {value});
}

RowExpressionPtr ExpressionAnalyzer::analyzeArray(const ArrayConstructor& node) {
  std::vector<RowExpressionPtr> elements;
  for (const auto& value : node.values) {
    elements.push_back(process(value));
  }
  auto type = unify(elements, node.location, "All ARRAY elements must be the same type");
  return specialForm(SpecialForm::kArrayConstructor, ARRAY(type), std::move(elements));
}

RowExpressionPtr ExpressionAnalyzer::analyzeRow(const Row& node) {
  std::vector<RowExpressionPtr> fields;
  for (const auto& item : node.items) {
    fields.push_back(process(item));
  }
  auto type = ROW(typesOf(fields));
  return specialForm(SpecialForm::kRowConstructor, std::move(type), std::move(fields));
}

RowExpressionPtr ExpressionAnalyzer::analyzeSubscript(const Subscript& node) {
  auto base = process(node.base);
  auto index = process(node.index);
  if (base->type()->kind() == TypeKind::kRow) {
    if (index->kind() != RowExpressionKind::kConstant || !index->type()->isIntegral()) {
      semanticError(node.index->location, "Subscript expression on ROW requires a constant index");
    }
    int64_t position = index->as<ConstantExpression>()->value().as<int64_t>();
    const auto& row = asRow(*base->type());
    if (position < 1 || position > static_cast<int64_t>(row.size())) {
      semanticError(node.index->location, "Invalid subscript index: {}, ROW type has {} fields", position, row.size());
    }
    return specialForm(SpecialForm::kDereference, row.childAt(position - 1),
        {base, std::make_shared<ConstantExpression>(Value(position - 1), INTEGER())});
  }
  ResolvedFunctionPtr function;
  try {
    function = context_.functions().resolve(operators::kSubscript, {base->type(), index->type()});
  } catch (const PrestoException& error) {
    if (error.errorCode().code != errors::FUNCTION_NOT_FOUND.code) {
      throw;
    }
    semanticError(node.location, "'[]' cannot be applied to {}, {}", base->type()->toString(), index->type()->toString());
  }
  return makeCall(std::move(function), {base, index});
}

RowExpressionPtr ExpressionAnalyzer::analyzeExtract(const Extract& node) {
  auto value = process(node.value);
  std::string name = node.field;
  std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  if (name == "dow") {
    name = "day_of_week";
  } else if (name == "doy") {
    name = "day_of_year";
  } else if (name == "yow") {
    name = "year_of_week";
  }
  auto function = resolveFunction(context_.functions(), name, {value->type()}, std::nullopt, node.location);
  return makeCall(std::move(function), {value});
}

RowExpressionPtr ExpressionAnalyzer::analyzeCurrentTime(const CurrentTime& node) {
  std::string name(currentTimeFunctionName(node.function));
  std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  auto function = resolveFunction(context_.functions(), name, {}, std::nullopt, node.location);
  return makeCall(std::move(function), {});
}

RowExpressionPtr ExpressionAnalyzer::analyzeAtTimeZone(const AtTimeZone& node) {
  auto value = process(node.value);
  auto zone = process(node.timeZone);
  auto function = resolveFunction(context_.functions(), "at_timezone", {value->type(), zone->type()}, std::nullopt, node.location);
  return makeCall(std::move(function), {value, zone});
}

} // namespace presto::sql
