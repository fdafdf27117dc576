#include "sql/parser/Lexer.h"

#include <array>
#include <cctype>

#include "sql/parser/Keywords.h"

namespace presto::sql {
namespace {

bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

bool isIdentifierPart(char c) {
  return isLetter(c) || isDigit(c) || c == '_' || c == '@' || c == ':';
}

bool isUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The longest reserved word, CURRENT_TIMESTAMP, has 17 letters.
constexpr size_t kMaxReservedWordLength = 17;

bool isReservedText(std::string_view text) {
  if (text.size() > kMaxReservedWordLength) {
    return false;
  }
  std::array<char, kMaxReservedWordLength> upper;
  for (size_t i = 0; i < text.size(); ++i) {
    upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  }
  return isReservedWord(std::string_view(upper.data(), text.size()));
}

} // namespace

bool Token::isWord(std::string_view keyword) const {
  if (type != TokenType::kWord || text.size() != keyword.size()) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != keyword[i]) {
      return false;
    }
  }
  return true;
}

std::vector<Token> Lexer::tokenize() {
  std::vector<Token> tokens;
  tokens.reserve(sql_.size() / 4 + 1);
  while (skipTrivia()) {
    char c = peekChar();
    char next = peekChar(1);
    if ((c == 'U' || c == 'u') && next == '&' && peekChar(2) == '\'') {
      tokens.push_back(lexQuoted(TokenType::kUnicodeString, 2, '\'', "string literal"));
    } else if ((c == 'X' || c == 'x') && next == '\'') {
      tokens.push_back(lexQuoted(TokenType::kBinaryString, 1, '\'', "string literal"));
    } else if (isLetter(c) || c == '_') {
      tokens.push_back(lexWord());
    } else if (isDigit(c) || (c == '.' && isDigit(next))) {
      tokens.push_back(lexNumber());
    } else if (c == '\'') {
      tokens.push_back(lexQuoted(TokenType::kString, 0, '\'', "string literal"));
    } else if (c == '"') {
      Token token = lexQuoted(TokenType::kQuotedIdentifier, 0, '"', "quoted identifier");
      if (token.text.size() == 2) {
        fail(token.location, "Zero-length delimited identifier not allowed");
      }
      tokens.push_back(token);
    } else if (c == '`') {
      fail(location_, "backquoted identifiers are not supported; use double quotes to quote identifiers");
    } else {
      tokens.push_back(lexOperator());
    }
  }
  tokens.push_back(Token{TokenType::kEndOfInput, std::string_view(), location_, false});
  return tokens;
}

void Lexer::advance() {
  char c = sql_[position_++];
  if (c == '\n') {
    ++location_.line;
    location_.column = 1;
  } else if (!isUtf8Continuation(c)) {
    ++location_.column;
  }
}

void Lexer::advanceBy(size_t count) {
  for (size_t i = 0; i < count; ++i) {
    advance();
  }
}

bool Lexer::skipTrivia() {
  while (!atEnd()) {
    char c = peekChar();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      advance();
    } else if (c == '-' && peekChar(1) == '-') {
      while (!atEnd() && peekChar() != '\n') {
        advance();
      }
    } else if (c == '/' && peekChar(1) == '*') {
      SourceLocation start = location_;
      advanceBy(2);
      while (!(peekChar() == '*' && peekChar(1) == '/')) {
        if (atEnd()) {
          fail(start, "unterminated comment");
        }
        advance();
      }
      advanceBy(2);
    } else {
      return true;
    }
  }
  return false;
}

Token Lexer::makeToken(TokenType type, size_t start, SourceLocation location) const {
  return Token{type, sql_.substr(start, position_ - start), location, false};
}

Token Lexer::lexWord() {
  size_t start = position_;
  SourceLocation location = location_;
  while (!atEnd() && isIdentifierPart(peekChar())) {
    advance();
  }
  Token token = makeToken(TokenType::kWord, start, location);
  token.reserved = isReservedText(token.text);
  return token;
}

Token Lexer::lexNumber() {
  size_t start = position_;
  SourceLocation location = location_;
  // Length of the longest number starting here, following Presto's INTEGER_VALUE, DECIMAL_VALUE
  // and DOUBLE_VALUE rules.
  size_t length = 0;
  auto digitsAt = [&](size_t offset) {
    size_t count = 0;
    while (isDigit(peekChar(offset + count))) {
      ++count;
    }
    return count;
  };
  TokenType type = TokenType::kInteger;
  length = digitsAt(0);
  if (peekChar(length) == '.') {
    type = TokenType::kDecimal;
    length += 1 + digitsAt(length + 1);
  }
  char exponent = peekChar(length);
  if (exponent == 'E' || exponent == 'e') {
    size_t signLength = (peekChar(length + 1) == '+' || peekChar(length + 1) == '-') ? 1 : 0;
    size_t exponentDigits = digitsAt(length + 1 + signLength);
    if (exponentDigits > 0) {
      type = TokenType::kDouble;
      length += 1 + signLength + exponentDigits;
    }
  }
  // A digit followed by identifier characters is Presto's DIGIT_IDENTIFIER when that is the
  // longer match (`1x`, `1e5x`), which Presto rejects.
  if (isDigit(peekChar())) {
    size_t identifierLength = 1;
    while (isIdentifierPart(peekChar(identifierLength))) {
      ++identifierLength;
    }
    if (identifierLength > length) {
      fail(location, "identifiers must not start with a digit; surround the identifier with double quotes");
    }
  }
  advanceBy(length);
  return makeToken(type, start, location);
}

Token Lexer::lexQuoted(TokenType type, size_t prefixLength, char quote, std::string_view what) {
  size_t start = position_;
  SourceLocation location = location_;
  advanceBy(prefixLength + 1);
  while (true) {
    if (atEnd()) {
      fail(location, std::string("unterminated ") + std::string(what));
    }
    if (peekChar() == quote) {
      if (peekChar(1) != quote) {
        advance();
        break;
      }
      advance();
    }
    advance();
  }
  return makeToken(type, start, location);
}

Token Lexer::lexOperator() {
  size_t start = position_;
  SourceLocation location = location_;
  static constexpr std::array<std::string_view, 7> kTwoCharacterOperators = {
      "<>", "!=", "<=", ">=", "||", "->", "=>"};
  std::string_view rest = sql_.substr(position_);
  for (std::string_view op : kTwoCharacterOperators) {
    if (rest.starts_with(op)) {
      advanceBy(2);
      return makeToken(TokenType::kOperator, start, location);
    }
  }
  char c = peekChar();
  static constexpr std::string_view kSingleCharacterOperators = "=<>+-*/%(),.[];";
  if (kSingleCharacterOperators.find(c) != std::string_view::npos) {
    advance();
    return makeToken(TokenType::kOperator, start, location);
  }
  if (c == '?') {
    advance();
    return makeToken(TokenType::kParameter, start, location);
  }
  // One whole UTF-8 sequence, so messages quote a valid character.
  advance();
  while (!atEnd() && isUtf8Continuation(peekChar())) {
    advance();
  }
  return makeToken(TokenType::kUnrecognized, start, location);
}

void Lexer::fail(SourceLocation location, std::string message) const {
  throw PrestoException(errors::SYNTAX_ERROR, location, std::move(message));
}

} // namespace presto::sql
