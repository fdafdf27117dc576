#include "function/FunctionSignature.h"

#include <algorithm>
#include <cctype>

#include "common/Check.h"
#include "type/TypeCoercion.h"
#include "type/TypeSignature.h"

namespace presto {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> splitTopLevel(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')') --depth;
    if (text[i] == ',' && depth == 0) {
      parts.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim(text.substr(start)));
  return parts;
}

bool isFamilyName(std::string_view name) {
  return name == "decimal" || name == "varchar" || name == "char";
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

/// Longest char(n); an unbounded varchar coerces to it.
constexpr int32_t kMaxCharLength = 65536;

bool familyMatches(const std::string& family, const Type& actual, bool allowCoercion) {
  if (actual.kind() == TypeKind::kUnknown) {
    // A NULL literal goes to the varchar overload rather than tying with the char one.
    return allowCoercion && family != "char";
  }
  if (family == "decimal") {
    return actual.kind() == TypeKind::kDecimal || (allowCoercion && actual.isIntegral());
  }
  if (family == "varchar") {
    return actual.kind() == TypeKind::kVarchar;
  }
  // varchar coerces to char (never the reverse), so `char_column || 'text'` finds concat(char, char).
  return actual.kind() == TypeKind::kChar || (allowCoercion && actual.kind() == TypeKind::kVarchar);
}

TypeKind parametricKind(const std::string& name) {
  if (name == "array") return TypeKind::kArray;
  if (name == "map") return TypeKind::kMap;
  if (name == "row") return TypeKind::kRow;
  PRESTO_FAIL("unsupported parametric pattern {}", name);
}

using Bindings = std::map<std::string, TypePtr>;

bool bind(const TypePattern& pattern, const TypePtr& actual, Bindings& bindings, bool allowCoercion) {
  if (pattern.isLambda()) {
    return bind(pattern.parameters().back(), actual, bindings, allowCoercion);
  }
  if (pattern.isVariable()) {
    if (actual->kind() == TypeKind::kUnknown) {
      return true;
    }
    auto it = bindings.find(pattern.name());
    if (it == bindings.end()) {
      bindings[pattern.name()] = actual;
      return true;
    }
    if (sameType(it->second, actual)) {
      return true;
    }
    if (!allowCoercion) {
      return false;
    }
    auto superType = TypeCoercion::commonSuperType(it->second, actual);
    if (!superType) {
      return false;
    }
    it->second = *superType;
    return true;
  }
  if (pattern.isFamily()) {
    return familyMatches(pattern.name(), *actual, allowCoercion);
  }
  if (pattern.isConcrete()) {
    return sameType(pattern.concreteType(), actual) ||
        (allowCoercion && TypeCoercion::canCoerce(actual, pattern.concreteType()));
  }
  if (actual->kind() == TypeKind::kUnknown) {
    return allowCoercion;
  }
  if (actual->kind() != parametricKind(pattern.name()) || actual->children().size() != pattern.parameters().size()) {
    return false;
  }
  for (size_t i = 0; i < pattern.parameters().size(); ++i) {
    if (!bind(pattern.parameters()[i], actual->childAt(i), bindings, allowCoercion)) {
      return false;
    }
  }
  return true;
}

TypePtr target(const TypePattern& pattern, const TypePtr& actual, const Bindings& bindings) {
  if (pattern.isLambda()) {
    return actual;
  }
  if (pattern.isVariable()) {
    auto it = bindings.find(pattern.name());
    return it == bindings.end() ? UNKNOWN() : it->second;
  }
  if (pattern.isConcrete()) {
    return pattern.concreteType();
  }
  if (pattern.isFamily()) {
    if (actual->kind() == TypeKind::kVarchar && pattern.name() == "char") {
      const auto& varchar = asString(*actual);
      return CHAR(varchar.isUnbounded() ? kMaxCharLength : std::min(varchar.length(), kMaxCharLength));
    }
    if (actual->kind() != TypeKind::kUnknown) {
      return actual->isIntegral() && pattern.name() == "decimal" ? TypeCoercion::integralToDecimal(*actual) : actual;
    }
    if (pattern.name() == "decimal") return DECIMAL(1, 0);
    return pattern.name() == "varchar" ? VARCHAR() : CHAR(1);
  }
  if (actual->kind() == TypeKind::kUnknown) {
    auto substituted = pattern.substitute(bindings);
    return substituted ? substituted : UNKNOWN();
  }
  std::vector<TypePtr> children;
  for (size_t i = 0; i < pattern.parameters().size(); ++i) {
    children.push_back(target(pattern.parameters()[i], actual->childAt(i), bindings));
  }
  switch (actual->kind()) {
    case TypeKind::kArray: return ARRAY(children[0]);
    case TypeKind::kMap: return MAP(children[0], children[1]);
    default: return ROW(asRow(*actual).names(), children);
  }
}

} // namespace

TypePattern TypePattern::parse(std::string_view text, const std::vector<std::string>& variables) {
  text = trim(text);
  TypePattern pattern;
  auto open = text.find('(');
  std::string name(trim(text.substr(0, open)));
  std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  pattern.name_ = name;
  std::string original(trim(text.substr(0, open)));
  if (std::find(variables.begin(), variables.end(), original) != variables.end()) {
    pattern.name_ = original;
    pattern.kind_ = Kind::kVariable;
    return pattern;
  }
  if (open == std::string_view::npos) {
    if (isFamilyName(name)) {
      pattern.kind_ = Kind::kFamily;
      return pattern;
    }
    pattern.concrete_ = parseTypeSignature(text);
    return pattern;
  }
  PRESTO_CHECK(text.back() == ')', "malformed type pattern {}", text);
  auto parameters = splitTopLevel(text.substr(open + 1, text.size() - open - 2));
  if (isFamilyName(name)) {
    if (std::all_of(parameters.begin(), parameters.end(), allDigits)) {
      pattern.concrete_ = parseTypeSignature(text);
    } else {
      pattern.kind_ = Kind::kFamily;
    }
    return pattern;
  }
  if (name == "function") {
    for (auto parameter : parameters) {
      pattern.parameters_.push_back(parse(parameter, variables));
    }
    pattern.kind_ = Kind::kLambda;
    return pattern;
  }
  bool concrete = true;
  // row(a bigint, ...) names its fields and is always concrete; row(K,V) over variables is a pattern.
  bool rowOverVariables = name == "row" && std::any_of(parameters.begin(), parameters.end(), [&](auto parameter) {
    return std::find(variables.begin(), variables.end(), std::string(trim(parameter))) != variables.end();
  });
  if (name != "row" || rowOverVariables) {
    for (auto parameter : parameters) {
      pattern.parameters_.push_back(parse(parameter, variables));
      concrete = concrete && pattern.parameters_.back().isConcrete();
    }
  }
  if (concrete) {
    pattern.parameters_.clear();
    pattern.concrete_ = parseTypeSignature(text);
  } else {
    pattern.kind_ = Kind::kParametric;
  }
  return pattern;
}

std::string TypePattern::toString() const {
  switch (kind_) {
    case Kind::kConcrete: return concrete_->toString();
    case Kind::kVariable: return name_;
    case Kind::kFamily: return name_ == "decimal" ? "decimal(p,s)" : name_ + "(x)";
    case Kind::kLambda:
    case Kind::kParametric: {
      std::string text = name_ + "(";
      for (size_t i = 0; i < parameters_.size(); ++i) {
        text += (i > 0 ? "," : "") + parameters_[i].toString();
      }
      return text + ")";
    }
  }
  return name_;
}

TypePtr TypePattern::substitute(const std::map<std::string, TypePtr>& bindings) const {
  switch (kind_) {
    case Kind::kConcrete: return concrete_;
    case Kind::kVariable: {
      auto it = bindings.find(name_);
      return it == bindings.end() ? nullptr : it->second;
    }
    case Kind::kLambda: return parameters_.back().substitute(bindings);
    case Kind::kFamily:
      // An unparameterized varchar result is unbounded varchar; decimals need a ReturnTypeRule.
      return name_ == "varchar" ? VARCHAR() : nullptr;
    case Kind::kParametric: {
      std::vector<TypePtr> children;
      for (const auto& parameter : parameters_) {
        children.push_back(parameter.substitute(bindings));
        if (!children.back()) {
          return nullptr;
        }
      }
      if (name_ == "array") return ARRAY(children[0]);
      if (name_ == "map") return MAP(children[0], children[1]);
      return ROW(children);
    }
  }
  return nullptr;
}

std::string_view functionKindName(FunctionKind kind) {
  switch (kind) {
    case FunctionKind::kScalar: return "scalar";
    case FunctionKind::kAggregate: return "aggregate";
    case FunctionKind::kWindow: return "window";
  }
  return "scalar";
}

std::string FunctionSignature::argumentsToString() const {
  std::string text;
  for (size_t i = 0; i < argumentTypes.size(); ++i) {
    text += (i > 0 ? ", " : "") + argumentTypes[i].toString();
  }
  return variableArity ? text + "..." : text;
}

std::string FunctionSignature::returnTypeToString() const {
  if (returnTypeRule) {
    return returnType.isConcrete() ? returnType.toString() : returnType.toString();
  }
  return returnType.toString();
}

std::optional<SignatureMatch> matchSignature(
    const FunctionSignature& signature, const std::vector<TypePtr>& actual, bool allowCoercion) {
  size_t declared = signature.argumentTypes.size();
  if (signature.variableArity ? actual.size() < declared - 1 : actual.size() != declared) {
    return std::nullopt;
  }
  auto patternAt = [&](size_t i) -> const TypePattern& {
    return signature.argumentTypes[std::min(i, declared - 1)];
  };
  Bindings bindings;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (!bind(patternAt(i), actual[i], bindings, allowCoercion)) {
      return std::nullopt;
    }
  }
  for (const auto& [variable, constraint] : signature.typeVariables) {
    auto it = bindings.find(variable);
    if (it == bindings.end() || it->second->kind() == TypeKind::kUnknown) {
      continue;
    }
    if ((constraint == TypeConstraint::kOrderable && !it->second->isOrderable()) ||
        (constraint == TypeConstraint::kComparable && !it->second->isComparable())) {
      return std::nullopt;
    }
  }
  // A variable seen only in NULLs (`map(ARRAY['a'], ARRAY[NULL])`) is unknown in the result too.
  for (const auto& [variable, constraint] : signature.typeVariables) {
    bindings.try_emplace(variable, UNKNOWN());
  }
  SignatureMatch match;
  for (size_t i = 0; i < actual.size(); ++i) {
    auto type = target(patternAt(i), actual[i], bindings);
    if (!sameType(type, actual[i])) {
      if (!allowCoercion || !TypeCoercion::canCoerce(actual[i], type)) {
        return std::nullopt;
      }
      ++match.numCoercions;
    }
    match.argumentTypes.push_back(std::move(type));
  }
  if (signature.returnTypeRule) {
    match.returnType = signature.returnTypeRule(match.argumentTypes);
  } else {
    match.returnType = signature.returnType.substitute(bindings);
    if (!match.returnType) {
      match.returnType = UNKNOWN();
    }
  }
  return match;
}

std::optional<std::vector<TypePtr>> lambdaParameterTypes(
    const FunctionSignature& signature, const std::vector<TypePtr>& knownTypes, size_t index) {
  if (signature.variableArity || knownTypes.size() != signature.argumentTypes.size() ||
      !signature.argumentTypes[index].isLambda()) {
    return std::nullopt;
  }
  Bindings bindings;
  for (size_t i = 0; i < knownTypes.size(); ++i) {
    if (knownTypes[i] && !bind(signature.argumentTypes[i], knownTypes[i], bindings, true)) {
      return std::nullopt;
    }
  }
  const auto& parameters = signature.argumentTypes[index].parameters();
  std::vector<TypePtr> types;
  for (size_t i = 0; i + 1 < parameters.size(); ++i) {
    auto type = parameters[i].substitute(bindings);
    if (!type) {
      return std::nullopt;
    }
    types.push_back(std::move(type));
  }
  return types;
}

FunctionSignature makeSignature(std::string name, const std::vector<std::string>& argumentTypes,
    const std::string& returnType, std::vector<std::pair<std::string, TypeConstraint>> typeVariables) {
  std::vector<std::string> variables;
  for (const auto& [variable, constraint] : typeVariables) {
    variables.push_back(variable);
  }
  FunctionSignature signature;
  signature.name = std::move(name);
  signature.typeVariables = std::move(typeVariables);
  for (const auto& argument : argumentTypes) {
    signature.argumentTypes.push_back(TypePattern::parse(argument, variables));
  }
  signature.returnType = TypePattern::parse(returnType, variables);
  return signature;
}

} // namespace presto
