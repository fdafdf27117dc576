#include "ExpressionTestBase.h"

#include <cctype>
#include <cmath>
#include <iomanip>

#include "type/Decimal.h"

#include "expression/ConstantFolder.h"
#include "type/DateTime.h"
#include "type/TypeCoercion.h"
#include "type/TypeSignature.h"
#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/VectorValues.h"

namespace presto {

void PrintTo(const Value& value, std::ostream* os) {
  std::visit(
      [&](const auto& held) {
        using T = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          *os << "NULL";
        } else if constexpr (std::is_same_v<T, int128_t>) {
          *os << int128ToString(held) << " (int128)";
        } else if constexpr (std::is_same_v<T, std::string>) {
          *os << "'" << held << "'";
        } else if constexpr (std::is_same_v<T, ArrayValue> || std::is_same_v<T, RowValue>) {
          *os << "[";
          const auto& items = [&]() -> const std::vector<Value>& {
            if constexpr (std::is_same_v<T, ArrayValue>) return held.elements; else return held.fields;
          }();
          for (size_t i = 0; i < items.size(); ++i) {
            if (i > 0) *os << ", ";
            PrintTo(items[i], os);
          }
          *os << "]";
        } else if constexpr (std::is_same_v<T, MapValue>) {
          *os << "{map of " << held.keys.size() << "}";
        } else if constexpr (std::is_same_v<T, bool>) {
          *os << (held ? "true" : "false");
        } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
          *os << std::setprecision(17) << held << (std::is_same_v<T, float> ? "f" : "");
        } else {
          *os << held;
        }
      },
      value.storage());
}

namespace test {
namespace {

/// Value equality where NaN equals NaN (the encodings must agree, not IEEE comparison).
bool sameValue(const Value& left, const Value& right) {
  if (left.holds<double>() && right.holds<double>() && std::isnan(left.as<double>()) && std::isnan(right.as<double>())) {
    return true;
  }
  if (left.holds<float>() && right.holds<float>() && std::isnan(left.as<float>()) && std::isnan(right.as<float>())) {
    return true;
  }
  return left == right;
}

bool sameValues(const std::vector<Value>& left, const std::vector<Value>& right) {
  if (left.size() != right.size()) return false;
  for (size_t i = 0; i < left.size(); ++i) {
    if (!sameValue(left[i], right[i])) return false;
  }
  return true;
}

const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> kAliases = {
      {"plus", operators::kAdd}, {"minus", operators::kSubtract}, {"multiply", operators::kMultiply},
      {"divide", operators::kDivide}, {"mod", operators::kModulus}, {"negate", operators::kNegate},
      {"eq", operators::kEqual}, {"neq", operators::kNotEqual}, {"lt", operators::kLessThan},
      {"lte", operators::kLessThanOrEqual}, {"gt", operators::kGreaterThan},
      {"gte", operators::kGreaterThanOrEqual}, {"between", operators::kBetween},
      {"distinct", operators::kIsDistinctFrom}, {"subscript", operators::kSubscript}};
  return kAliases;
}

TypePtr commonType(const std::vector<RowExpressionPtr>& expressions) {
  TypePtr result = UNKNOWN();
  for (const auto& expression : expressions) {
    auto common = TypeCoercion::commonSuperType(result, expression->type());
    if (!common) {
      throw PrestoException(errors::GENERIC_USER_ERROR, "no common type for " + result->toString() + " and " +
          expression->type()->toString());
    }
    result = *common;
  }
  return result;
}

RowExpressionPtr special(SpecialForm form, TypePtr type, std::vector<RowExpressionPtr> arguments) {
  return std::make_shared<SpecialFormExpression>(form, std::move(type), std::move(arguments));
}

} // namespace

RowExpressionPtr castIfNeeded(const RowExpressionPtr& expression, const TypePtr& type) {
  if (sameType(expression->type(), type)) {
    return expression;
  }
  return special(SpecialForm::kCast, type, {expression});
}

ExpressionParser::ExpressionParser(const FunctionRegistry& registry, std::vector<TypePtr> inputTypes)
    : registry_(registry), inputTypes_(std::move(inputTypes)) {}

RowExpressionPtr ExpressionParser::parse(const std::string& text) {
  text_ = text;
  position_ = 0;
  auto expression = parseExpression();
  skipSpaces();
  if (position_ != text_.size()) {
    throw std::runtime_error("trailing text at " + std::to_string(position_) + " in " + text_);
  }
  return expression;
}

void ExpressionParser::skipSpaces() {
  while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_]))) ++position_;
}

bool ExpressionParser::consume(char c) {
  skipSpaces();
  if (position_ < text_.size() && text_[position_] == c) {
    ++position_;
    return true;
  }
  return false;
}

void ExpressionParser::expect(char c) {
  if (!consume(c)) {
    throw std::runtime_error(std::string("expected '") + c + "' at " + std::to_string(position_) + " in " + text_);
  }
}

std::string ExpressionParser::readIdentifier() {
  skipSpaces();
  size_t start = position_;
  while (position_ < text_.size() &&
      (std::isalnum(static_cast<unsigned char>(text_[position_])) || text_[position_] == '_' || text_[position_] == '$')) {
    ++position_;
  }
  return text_.substr(start, position_ - start);
}

std::string ExpressionParser::readTypeText() {
  skipSpaces();
  size_t start = position_;
  int depth = 0;
  while (position_ < text_.size()) {
    char c = text_[position_];
    if (c == '(') ++depth;
    if (c == ')') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) break;
    ++position_;
  }
  return text_.substr(start, position_ - start);
}

RowExpressionPtr ExpressionParser::parseExpression() {
  skipSpaces();
  char c = text_.at(position_);
  if (c == '\'') {
    std::string value;
    ++position_;
    while (true) {
      if (text_.at(position_) == '\'') {
        if (position_ + 1 < text_.size() && text_[position_ + 1] == '\'') {
          value += '\'';
          position_ += 2;
          continue;
        }
        ++position_;
        break;
      }
      value += text_[position_++];
    }
    return std::make_shared<ConstantExpression>(Value(value), VARCHAR());
  }
  if (std::isdigit(static_cast<unsigned char>(c)) || (c == '-' && std::isdigit(static_cast<unsigned char>(text_.at(position_ + 1))))) {
    size_t start = position_++;
    while (position_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[position_])) || text_[position_] == '.' ||
        text_[position_] == 'e' || text_[position_] == 'E' || ((text_[position_] == '-' || text_[position_] == '+') &&
        (text_[position_ - 1] == 'e' || text_[position_ - 1] == 'E')))) {
      ++position_;
    }
    std::string number = text_.substr(start, position_ - start);
    if (number.find_first_of("eE") != std::string::npos) {
      return std::make_shared<ConstantExpression>(Value(std::stod(number)), DOUBLE());
    }
    auto dot = number.find('.');
    if (dot != std::string::npos) {
      std::string digits = number.substr(0, dot) + number.substr(dot + 1);
      int scale = static_cast<int>(number.size() - dot - 1);
      bool negative = digits[0] == '-';
      std::string magnitude = negative ? digits.substr(1) : digits;
      size_t firstNonZero = magnitude.find_first_not_of('0');
      int precision = std::max(scale, static_cast<int>(firstNonZero == std::string::npos ? 1 : magnitude.size() - firstNonZero));
      precision = std::max(precision, 1);
      auto unscaled = int128Value(digits);
      auto type = DECIMAL(precision, scale);
      if (precision <= 18) {
        return std::make_shared<ConstantExpression>(Value(static_cast<int64_t>(unscaled.as<int128_t>())), type);
      }
      return std::make_shared<ConstantExpression>(unscaled, type);
    }
    int64_t value = std::stoll(number);
    if (value >= INT32_MIN && value <= INT32_MAX) {
      return std::make_shared<ConstantExpression>(Value(value), INTEGER());
    }
    return std::make_shared<ConstantExpression>(Value(value), BIGINT());
  }
  if (c == '(') {
    // A lambda: (x:type, y:type) -> body
    ++position_;
    std::vector<std::string> names;
    std::vector<TypePtr> types;
    while (!consume(')')) {
      names.push_back(readIdentifier());
      expect(':');
      size_t start = position_;
      int depth = 0;
      while (position_ < text_.size() && !((text_[position_] == ',' || text_[position_] == ')') && depth == 0)) {
        if (text_[position_] == '(') ++depth;
        if (text_[position_] == ')') --depth;
        ++position_;
      }
      types.push_back(parseTypeSignature(text_.substr(start, position_ - start)));
      consume(',');
    }
    expect('-');
    expect('>');
    size_t scopeSize = lambdaScope_.size();
    for (size_t i = 0; i < names.size(); ++i) {
      lambdaScope_.emplace_back(names[i], types[i]);
    }
    auto body = parseExpression();
    lambdaScope_.resize(scopeSize);
    return std::make_shared<LambdaDefinitionExpression>(names, types, body);
  }
  std::string name = readIdentifier();
  if (name.empty()) {
    throw std::runtime_error("unexpected text at " + std::to_string(position_) + " in " + text_);
  }
  std::string lowered = name;
  for (auto& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (lowered == "null") return std::make_shared<ConstantExpression>(Value(), UNKNOWN());
  if (lowered == "true") return std::make_shared<ConstantExpression>(Value(true), BOOLEAN());
  if (lowered == "false") return std::make_shared<ConstantExpression>(Value(false), BOOLEAN());
  if (lowered == "date" || lowered == "timestamp") {
    auto literal = parseExpression();
    auto type = lowered == "date" ? DATE() : TIMESTAMP();
    return std::make_shared<ConstantExpression>(evaluateConstant(castIfNeeded(literal, type), registry_), type);
  }
  for (auto it = lambdaScope_.rbegin(); it != lambdaScope_.rend(); ++it) {
    if (it->first == name) {
      return std::make_shared<VariableReferenceExpression>(name, it->second);
    }
  }
  if (lowered.size() > 1 && lowered[0] == 'c' &&
      std::all_of(lowered.begin() + 1, lowered.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
    int channel = std::stoi(lowered.substr(1));
    return std::make_shared<InputReferenceExpression>(channel, inputTypes_.at(static_cast<size_t>(channel)));
  }
  return parseCall(lowered);
}

RowExpressionPtr ExpressionParser::parseCall(const std::string& name) {
  expect('(');
  std::vector<RowExpressionPtr> arguments;
  if (name == "cast" || name == "try_cast") {
    arguments.push_back(parseExpression());
    if (readIdentifier() != "as") throw std::runtime_error("expected AS in " + text_);
    auto type = parseTypeSignature(readTypeText());
    expect(')');
    return special(name == "cast" ? SpecialForm::kCast : SpecialForm::kTryCast, type, arguments);
  }
  if (!consume(')')) {
    do {
      arguments.push_back(parseExpression());
    } while (consume(','));
    expect(')');
  }
  return makeCall(name, std::move(arguments));
}

RowExpressionPtr ExpressionParser::makeCall(const std::string& name, std::vector<RowExpressionPtr> arguments) {
  if (name == "and" || name == "or") {
    for (auto& argument : arguments) argument = castIfNeeded(argument, BOOLEAN());
    return special(name == "and" ? SpecialForm::kAnd : SpecialForm::kOr, BOOLEAN(), std::move(arguments));
  }
  if (name == "if") {
    auto type = commonType({arguments.begin() + 1, arguments.end()});
    for (size_t i = 1; i < arguments.size(); ++i) arguments[i] = castIfNeeded(arguments[i], type);
    arguments[0] = castIfNeeded(arguments[0], BOOLEAN());
    return special(SpecialForm::kIf, type, std::move(arguments));
  }
  if (name == "case" || name == "switch") {
    bool searched = name == "case";
    RowExpressionPtr operand = searched ? std::make_shared<ConstantExpression>(Value(true), BOOLEAN()) : arguments[0];
    size_t first = searched ? 0 : 1;
    std::vector<RowExpressionPtr> results;
    for (size_t i = first; i + 1 < arguments.size(); i += 2) results.push_back(arguments[i + 1]);
    bool hasElse = (arguments.size() - first) % 2 == 1;
    if (hasElse) results.push_back(arguments.back());
    auto type = commonType(results);
    std::vector<RowExpressionPtr> switchArguments{operand};
    for (size_t i = first; i + 1 < arguments.size(); i += 2) {
      switchArguments.push_back(special(SpecialForm::kWhen, type, {arguments[i], castIfNeeded(arguments[i + 1], type)}));
    }
    if (hasElse) switchArguments.push_back(castIfNeeded(arguments.back(), type));
    return special(SpecialForm::kSwitch, type, std::move(switchArguments));
  }
  if (name == "coalesce") {
    auto type = commonType(arguments);
    for (auto& argument : arguments) argument = castIfNeeded(argument, type);
    return special(SpecialForm::kCoalesce, type, std::move(arguments));
  }
  if (name == "in") {
    auto type = commonType(arguments);
    for (auto& argument : arguments) argument = castIfNeeded(argument, type);
    return special(SpecialForm::kIn, BOOLEAN(), std::move(arguments));
  }
  if (name == "nullif") {
    auto type = arguments[0]->type();
    return special(SpecialForm::kNullIf, type, std::move(arguments));
  }
  if (name == "is_null") return special(SpecialForm::kIsNull, BOOLEAN(), std::move(arguments));
  if (name == "try") {
    auto type = arguments[0]->type();
    return special(SpecialForm::kTry, type, std::move(arguments));
  }
  if (name == "row") {
    std::vector<TypePtr> types;
    for (const auto& argument : arguments) types.push_back(argument->type());
    return special(SpecialForm::kRowConstructor, ROW(types), std::move(arguments));
  }
  if (name == "array") {
    auto type = commonType(arguments);
    for (auto& argument : arguments) argument = castIfNeeded(argument, type);
    return special(SpecialForm::kArrayConstructor, ARRAY(type), std::move(arguments));
  }
  if (name == "dereference") {
    auto index = arguments[1]->as<ConstantExpression>()->value().as<int64_t>();
    auto type = arguments[0]->type()->childAt(static_cast<size_t>(index));
    return special(SpecialForm::kDereference, type,
        {arguments[0], std::make_shared<ConstantExpression>(Value(index), INTEGER())});
  }
  auto alias = aliases().find(name);
  std::string functionName = alias == aliases().end() ? name : alias->second;
  std::vector<TypePtr> types;
  for (const auto& argument : arguments) {
    types.push_back(argument->kind() == RowExpressionKind::kLambda ? nullptr : argument->type());
  }
  // A lambda takes part in resolution through its body's type.
  std::vector<TypePtr> resolutionTypes;
  for (size_t i = 0; i < arguments.size(); ++i) {
    resolutionTypes.push_back(types[i] ? types[i] : arguments[i]->type());
  }
  auto function = registry_.resolve(functionName, resolutionTypes);
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (types[i]) arguments[i] = castIfNeeded(arguments[i], function->argumentTypes[i]);
  }
  return std::make_shared<CallExpression>(function, std::move(arguments));
}

Value int128Value(const std::string& digits) {
  bool negative = !digits.empty() && digits[0] == '-';
  int128_t value = 0;
  for (size_t i = negative ? 1 : 0; i < digits.size(); ++i) value = value * 10 + (digits[i] - '0');
  return Value(negative ? -value : value);
}

const FunctionRegistry& ExpressionTestBase::registry() {
  static auto registry = makeBuiltinRegistry();
  return *registry;
}

RowExpressionPtr ExpressionTestBase::parse(const std::string& text, const std::vector<TypePtr>& inputTypes) {
  ExpressionParser parser(registry(), inputTypes);
  return parser.parse(text);
}

TypePtr ExpressionTestBase::typeOf(const std::string& text, const std::vector<TypePtr>& types) {
  return parse(text, types)->type();
}

namespace {

// Runs `expression` over `columns` and returns per-row values or the error.
EvalOutcome run(const FunctionRegistry& registry, const RowExpressionPtr& expression,
    const std::vector<VectorPtr>& columns, vector_size_t numRows, std::vector<Value>* values) {
  EvalOutcome outcome;
  try {
    ExprSet exprSet({expression}, registry, static_cast<int32_t>(columns.size()));
    std::vector<VectorPtr> results;
    exprSet.eval(SelectivityVector(numRows), columns, results);
    for (vector_size_t row = 0; row < numRows; ++row) values->push_back(valueAt(*results[0], row));
  } catch (const PrestoException& error) {
    outcome.errorCode = std::string(error.errorCode().name);
    outcome.errorMessage = error.rawMessage();
  }
  return outcome;
}

// A dictionary over a base holding the rows in reverse order, interleaved with junk rows.
VectorPtr dictionaryOf(const TypePtr& type, const std::vector<Value>& rows) {
  std::vector<Value> base;
  auto size = static_cast<vector_size_t>(rows.size());
  for (vector_size_t i = size - 1; i >= 0; --i) {
    base.push_back(Value());
    base.push_back(rows[static_cast<size_t>(i)]);
  }
  auto indices = allocateIndices(size);
  for (vector_size_t i = 0; i < size; ++i) {
    indices->asMutable<vector_size_t>()[i] = 2 * (size - 1 - i) + 1;
  }
  return wrapInDictionary(nullptr, indices, size, vectorFromValues(type, base));
}

} // namespace

std::vector<Value> ExpressionTestBase::evalRows(
    const std::string& text, const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows) {
  auto expression = parse(text, types);
  auto numRows = static_cast<vector_size_t>(rows.size());
  std::vector<VectorPtr> flat;
  std::vector<VectorPtr> dictionary;
  for (size_t column = 0; column < types.size(); ++column) {
    std::vector<Value> values;
    for (const auto& row : rows) values.push_back(row.at(column));
    flat.push_back(vectorFromValues(types[column], values));
    dictionary.push_back(dictionaryOf(types[column], values));
  }
  std::vector<Value> flatValues;
  std::vector<Value> dictionaryValues;
  auto flatOutcome = run(registry(), expression, flat, numRows, &flatValues);
  auto dictionaryOutcome = run(registry(), expression, dictionary, numRows, &dictionaryValues);
  EXPECT_EQ(flatOutcome.errorCode, dictionaryOutcome.errorCode) << text;
  if (expression->isDeterministic()) {
    EXPECT_TRUE(sameValues(flatValues, dictionaryValues)) << text << " (flat vs dictionary)";
  }
  if (flatOutcome.errorCode) {
    ADD_FAILURE() << text << " failed: " << *flatOutcome.errorCode << ": " << flatOutcome.errorMessage;
  }
  return flatValues;
}

EvalOutcome ExpressionTestBase::evalOneRow(
    const std::string& text, const std::vector<TypePtr>& types, const std::vector<Value>& args) {
  auto expression = parse(text, types);
  std::vector<VectorPtr> flat;
  std::vector<VectorPtr> dictionary;
  std::vector<VectorPtr> constant;
  constexpr vector_size_t kConstantRows = 3;
  for (size_t column = 0; column < types.size(); ++column) {
    flat.push_back(vectorFromValues(types[column], {args.at(column)}));
    dictionary.push_back(dictionaryOf(types[column], {args.at(column)}));
    constant.push_back(makeConstant(types[column], args.at(column), kConstantRows));
  }
  std::vector<Value> flatValues, dictionaryValues, constantValues;
  auto outcome = run(registry(), expression, flat, 1, &flatValues);
  auto dictionaryOutcome = run(registry(), expression, dictionary, 1, &dictionaryValues);
  auto constantOutcome = run(registry(), expression, constant, kConstantRows, &constantValues);
  EXPECT_EQ(outcome.errorCode, dictionaryOutcome.errorCode) << text << " (flat vs dictionary)";
  EXPECT_EQ(outcome.errorCode, constantOutcome.errorCode) << text << " (flat vs constant)";
  EXPECT_EQ(outcome.errorMessage, dictionaryOutcome.errorMessage) << text;
  if (!outcome.errorCode) {
    outcome.value = flatValues.at(0);
    if (expression->isDeterministic()) {
      EXPECT_TRUE(sameValue(dictionaryValues.at(0), outcome.value))
          << text << " (flat vs dictionary): " << ::testing::PrintToString(dictionaryValues.at(0)) << " vs "
          << ::testing::PrintToString(outcome.value);
      for (const auto& value : constantValues) {
        EXPECT_TRUE(sameValue(value, outcome.value)) << text << " (flat vs constant): " << ::testing::PrintToString(value)
            << " vs " << ::testing::PrintToString(outcome.value);
      }
    }
  }
  return outcome;
}

Value ExpressionTestBase::eval(const std::string& text, const std::vector<TypePtr>& types, const std::vector<Value>& args) {
  auto outcome = evalOneRow(text, types, args);
  if (outcome.errorCode) {
    ADD_FAILURE() << text << " failed: " << *outcome.errorCode << ": " << outcome.errorMessage;
  }
  return outcome.value;
}

std::string ExpressionTestBase::evalError(const std::string& text, const std::vector<TypePtr>& types, const std::vector<Value>& args) {
  auto outcome = evalOneRow(text, types, args);
  if (!outcome.errorCode) {
    ADD_FAILURE() << text << " did not fail";
    return "";
  }
  return *outcome.errorCode;
}

std::string ExpressionTestBase::evalErrorMessage(
    const std::string& text, const std::vector<TypePtr>& types, const std::vector<Value>& args) {
  auto outcome = evalOneRow(text, types, args);
  if (!outcome.errorCode) {
    ADD_FAILURE() << text << " did not fail";
    return "";
  }
  return outcome.errorMessage;
}

} // namespace test
} // namespace presto
