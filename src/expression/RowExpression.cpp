#include "expression/RowExpression.h"

#include <functional>

#include "type/Decimal.h"

namespace presto {
namespace {

size_t combine(size_t seed, size_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

size_t hashString(std::string_view text) {
  return std::hash<std::string_view>{}(text);
}

} // namespace

std::string_view specialFormName(SpecialForm form) {
  switch (form) {
    case SpecialForm::kAnd: return "AND";
    case SpecialForm::kOr: return "OR";
    case SpecialForm::kIf: return "IF";
    case SpecialForm::kSwitch: return "SWITCH";
    case SpecialForm::kWhen: return "WHEN";
    case SpecialForm::kCoalesce: return "COALESCE";
    case SpecialForm::kIn: return "IN";
    case SpecialForm::kIsNull: return "IS_NULL";
    case SpecialForm::kCast: return "CAST";
    case SpecialForm::kTryCast: return "TRY_CAST";
    case SpecialForm::kTry: return "TRY";
    case SpecialForm::kDereference: return "DEREFERENCE";
    case SpecialForm::kRowConstructor: return "ROW_CONSTRUCTOR";
    case SpecialForm::kArrayConstructor: return "ARRAY_CONSTRUCTOR";
    case SpecialForm::kBind: return "BIND";
    case SpecialForm::kNullIf: return "NULL_IF";
  }
  return "?";
}

size_t hashValue(const Value& value) {
  return std::visit(
      [](const auto& held) -> size_t {
        using T = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return 0x51ed27;
        } else if constexpr (std::is_same_v<T, int128_t>) {
          return combine(std::hash<int64_t>{}(static_cast<int64_t>(held)), std::hash<int64_t>{}(static_cast<int64_t>(held >> 64)));
        } else if constexpr (std::is_same_v<T, ArrayValue>) {
          size_t seed = 0xa77a;
          for (const auto& element : held.elements) seed = combine(seed, hashValue(element));
          return seed;
        } else if constexpr (std::is_same_v<T, MapValue>) {
          size_t seed = 0x3a9;
          for (size_t i = 0; i < held.keys.size(); ++i) {
            seed = combine(combine(seed, hashValue(held.keys[i])), hashValue(held.values[i]));
          }
          return seed;
        } else if constexpr (std::is_same_v<T, RowValue>) {
          size_t seed = 0x20e;
          for (const auto& field : held.fields) seed = combine(seed, hashValue(field));
          return seed;
        } else {
          return std::hash<T>{}(held);
        }
      },
      value.storage());
}

RowExpression::RowExpression(RowExpressionKind kind, TypePtr type, std::vector<RowExpressionPtr> arguments, size_t ownHash)
    : kind_(kind), type_(std::move(type)), arguments_(std::move(arguments)), hash_([&] {
        size_t seed = combine(static_cast<size_t>(kind), ownHash);
        seed = combine(seed, hashString(type_->toString()));
        for (const auto& argument : arguments_) {
          seed = combine(seed, argument->hash());
        }
        return seed;
      }()) {}

bool RowExpression::equals(const RowExpression& other) const {
  if (this == &other) {
    return true;
  }
  if (hash_ != other.hash_ || kind_ != other.kind_ || !sameType(type_, other.type_) ||
      arguments_.size() != other.arguments_.size() || !sameNode(other)) {
    return false;
  }
  for (size_t i = 0; i < arguments_.size(); ++i) {
    if (!arguments_[i]->equals(*other.arguments_[i])) {
      return false;
    }
  }
  return true;
}

bool RowExpression::isDeterministic() const {
  if (kind_ == RowExpressionKind::kCall && !as<CallExpression>()->function()->isDeterministic()) {
    return false;
  }
  for (const auto& argument : arguments_) {
    if (!argument->isDeterministic()) {
      return false;
    }
  }
  return true;
}

std::string RowExpression::argumentsToString() const {
  std::string text;
  for (size_t i = 0; i < arguments_.size(); ++i) {
    text += (i > 0 ? ", " : "") + arguments_[i]->toString();
  }
  return text;
}

CallExpression::CallExpression(ResolvedFunctionPtr function, std::vector<RowExpressionPtr> arguments)
    : RowExpression(RowExpressionKind::kCall, function->returnType, std::move(arguments), hashString(function->toString())),
      function_(std::move(function)) {}

std::string CallExpression::toString() const {
  return function_->name() + "(" + argumentsToString() + ")";
}

bool CallExpression::sameNode(const RowExpression& other) const {
  return function_->equals(*other.as<CallExpression>()->function_);
}

ConstantExpression::ConstantExpression(Value value, TypePtr type)
    : RowExpression(RowExpressionKind::kConstant, std::move(type), {}, hashValue(value)), value_(std::move(value)) {}

std::string ConstantExpression::toString() const {
  if (value_.isNull()) {
    return "NULL";
  }
  std::string text = value_.toString(*type_);
  if (type_->isStringLike()) {
    return "'" + text + "'";
  }
  return type_->toString() + " '" + text + "'";
}

bool ConstantExpression::sameNode(const RowExpression& other) const {
  return value_ == other.as<ConstantExpression>()->value_;
}

InputReferenceExpression::InputReferenceExpression(int32_t channel, TypePtr type)
    : RowExpression(RowExpressionKind::kInputReference, std::move(type), {}, static_cast<size_t>(channel)),
      channel_(channel) {}

std::string InputReferenceExpression::toString() const {
  return "#" + std::to_string(channel_);
}

bool InputReferenceExpression::sameNode(const RowExpression& other) const {
  return channel_ == other.as<InputReferenceExpression>()->channel_;
}

VariableReferenceExpression::VariableReferenceExpression(std::string name, TypePtr type)
    : RowExpression(RowExpressionKind::kVariableReference, std::move(type), {}, hashString(name)), name_(std::move(name)) {}

std::string VariableReferenceExpression::toString() const {
  return name_;
}

bool VariableReferenceExpression::sameNode(const RowExpression& other) const {
  return name_ == other.as<VariableReferenceExpression>()->name_;
}

LambdaDefinitionExpression::LambdaDefinitionExpression(
    std::vector<std::string> parameterNames, std::vector<TypePtr> parameterTypes, RowExpressionPtr body)
    : RowExpression(RowExpressionKind::kLambda, body->type(), {body}, parameterNames.size()),
      parameterNames_(std::move(parameterNames)),
      parameterTypes_(std::move(parameterTypes)) {}

std::string LambdaDefinitionExpression::toString() const {
  std::string text = "(";
  for (size_t i = 0; i < parameterNames_.size(); ++i) {
    text += (i > 0 ? ", " : "") + parameterNames_[i];
  }
  return text + ") -> " + body()->toString();
}

bool LambdaDefinitionExpression::sameNode(const RowExpression& other) const {
  const auto* lambda = other.as<LambdaDefinitionExpression>();
  if (parameterNames_ != lambda->parameterNames_) {
    return false;
  }
  for (size_t i = 0; i < parameterTypes_.size(); ++i) {
    if (!sameType(parameterTypes_[i], lambda->parameterTypes_[i])) {
      return false;
    }
  }
  return true;
}

SpecialFormExpression::SpecialFormExpression(SpecialForm form, TypePtr type, std::vector<RowExpressionPtr> arguments)
    : RowExpression(RowExpressionKind::kSpecialForm, std::move(type), std::move(arguments), static_cast<size_t>(form) + 1000),
      form_(form) {}

std::string SpecialFormExpression::toString() const {
  if (form_ == SpecialForm::kCast || form_ == SpecialForm::kTryCast) {
    return std::string(specialFormName(form_)) + "(" + argumentsToString() + " AS " + type_->toString() + ")";
  }
  return std::string(specialFormName(form_)) + "(" + argumentsToString() + ")";
}

bool SpecialFormExpression::sameNode(const RowExpression& other) const {
  return form_ == other.as<SpecialFormExpression>()->form_;
}

} // namespace presto
