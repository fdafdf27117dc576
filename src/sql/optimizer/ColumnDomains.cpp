#include "sql/optimizer/ColumnDomains.h"

#include "sql/optimizer/ExpressionFactory.h"

namespace presto::sql {
namespace {

using connector::Domain;
using connector::Range;
using connector::ValueSet;

const VariableReferenceExpression* asVariable(const RowExpressionPtr& expression) {
  return expression->kind() == RowExpressionKind::kVariableReference ? expression->as<VariableReferenceExpression>()
                                                                      : nullptr;
}

/// The constant's value when it is a non-null constant of `type`.
std::optional<Value> constantOf(const RowExpressionPtr& expression, const TypePtr& type) {
  if (expression->kind() != RowExpressionKind::kConstant || !expression->type()->equals(*type)) {
    return std::nullopt;
  }
  const auto& value = expression->as<ConstantExpression>()->value();
  if (value.isNull()) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<Range>> comparisonRanges(const std::string& name, const Value& value) {
  if (name == operators::kEqual) return std::vector<Range>{Range::equal(value)};
  if (name == operators::kNotEqual) return std::vector<Range>{Range::lessThan(value), Range::greaterThan(value)};
  if (name == operators::kLessThan) return std::vector<Range>{Range::lessThan(value)};
  if (name == operators::kLessThanOrEqual) return std::vector<Range>{Range::lessThanOrEqual(value)};
  if (name == operators::kGreaterThan) return std::vector<Range>{Range::greaterThan(value)};
  if (name == operators::kGreaterThanOrEqual) return std::vector<Range>{Range::greaterThanOrEqual(value)};
  return std::nullopt;
}

/// `c op s` as `s op' c`.
std::string flipped(const std::string& name) {
  if (name == operators::kLessThan) return operators::kGreaterThan;
  if (name == operators::kLessThanOrEqual) return operators::kGreaterThanOrEqual;
  if (name == operators::kGreaterThan) return operators::kLessThan;
  if (name == operators::kGreaterThanOrEqual) return operators::kLessThanOrEqual;
  return name;
}

std::optional<SymbolDomain> comparisonDomain(const CallExpression& call) {
  const auto& arguments = call.arguments();
  auto name = call.function()->name();
  if (name == operators::kBetween && arguments.size() == 3) {
    auto symbol = asVariable(arguments[0]);
    if (!symbol) {
      return std::nullopt;
    }
    auto low = constantOf(arguments[1], symbol->type());
    auto high = constantOf(arguments[2], symbol->type());
    if (!low || !high) {
      return std::nullopt;
    }
    return SymbolDomain{symbol->name(), Domain(ValueSet::ofRanges(symbol->type(), {Range::between(*low, *high)}), false)};
  }
  if (arguments.size() != 2) {
    return std::nullopt;
  }
  auto symbol = asVariable(arguments[0]);
  auto constant = arguments[1];
  if (!symbol) {
    symbol = asVariable(arguments[1]);
    constant = arguments[0];
    name = flipped(name);
  }
  if (!symbol) {
    return std::nullopt;
  }
  auto value = constantOf(constant, symbol->type());
  auto ranges = value ? comparisonRanges(name, *value) : std::nullopt;
  if (!ranges) {
    return std::nullopt;
  }
  return SymbolDomain{symbol->name(), Domain(ValueSet::ofRanges(symbol->type(), std::move(*ranges)), false)};
}

std::optional<SymbolDomain> inListDomain(const SpecialFormExpression& in) {
  auto symbol = asVariable(in.arguments()[0]);
  if (!symbol) {
    return std::nullopt;
  }
  std::vector<Value> values;
  for (size_t i = 1; i < in.arguments().size(); ++i) {
    auto value = constantOf(in.arguments()[i], symbol->type());
    if (!value) {
      return std::nullopt;
    }
    values.push_back(*value);
  }
  return SymbolDomain{symbol->name(), Domain(ValueSet::ofValues(symbol->type(), values), false)};
}

} // namespace

std::optional<SymbolDomain> conjunctDomain(const RowExpression& conjunct) {
  if (isSpecialForm(conjunct, SpecialForm::kIsNull)) {
    auto symbol = asVariable(conjunct.arguments()[0]);
    return symbol ? std::optional(SymbolDomain{symbol->name(), Domain::onlyNull(symbol->type())}) : std::nullopt;
  }
  if (isCallOf(conjunct, "not") && isSpecialForm(*conjunct.arguments()[0], SpecialForm::kIsNull)) {
    auto symbol = asVariable(conjunct.arguments()[0]->arguments()[0]);
    return symbol ? std::optional(SymbolDomain{symbol->name(), Domain::notNull(symbol->type())}) : std::nullopt;
  }
  if (isSpecialForm(conjunct, SpecialForm::kIn)) {
    return inListDomain(*conjunct.as<SpecialFormExpression>());
  }
  if (conjunct.kind() == RowExpressionKind::kCall) {
    return comparisonDomain(*conjunct.as<CallExpression>());
  }
  return std::nullopt;
}

} // namespace presto::sql
