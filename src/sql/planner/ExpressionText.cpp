#include "sql/planner/ExpressionText.h"

#include <map>

namespace presto::sql {
namespace {

const std::map<std::string, std::string>& infixOperators() {
  static const std::map<std::string, std::string> kOperators{
      {operators::kAdd, "+"},
      {operators::kSubtract, "-"},
      {operators::kMultiply, "*"},
      {operators::kDivide, "/"},
      {operators::kModulus, "%"},
      {operators::kEqual, "="},
      {operators::kNotEqual, "<>"},
      {operators::kLessThan, "<"},
      {operators::kLessThanOrEqual, "<="},
      {operators::kGreaterThan, ">"},
      {operators::kGreaterThanOrEqual, ">="},
      {operators::kIsDistinctFrom, "IS DISTINCT FROM"},
  };
  return kOperators;
}

std::string joined(const std::vector<RowExpressionPtr>& arguments, size_t from, const std::string& separator) {
  std::string text;
  for (size_t i = from; i < arguments.size(); ++i) {
    text += (i > from ? separator : "") + expressionText(*arguments[i]);
  }
  return text;
}

std::string constantText(const ConstantExpression& constant) {
  const auto& type = *constant.type();
  if (constant.value().isNull()) {
    return type.kind() == TypeKind::kUnknown ? "NULL" : "CAST(NULL AS " + type.toString() + ")";
  }
  std::string text = constant.value().toString(type);
  switch (type.kind()) {
    case TypeKind::kBoolean:
    case TypeKind::kInteger: return text;
    case TypeKind::kVarchar: return "'" + text + "'";
    case TypeKind::kDate: return "DATE '" + text + "'";
    default: return type.toString() + " '" + text + "'";
  }
}

std::string specialFormText(const SpecialFormExpression& expression) {
  const auto& arguments = expression.arguments();
  switch (expression.form()) {
    case SpecialForm::kAnd: return "(" + joined(arguments, 0, " AND ") + ")";
    case SpecialForm::kOr: return "(" + joined(arguments, 0, " OR ") + ")";
    case SpecialForm::kIf: return "IF(" + joined(arguments, 0, ", ") + ")";
    case SpecialForm::kSwitch: {
      std::string text = "CASE";
      bool searched = arguments[0]->kind() == RowExpressionKind::kConstant &&
          arguments[0]->type()->kind() == TypeKind::kBoolean &&
          arguments[0]->as<ConstantExpression>()->value() == Value(true);
      if (!searched) {
        text += " " + expressionText(*arguments[0]);
      }
      for (size_t i = 1; i < arguments.size(); ++i) {
        const auto& argument = *arguments[i];
        if (argument.kind() == RowExpressionKind::kSpecialForm &&
            argument.as<SpecialFormExpression>()->form() == SpecialForm::kWhen) {
          text += " WHEN " + expressionText(*argument.arguments()[0]) + " THEN " + expressionText(*argument.arguments()[1]);
        } else {
          text += " ELSE " + expressionText(argument);
        }
      }
      return text + " END";
    }
    case SpecialForm::kWhen: return "WHEN " + joined(arguments, 0, " THEN ");
    case SpecialForm::kCoalesce: return "COALESCE(" + joined(arguments, 0, ", ") + ")";
    case SpecialForm::kIn: return "(" + expressionText(*arguments[0]) + " IN (" + joined(arguments, 1, ", ") + "))";
    case SpecialForm::kIsNull: return "(" + expressionText(*arguments[0]) + " IS NULL)";
    case SpecialForm::kCast: return "CAST(" + expressionText(*arguments[0]) + " AS " + expression.type()->toString() + ")";
    case SpecialForm::kTryCast:
      return "TRY_CAST(" + expressionText(*arguments[0]) + " AS " + expression.type()->toString() + ")";
    case SpecialForm::kTry: return "TRY(" + expressionText(*arguments[0]) + ")";
    case SpecialForm::kDereference: return expressionText(*arguments[0]) + "[field " + expressionText(*arguments[1]) + "]";
    case SpecialForm::kRowConstructor: return "ROW(" + joined(arguments, 0, ", ") + ")";
    case SpecialForm::kArrayConstructor: return "ARRAY[" + joined(arguments, 0, ", ") + "]";
    case SpecialForm::kBind: return "BIND(" + joined(arguments, 0, ", ") + ")";
    case SpecialForm::kNullIf: return "NULLIF(" + joined(arguments, 0, ", ") + ")";
  }
  return std::string(specialFormName(expression.form())) + "(" + joined(arguments, 0, ", ") + ")";
}

} // namespace

std::string expressionText(const RowExpression& expression) {
  switch (expression.kind()) {
    case RowExpressionKind::kVariableReference: return expression.as<VariableReferenceExpression>()->name();
    case RowExpressionKind::kConstant: return constantText(*expression.as<ConstantExpression>());
    case RowExpressionKind::kSpecialForm: return specialFormText(*expression.as<SpecialFormExpression>());
    case RowExpressionKind::kCall: {
      const auto& call = *expression.as<CallExpression>();
      const auto& name = call.function()->name();
      const auto& arguments = call.arguments();
      auto infix = infixOperators().find(name);
      if (infix != infixOperators().end() && arguments.size() == 2) {
        return "(" + expressionText(*arguments[0]) + " " + infix->second + " " + expressionText(*arguments[1]) + ")";
      }
      if (name == operators::kNegate) {
        return "(-" + expressionText(*arguments[0]) + ")";
      }
      if (name == operators::kBetween) {
        return "(" + expressionText(*arguments[0]) + " BETWEEN " + expressionText(*arguments[1]) + " AND " +
            expressionText(*arguments[2]) + ")";
      }
      if (name == operators::kSubscript) {
        return expressionText(*arguments[0]) + "[" + expressionText(*arguments[1]) + "]";
      }
      if (name == "not") {
        return "(NOT " + expressionText(*arguments[0]) + ")";
      }
      return name + "(" + joined(arguments, 0, ", ") + ")";
    }
    default: return expression.toString();
  }
}

} // namespace presto::sql
