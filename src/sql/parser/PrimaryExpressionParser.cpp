#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

#include "sql/parser/LiteralText.h"
#include "sql/parser/Parser.h"

namespace presto::sql {
namespace {

bool isIdentifierToken(const Token& token) {
  return (token.type == TokenType::kWord && !token.reserved) ||
      token.type == TokenType::kQuotedIdentifier;
}

bool isStringToken(const Token& token) {
  return token.type == TokenType::kString || token.type == TokenType::kUnicodeString;
}

// The fields EXTRACT accepts, as in Presto's Extract.Field.
constexpr std::string_view kExtractFields[] = {
    "YEAR",   "QUARTER",      "MONTH",     "WEEK", "DAY",    "DAY_OF_MONTH",
    "DAY_OF_WEEK", "DOW",     "DAY_OF_YEAR", "DOY", "YEAR_OF_WEEK", "YOW",
    "HOUR",   "MINUTE",       "SECOND",    "TIMEZONE_MINUTE", "TIMEZONE_HOUR",
};

} // namespace

ExpressionPtr Parser::parsePrimary() {
  const Token& token = tokens_.current();
  switch (token.type) {
    case TokenType::kInteger:
    case TokenType::kDecimal:
    case TokenType::kDouble:
      return parseNumber();
    case TokenType::kString:
    case TokenType::kUnicodeString:
      return parseStringLiteral();
    case TokenType::kBinaryString: {
      auto node = make<BinaryLiteral>(token.location);
      node->value = decodeBinaryString(unquote(token.text.substr(1), '\''), token.location);
      tokens_.advance();
      return node;
    }
    case TokenType::kParameter: {
      auto node = make<Parameter>(token.location);
      node->position = parameterCount_++;
      tokens_.advance();
      return node;
    }
    case TokenType::kQuotedIdentifier:
      return parseWordPrimary();
    case TokenType::kWord:
      return token.reserved ? parseReservedWordPrimary() : parseWordPrimary();
    case TokenType::kOperator:
      if (token.isSymbol("(")) {
        return parseParenthesized();
      }
      break;
    default:
      break;
  }
  tokens_.expecting("<expression>");
  tokens_.failMismatch();
}

ExpressionPtr Parser::parseReservedWordPrimary() {
  const Token& token = tokens_.current();
  if (token.isWord("NULL")) {
    tokens_.advance();
    return make<NullLiteral>(token.location);
  }
  if (token.isWord("TRUE") || token.isWord("FALSE")) {
    auto node = make<BooleanLiteral>(token.location);
    node->value = token.isWord("TRUE");
    tokens_.advance();
    return node;
  }
  if (token.isWord("CASE")) {
    return parseCase();
  }
  if (token.isWord("CAST")) {
    return parseCast(false);
  }
  if (token.isWord("EXISTS")) {
    return parseExists();
  }
  if (token.isWord("EXTRACT")) {
    return parseExtract();
  }
  if (token.isWord("NORMALIZE") && tokens_.peek(1).isSymbol("(")) {
    return parseNormalize();
  }
  if (token.isWord("GROUPING") && tokens_.peek(1).isSymbol("(")) {
    return parseGroupingOperation();
  }
  if (token.isWord("CURRENT_DATE")) {
    return parseCurrentTime(CurrentTime::Function::kDate);
  }
  if (token.isWord("CURRENT_TIME")) {
    return parseCurrentTime(CurrentTime::Function::kTime);
  }
  if (token.isWord("CURRENT_TIMESTAMP")) {
    return parseCurrentTime(CurrentTime::Function::kTimestamp);
  }
  if (token.isWord("LOCALTIME")) {
    return parseCurrentTime(CurrentTime::Function::kLocalTime);
  }
  if (token.isWord("LOCALTIMESTAMP")) {
    return parseCurrentTime(CurrentTime::Function::kLocalTimestamp);
  }
  tokens_.expecting("<expression>");
  tokens_.failMismatch();
}

ExpressionPtr Parser::parseWordPrimary() {
  const Token& token = tokens_.current();
  const Token& next = tokens_.peek(1);
  if (token.type == TokenType::kWord) {
    if (token.isWord("ARRAY") && next.isSymbol("[")) {
      return parseArrayConstructor();
    }
    if (token.isWord("ROW") && next.isSymbol("(")) {
      return parseRowConstructor();
    }
    if (token.isWord("INTERVAL") &&
        (isStringToken(next) ||
         ((next.isSymbol("+") || next.isSymbol("-")) && isStringToken(tokens_.peek(2))))) {
      return parseIntervalLiteral();
    }
    if (token.isWord("TRY_CAST") && next.isSymbol("(")) {
      return parseCast(true);
    }
    if (token.isWord("POSITION") && next.isSymbol("(")) {
      return parsePosition();
    }
    bool doublePrecision = token.isWord("DOUBLE") && next.isWord("PRECISION");
    if (isStringToken(next) || (doublePrecision && isStringToken(tokens_.peek(2)))) {
      auto node = make<GenericLiteral>(token.location);
      node->type = doublePrecision ? "DOUBLE" : toUpperAscii(token.text);
      tokens_.advance();
      if (doublePrecision) {
        tokens_.advance();
      }
      node->value = parseStringValue();
      return node;
    }
  }
  if (next.isSymbol("->")) {
    return parseLambda();
  }
  if (isFunctionCallAhead()) {
    return parseFunctionCall();
  }
  return parseIdentifier();
}

bool Parser::isLambdaAhead() const {
  if (!tokens_.current().isSymbol("(")) {
    return false;
  }
  size_t ahead = 1;
  if (!tokens_.peek(ahead).isSymbol(")")) {
    while (true) {
      if (!isIdentifierToken(tokens_.peek(ahead))) {
        return false;
      }
      ++ahead;
      if (tokens_.peek(ahead).isSymbol(")")) {
        break;
      }
      if (!tokens_.peek(ahead).isSymbol(",")) {
        return false;
      }
      ++ahead;
    }
  }
  return tokens_.peek(ahead + 1).isSymbol("->");
}

ExpressionPtr Parser::parseLambda() {
  auto node = make<Lambda>(tokens_.current().location);
  if (tokens_.acceptSymbol("(")) {
    if (!tokens_.acceptSymbol(")")) {
      do {
        node->arguments.push_back(parseIdentifier());
      } while (tokens_.acceptSymbol(","));
      tokens_.expectSymbol(")");
    }
  } else {
    node->arguments.push_back(parseIdentifier());
  }
  tokens_.expectSymbol("->");
  node->body = parseExpression();
  return node;
}

ExpressionPtr Parser::parseParenthesized() {
  if (isLambdaAhead()) {
    return parseLambda();
  }
  SourceLocation location = tokens_.advance().location;
  if (isQueryStart(tokens_.current())) {
    auto node = make<Subquery>(location);
    node->query = parseQuery();
    tokens_.expectSymbol(")");
    return node;
  }
  ExpressionPtr first = parseExpression();
  if (tokens_.acceptSymbol(",")) {
    auto row = make<Row>(location);
    row->items.push_back(std::move(first));
    for (ExpressionPtr& item : parseExpressionList()) {
      row->items.push_back(std::move(item));
    }
    tokens_.expectSymbol(")");
    return row;
  }
  // `((SELECT ...) UNION ...)`: the inner subquery turns out to start a longer query.
  if (first->is<Subquery>() && isQueryContinuation()) {
    auto left = make<TableSubquery>(first->location);
    left->query = first->as<Subquery>().query;
    auto node = make<Subquery>(location);
    node->query = finishQuery(first->location, nullptr, continueQueryTerm(std::move(left)));
    tokens_.expectSymbol(")");
    return node;
  }
  tokens_.expectSymbol(")");
  return first;
}

ExpressionPtr Parser::parseSubqueryInParentheses() {
  auto node = make<Subquery>(tokens_.current().location);
  tokens_.expectSymbol("(");
  node->query = parseQuery();
  tokens_.expectSymbol(")");
  return node;
}

ExpressionPtr Parser::parseExists() {
  auto node = make<Exists>(tokens_.advance().location);
  node->subquery = parseSubqueryInParentheses();
  return node;
}

ExpressionPtr Parser::parseNumber() {
  const Token& token = tokens_.advance();
  if (token.type == TokenType::kDecimal) {
    auto node = make<DecimalLiteral>(token.location);
    node->value = std::string(token.text);
    return node;
  }
  if (token.type == TokenType::kDouble) {
    auto node = make<DoubleLiteral>(token.location);
    node->value = std::strtod(std::string(token.text).c_str(), nullptr);
    return node;
  }
  auto node = make<LongLiteral>(token.location);
  auto [end, error] =
      std::from_chars(token.text.data(), token.text.data() + token.text.size(), node->value);
  if (error != std::errc() || end != token.text.data() + token.text.size()) {
    tokens_.failAt(token.location, fmt::format("Invalid numeric literal: {}", token.text));
  }
  return node;
}

ExpressionPtr Parser::parseStringLiteral() {
  const Token& token = tokens_.advance();
  auto node = make<StringLiteral>(token.location);
  if (token.type == TokenType::kString) {
    node->value = unquote(token.text, '\'');
    return node;
  }
  char escape = '\\';
  if (tokens_.acceptWord("UESCAPE")) {
    const Token& escapeToken = tokens_.current();
    std::string escapeText = parseStringValue();
    if (escapeText.size() != 1 || escapeText[0] == '+' || escapeText[0] == '\'' ||
        escapeText[0] == '"' || escapeText[0] == ' ' ||
        std::isxdigit(static_cast<unsigned char>(escapeText[0]))) {
      tokens_.failAt(
          escapeToken.location, fmt::format("Invalid Unicode escape character: {}", escapeText));
    }
    escape = escapeText[0];
  }
  node->value = decodeUnicodeString(unquote(token.text.substr(2), '\''), escape, token.location);
  return node;
}

IntervalLiteral::Field Parser::parseIntervalField() {
  using Field = IntervalLiteral::Field;
  static constexpr std::pair<std::string_view, Field> kFields[] = {
      {"YEAR", Field::kYear},
      {"MONTH", Field::kMonth},
      {"DAY", Field::kDay},
      {"HOUR", Field::kHour},
      {"MINUTE", Field::kMinute},
      {"SECOND", Field::kSecond},
  };
  for (const auto& [name, field] : kFields) {
    if (tokens_.acceptWord(name)) {
      return field;
    }
  }
  tokens_.failMismatch();
}

ExpressionPtr Parser::parseIntervalLiteral() {
  auto node = make<IntervalLiteral>(tokens_.current().location);
  tokens_.expectWord("INTERVAL");
  if (tokens_.acceptSymbol("-")) {
    node->negative = true;
  } else {
    tokens_.acceptSymbol("+");
  }
  node->value = parseStringValue();
  node->startField = parseIntervalField();
  if (tokens_.acceptWord("TO")) {
    node->endField = parseIntervalField();
  }
  return node;
}

ExpressionPtr Parser::parseCase() {
  SourceLocation location = tokens_.advance().location;
  std::vector<WhenClausePtr> whenClauses;
  ExpressionPtr operand;
  if (!tokens_.checkWord("WHEN")) {
    operand = parseExpression();
    tokens_.expectWord("WHEN");
  } else {
    tokens_.advance();
  }
  do {
    auto clause = make<WhenClause>(tokens_.current().location);
    clause->operand = parseExpression();
    tokens_.expectWord("THEN");
    clause->result = parseExpression();
    whenClauses.push_back(std::move(clause));
  } while (tokens_.acceptWord("WHEN"));
  ExpressionPtr defaultValue;
  if (tokens_.acceptWord("ELSE")) {
    defaultValue = parseExpression();
  }
  tokens_.expectWord("END");
  if (operand == nullptr) {
    auto node = make<SearchedCase>(location);
    node->whenClauses = std::move(whenClauses);
    node->defaultValue = std::move(defaultValue);
    return node;
  }
  auto node = make<SimpleCase>(location);
  node->operand = std::move(operand);
  node->whenClauses = std::move(whenClauses);
  node->defaultValue = std::move(defaultValue);
  return node;
}

ExpressionPtr Parser::parseCast(bool safe) {
  auto node = make<Cast>(tokens_.advance().location);
  node->safe = safe;
  tokens_.expectSymbol("(");
  node->value = parseExpression();
  tokens_.expectWord("AS");
  node->type = parseType();
  tokens_.expectSymbol(")");
  return node;
}

ExpressionPtr Parser::parseExtract() {
  auto node = make<Extract>(tokens_.advance().location);
  tokens_.expectSymbol("(");
  IdentifierPtr field = parseIdentifier();
  node->field = toUpperAscii(field->value);
  if (std::find(std::begin(kExtractFields), std::end(kExtractFields), node->field) ==
      std::end(kExtractFields)) {
    tokens_.failAt(field->location, fmt::format("Invalid EXTRACT field: {}", field->value));
  }
  tokens_.expectWord("FROM");
  node->value = parseValueExpression();
  tokens_.expectSymbol(")");
  return node;
}

ExpressionPtr Parser::parseCurrentTime(CurrentTime::Function function) {
  auto node = make<CurrentTime>(tokens_.advance().location);
  node->function = function;
  if (function != CurrentTime::Function::kDate && tokens_.acceptSymbol("(")) {
    node->precision = parseIntegerValue();
    tokens_.expectSymbol(")");
  }
  return node;
}

ExpressionPtr Parser::parseArrayConstructor() {
  auto node = make<ArrayConstructor>(tokens_.advance().location);
  tokens_.expectSymbol("[");
  if (!tokens_.acceptSymbol("]")) {
    node->values = parseExpressionList();
    tokens_.expectSymbol("]");
  }
  return node;
}

ExpressionPtr Parser::parseRowConstructor() {
  auto node = make<Row>(tokens_.advance().location);
  tokens_.expectSymbol("(");
  node->items = parseExpressionList();
  tokens_.expectSymbol(")");
  return node;
}

} // namespace presto::sql
