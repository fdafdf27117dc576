#pragma once

#include <memory>
#include <string>
#include <vector>

#include "function/FunctionRegistry.h"
#include "type/Value.h"

namespace presto {

/// The kinds of nodes of the typed expression IR that the planner produces.
enum class RowExpressionKind : uint8_t { kCall, kConstant, kInputReference, kVariableReference, kLambda, kSpecialForm };

/// Expressions with their own evaluation rules (not function calls), as in Presto's SpecialForm.
///  - kAnd, kOr: two or more boolean arguments, three-valued logic.
///  - kIf: (condition, then, else).
///  - kSwitch: (operand, kWhen..., [else]); a searched CASE has the constant `true` as operand.
///  - kWhen: (match value or condition, result); only inside kSwitch.
///  - kCoalesce: one or more arguments.
///  - kIn: (value, candidate...).
///  - kIsNull: (value).
///  - kCast, kTryCast: (value); the target is the expression's type.
///  - kTry: (value); catchable errors become NULL.
///  - kDereference: (row, constant integer field index).
///  - kRowConstructor, kArrayConstructor: the fields / elements.
///  - kBind: (captured value..., lambda): a lambda with its first parameters bound.
///  - kNullIf: (value, other); NULL when equal.
enum class SpecialForm : uint8_t {
  kAnd,
  kOr,
  kIf,
  kSwitch,
  kWhen,
  kCoalesce,
  kIn,
  kIsNull,
  kCast,
  kTryCast,
  kTry,
  kDereference,
  kRowConstructor,
  kArrayConstructor,
  kBind,
  kNullIf,
};

std::string_view specialFormName(SpecialForm form);

class RowExpression;
using RowExpressionPtr = std::shared_ptr<const RowExpression>;

/// A typed expression tree node. Immutable and shared between plans and drivers; structurally
/// comparable and hashable so that common subexpressions can be found.
class RowExpression {
 public:
  virtual ~RowExpression() = default;

  RowExpressionKind kind() const { return kind_; }
  const TypePtr& type() const { return type_; }
  const std::vector<RowExpressionPtr>& arguments() const { return arguments_; }
  size_t hash() const { return hash_; }

  /// Structural equality (types included).
  bool equals(const RowExpression& other) const;
  /// A readable rendering: `$operator$add(#0, BIGINT '1')`.
  virtual std::string toString() const = 0;
  /// Whether evaluating the tree twice on the same input gives the same result.
  bool isDeterministic() const;

  template <typename T>
  const T* as() const {
    return static_cast<const T*>(this);
  }

 protected:
  RowExpression(RowExpressionKind kind, TypePtr type, std::vector<RowExpressionPtr> arguments, size_t ownHash);

  /// Compares what the subclass adds beyond kind, type and arguments.
  virtual bool sameNode(const RowExpression& other) const = 0;
  std::string argumentsToString() const;

  const RowExpressionKind kind_;
  const TypePtr type_;
  const std::vector<RowExpressionPtr> arguments_;
  const size_t hash_;
};

/// A call of a resolved function (or operator).
class CallExpression : public RowExpression {
 public:
  CallExpression(ResolvedFunctionPtr function, std::vector<RowExpressionPtr> arguments);
  const ResolvedFunctionPtr& function() const { return function_; }
  std::string toString() const override;

 private:
  bool sameNode(const RowExpression& other) const override;
  const ResolvedFunctionPtr function_;
};

/// A literal value of a type (a NULL constant has a null Value).
class ConstantExpression : public RowExpression {
 public:
  ConstantExpression(Value value, TypePtr type);
  const Value& value() const { return value_; }
  std::string toString() const override;

 private:
  bool sameNode(const RowExpression& other) const override;
  const Value value_;
};

/// Column `channel` of the input page.
class InputReferenceExpression : public RowExpression {
 public:
  InputReferenceExpression(int32_t channel, TypePtr type);
  int32_t channel() const { return channel_; }
  std::string toString() const override;

 private:
  bool sameNode(const RowExpression& other) const override;
  const int32_t channel_;
};

/// A lambda parameter, by name, inside a lambda body.
class VariableReferenceExpression : public RowExpression {
 public:
  VariableReferenceExpression(std::string name, TypePtr type);
  const std::string& name() const { return name_; }
  std::string toString() const override;

 private:
  bool sameNode(const RowExpression& other) const override;
  const std::string name_;
};

/// `(a, b) -> body`. Its type is the body's type; parameter types are listed separately.
class LambdaDefinitionExpression : public RowExpression {
 public:
  LambdaDefinitionExpression(std::vector<std::string> parameterNames, std::vector<TypePtr> parameterTypes,
      RowExpressionPtr body);
  const std::vector<std::string>& parameterNames() const { return parameterNames_; }
  const std::vector<TypePtr>& parameterTypes() const { return parameterTypes_; }
  const RowExpressionPtr& body() const { return arguments_[0]; }
  std::string toString() const override;

 private:
  bool sameNode(const RowExpression& other) const override;
  const std::vector<std::string> parameterNames_;
  const std::vector<TypePtr> parameterTypes_;
};

/// A special form (see SpecialForm).
class SpecialFormExpression : public RowExpression {
 public:
  SpecialFormExpression(SpecialForm form, TypePtr type, std::vector<RowExpressionPtr> arguments);
  SpecialForm form() const { return form_; }
  std::string toString() const override;

 private:
  bool sameNode(const RowExpression& other) const override;
  const SpecialForm form_;
};

/// Hash and equality functors for maps keyed by expression structure.
struct RowExpressionHash {
  size_t operator()(const RowExpressionPtr& expression) const { return expression->hash(); }
};
struct RowExpressionEqual {
  bool operator()(const RowExpressionPtr& left, const RowExpressionPtr& right) const { return left->equals(*right); }
};

/// A hash of a value consistent with Value::operator==.
size_t hashValue(const Value& value);

} // namespace presto
