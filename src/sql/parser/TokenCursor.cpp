#include "sql/parser/TokenCursor.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace presto::sql {

const Token& TokenCursor::advance() {
  const Token& token = tokens_[position_];
  if (position_ + 1 < tokens_.size()) {
    ++position_;
  }
  expected_.clear();
  return token;
}

bool TokenCursor::checkWord(std::string_view keyword) {
  if (current().isWord(keyword)) {
    return true;
  }
  expected_.push_back({keyword, true});
  return false;
}

bool TokenCursor::checkSymbol(std::string_view symbol) {
  if (current().isSymbol(symbol)) {
    return true;
  }
  expected_.push_back({symbol, true});
  return false;
}

bool TokenCursor::acceptWord(std::string_view keyword) {
  if (checkWord(keyword)) {
    advance();
    return true;
  }
  return false;
}

bool TokenCursor::acceptSymbol(std::string_view symbol) {
  if (checkSymbol(symbol)) {
    advance();
    return true;
  }
  return false;
}

void TokenCursor::expectWord(std::string_view keyword) {
  if (!acceptWord(keyword)) {
    failMismatch();
  }
}

void TokenCursor::expectSymbol(std::string_view symbol) {
  if (!acceptSymbol(symbol)) {
    failMismatch();
  }
}

bool TokenCursor::checkIdentifier() {
  const Token& token = current();
  if ((token.type == TokenType::kWord && !token.reserved) ||
      token.type == TokenType::kQuotedIdentifier) {
    return true;
  }
  expecting("<identifier>");
  return false;
}

bool TokenCursor::checkEnd() {
  if (current().type == TokenType::kEndOfInput) {
    return true;
  }
  expecting("<EOF>");
  return false;
}

void TokenCursor::expecting(std::string_view category) {
  expected_.push_back({category, false});
}

void TokenCursor::failMismatch() const {
  std::vector<std::string> alternatives;
  alternatives.reserve(expected_.size());
  for (const Expectation& expectation : expected_) {
    alternatives.push_back(
        expectation.quoted ? fmt::format("'{}'", expectation.text) : std::string(expectation.text));
  }
  std::sort(alternatives.begin(), alternatives.end());
  alternatives.erase(std::unique(alternatives.begin(), alternatives.end()), alternatives.end());
  const Token& token = current();
  if (alternatives.empty()) {
    failAt(token.location, fmt::format("no viable alternative at input '{}'", token.displayText()));
  }
  failAt(
      token.location,
      fmt::format(
          "mismatched input '{}'. Expecting: {}",
          token.displayText(),
          fmt::join(alternatives, ", ")));
}

void TokenCursor::failAt(SourceLocation location, std::string message) const {
  throw PrestoException(errors::SYNTAX_ERROR, location, std::move(message));
}

} // namespace presto::sql
