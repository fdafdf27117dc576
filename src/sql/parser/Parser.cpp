#include "sql/parser/Parser.h"

#include <charconv>

#include <fmt/format.h>

#include "sql/parser/Lexer.h"
#include "sql/parser/LiteralText.h"
#include "sql/parser/SqlParser.h"

namespace presto::sql {

StatementPtr parseStatement(std::string_view sql) {
  return Parser(sql).parseSingleStatement();
}

ExpressionPtr parseExpression(std::string_view sql) {
  return Parser(sql).parseStandaloneExpression();
}

Parser::Parser(std::string_view sql) : tokens_(Lexer(sql).tokenize()) {}

Parser::NestingGuard::NestingGuard(Parser& parser, int32_t cost) : parser_(parser), cost_(cost) {
  parser_.depth_ += cost;
  if (parser_.depth_ > kMaxNestingDepth) {
    parser_.tokens_.failAt(
        parser_.tokens_.current().location,
        fmt::format("Statement is nested too deeply (more than {} levels)", kMaxNestingDepth));
  }
}

void Parser::NestingGuard::addLink() {
  ++cost_;
  ++parser_.depth_;
  if (parser_.depth_ > kMaxNestingDepth) {
    parser_.tokens_.failAt(
        parser_.tokens_.current().location,
        fmt::format("Statement is nested too deeply (more than {} levels)", kMaxNestingDepth));
  }
}

StatementPtr Parser::parseSingleStatement() {
  StatementPtr statement = parseStatementBody();
  expectEnd();
  return statement;
}

ExpressionPtr Parser::parseStandaloneExpression() {
  ExpressionPtr expression = parseExpression();
  expectEnd();
  return expression;
}

void Parser::expectEnd() {
  if (!tokens_.checkEnd()) {
    tokens_.failMismatch();
  }
}

IdentifierPtr Parser::parseIdentifier() {
  if (!tokens_.checkIdentifier()) {
    tokens_.failMismatch();
  }
  const Token& token = tokens_.advance();
  auto identifier = make<Identifier>(token.location);
  if (token.type == TokenType::kQuotedIdentifier) {
    identifier->value = unquote(token.text, '"');
    identifier->delimited = true;
  } else {
    identifier->value = toLowerAscii(token.text);
  }
  return identifier;
}

QualifiedName Parser::parseQualifiedName() {
  QualifiedName name;
  name.parts.push_back(parseIdentifier());
  while (tokens_.acceptSymbol(".")) {
    name.parts.push_back(parseIdentifier());
  }
  return name;
}

std::vector<IdentifierPtr> Parser::parseIdentifierList() {
  tokens_.expectSymbol("(");
  std::vector<IdentifierPtr> identifiers;
  do {
    identifiers.push_back(parseIdentifier());
  } while (tokens_.acceptSymbol(","));
  tokens_.expectSymbol(")");
  return identifiers;
}

std::string Parser::parseStringValue() {
  const Token& token = tokens_.current();
  if (token.type == TokenType::kString) {
    tokens_.advance();
    return unquote(token.text, '\'');
  }
  if (token.type == TokenType::kUnicodeString) {
    ExpressionPtr literal = parseStringLiteral();
    return literal->as<StringLiteral>().value;
  }
  tokens_.expecting("<string>");
  tokens_.failMismatch();
}

int32_t Parser::parseIntegerValue() {
  const Token& token = tokens_.current();
  if (token.type != TokenType::kInteger) {
    tokens_.expecting("<integer>");
    tokens_.failMismatch();
  }
  int32_t value = 0;
  auto [end, error] = std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
  if (error != std::errc() || end != token.text.data() + token.text.size()) {
    tokens_.failAt(token.location, fmt::format("Invalid numeric literal: {}", token.text));
  }
  tokens_.advance();
  return value;
}

} // namespace presto::sql
