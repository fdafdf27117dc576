#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "type/Type.h"

namespace presto {

/// One type in a function signature: a concrete type (`bigint`), a type variable (`T`), a family
/// matching any parameters (`decimal`, `varchar`, `char`), a parametric type over variables
/// (`array(T)`, `map(K,V)`), or a lambda `function(T,U)`. A lambda argument takes part in
/// resolution through its result type (the last parameter): its parameter types follow from the
/// other arguments, so the analyzer types the lambda body first and passes the body's type.
class TypePattern {
 public:
  /// Parses pattern text; names listed in `variables` are type variables.
  static TypePattern parse(std::string_view text, const std::vector<std::string>& variables);

  std::string toString() const;

  bool isVariable() const { return kind_ == Kind::kVariable; }
  bool isConcrete() const { return kind_ == Kind::kConcrete; }
  const TypePtr& concreteType() const { return concrete_; }
  const std::string& name() const { return name_; }
  const std::vector<TypePattern>& parameters() const { return parameters_; }

  /// Whether the pattern names type family `family` (`decimal`, `varchar`, `char`) with free
  /// parameters.
  bool isFamily() const { return kind_ == Kind::kFamily; }
  bool isLambda() const { return kind_ == Kind::kLambda; }

  /// The concrete type after substituting variables; nullptr when a variable is unbound.
  TypePtr substitute(const std::map<std::string, TypePtr>& bindings) const;

 private:
  enum class Kind : uint8_t { kConcrete, kVariable, kFamily, kParametric, kLambda };

  Kind kind_ = Kind::kConcrete;
  std::string name_;
  TypePtr concrete_;
  std::vector<TypePattern> parameters_;
};

/// A bound type variable may require a property of its type.
enum class TypeConstraint : uint8_t { kNone, kComparable, kOrderable };

/// Whether a function is scalar, aggregate or window (SHOW FUNCTIONS' "Function Type").
enum class FunctionKind : uint8_t { kScalar, kAggregate, kWindow };

std::string_view functionKindName(FunctionKind kind);

/// Computes a return type from the (coerced) argument types, for rules a pattern cannot express
/// such as decimal precision and scale.
using ReturnTypeRule = std::function<TypePtr(const std::vector<TypePtr>& argumentTypes)>;

/// The declared shape of one overload: name, type variables, argument and return type patterns.
struct FunctionSignature {
  std::string name;
  std::vector<std::pair<std::string, TypeConstraint>> typeVariables;
  std::vector<TypePattern> argumentTypes;
  TypePattern returnType;
  /// When set, overrides `returnType`.
  ReturnTypeRule returnTypeRule;
  /// The last argument may repeat (concat, greatest, least).
  bool variableArity = false;

  /// `name(arg, ...):return` as SHOW FUNCTIONS renders the pieces.
  std::string argumentsToString() const;
  std::string returnTypeToString() const;
};

/// The outcome of matching actual argument types against a signature.
struct SignatureMatch {
  /// Types the arguments must be coerced to (equal to the actual types where no coercion is needed).
  std::vector<TypePtr> argumentTypes;
  TypePtr returnType;
  /// How many arguments need a coercion; 0 is an exact match.
  int numCoercions = 0;
};

/// Matches `actual` argument types against `signature`, allowing implicit coercions when
/// `allowCoercion`; nullopt when the signature does not apply.
std::optional<SignatureMatch> matchSignature(
    const FunctionSignature& signature, const std::vector<TypePtr>& actual, bool allowCoercion);

/// The parameter types of the lambda at argument `index` of a call of `signature`, from the
/// types of the arguments known so far (nullptr for lambdas not analyzed yet; a lambda analyzed
/// already stands for its body's type); nullopt when the known arguments do not fit or a
/// parameter type is still open.
std::optional<std::vector<TypePtr>> lambdaParameterTypes(
    const FunctionSignature& signature, const std::vector<TypePtr>& knownTypes, size_t index);

/// Builds a signature from text patterns: `makeSignature("element_at", {"array(T)", "bigint"}, "T",
/// {{"T", TypeConstraint::kNone}})`.
FunctionSignature makeSignature(std::string name, const std::vector<std::string>& argumentTypes,
    const std::string& returnType, std::vector<std::pair<std::string, TypeConstraint>> typeVariables = {});

} // namespace presto
