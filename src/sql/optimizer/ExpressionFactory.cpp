#include "sql/optimizer/ExpressionFactory.h"

namespace presto::sql {

RowExpressionPtr ExpressionFactory::constant(Value value, TypePtr type) {
  return std::make_shared<ConstantExpression>(std::move(value), std::move(type));
}

RowExpressionPtr ExpressionFactory::booleanConstant(bool value) {
  return constant(Value(value), BOOLEAN());
}

RowExpressionPtr ExpressionFactory::nullConstant(TypePtr type) {
  return constant(Value::null(), std::move(type));
}

RowExpressionPtr ExpressionFactory::comparison(
    const std::string& operatorName, RowExpressionPtr left, RowExpressionPtr right) const {
  auto function = functions_.resolve(operatorName, {left->type(), right->type()});
  return std::make_shared<CallExpression>(function, std::vector<RowExpressionPtr>{std::move(left), std::move(right)});
}

RowExpressionPtr ExpressionFactory::equal(RowExpressionPtr left, RowExpressionPtr right) const {
  return comparison(operators::kEqual, std::move(left), std::move(right));
}

RowExpressionPtr ExpressionFactory::notOf(RowExpressionPtr value) const {
  auto function = functions_.resolve("not", {BOOLEAN()});
  return std::make_shared<CallExpression>(function, std::vector<RowExpressionPtr>{std::move(value)});
}

RowExpressionPtr ExpressionFactory::isNull(RowExpressionPtr value) {
  return std::make_shared<SpecialFormExpression>(SpecialForm::kIsNull, BOOLEAN(), std::vector<RowExpressionPtr>{std::move(value)});
}

RowExpressionPtr ExpressionFactory::coalesce(std::vector<RowExpressionPtr> values) {
  auto type = values.front()->type();
  return std::make_shared<SpecialFormExpression>(SpecialForm::kCoalesce, type, std::move(values));
}

RowExpressionPtr ExpressionFactory::andOf(std::vector<RowExpressionPtr> conjuncts) {
  if (conjuncts.empty()) {
    return booleanConstant(true);
  }
  if (conjuncts.size() == 1) {
    return conjuncts[0];
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kAnd, BOOLEAN(), std::move(conjuncts));
}

RowExpressionPtr ExpressionFactory::orOf(std::vector<RowExpressionPtr> disjuncts) {
  if (disjuncts.empty()) {
    return booleanConstant(false);
  }
  if (disjuncts.size() == 1) {
    return disjuncts[0];
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kOr, BOOLEAN(), std::move(disjuncts));
}

RowExpressionPtr ExpressionFactory::searchedCase(
    const std::vector<std::pair<RowExpressionPtr, RowExpressionPtr>>& whens, RowExpressionPtr otherwise) {
  auto type = otherwise->type();
  std::vector<RowExpressionPtr> arguments{booleanConstant(true)};
  for (const auto& [condition, result] : whens) {
    arguments.push_back(std::make_shared<SpecialFormExpression>(
        SpecialForm::kWhen, type, std::vector<RowExpressionPtr>{condition, result}));
  }
  arguments.push_back(std::move(otherwise));
  return std::make_shared<SpecialFormExpression>(SpecialForm::kSwitch, type, std::move(arguments));
}

Aggregate ExpressionFactory::aggregate(const std::string& name, std::vector<RowExpressionPtr> arguments) const {
  std::vector<TypePtr> types;
  for (const auto& argument : arguments) {
    types.push_back(argument->type());
  }
  Aggregate aggregate;
  aggregate.function = functions_.resolve(name, types, FunctionKind::kAggregate);
  aggregate.arguments = std::move(arguments);
  return aggregate;
}

bool isBooleanConstant(const RowExpression& expression, bool value) {
  return expression.kind() == RowExpressionKind::kConstant && expression.type()->kind() == TypeKind::kBoolean &&
      expression.as<ConstantExpression>()->value() == Value(value);
}

bool isNullConstant(const RowExpression& expression) {
  return expression.kind() == RowExpressionKind::kConstant && expression.as<ConstantExpression>()->value().isNull();
}

bool isCallOf(const RowExpression& expression, const std::string& name) {
  return expression.kind() == RowExpressionKind::kCall && expression.as<CallExpression>()->function()->name() == name;
}

bool isSpecialForm(const RowExpression& expression, SpecialForm form) {
  return expression.kind() == RowExpressionKind::kSpecialForm && expression.as<SpecialFormExpression>()->form() == form;
}

} // namespace presto::sql
