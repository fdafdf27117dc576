#pragma once

#include <string_view>
#include <vector>

#include "sql/parser/Token.h"

namespace presto::sql {

/// Splits SQL text into tokens, skipping whitespace and comments (`-- ...` and `/* ... */`).
///
/// Follows Presto's lexical rules: identifiers are ASCII letters, digits, `_`, `@` and `:` not
/// starting with a digit; numbers are integers, decimals (`1.5`, `.5`, `1.`) and doubles (`1E5`);
/// strings use `''` to escape a quote; `U&'...'` and `X'...'` are Unicode and binary strings.
/// A character that starts no token becomes an unrecognized token, so the parser can report it
/// together with what it expected there. Text that cannot be split at all (an unterminated string,
/// quoted identifier or comment, a backquoted or digit-leading identifier) throws a SYNTAX_ERROR
/// PrestoException located at the start of the offending text.
class Lexer {
 public:
  explicit Lexer(std::string_view sql) : sql_(sql) {}

  /// Returns all tokens, ending with one kEndOfInput token located just after the last character.
  std::vector<Token> tokenize();

 private:
  char peekChar(size_t ahead = 0) const {
    return position_ + ahead < sql_.size() ? sql_[position_ + ahead] : '\0';
  }
  bool atEnd() const { return position_ >= sql_.size(); }
  /// Moves past one byte, keeping line and column (counted in code points) current.
  void advance();
  void advanceBy(size_t count);

  /// Skips whitespace and comments; returns false at the end of input.
  bool skipTrivia();
  Token lexWord();
  Token lexNumber();
  Token lexQuoted(TokenType type, size_t prefixLength, char quote, std::string_view what);
  Token lexOperator();
  Token makeToken(TokenType type, size_t start, SourceLocation location) const;
  [[noreturn]] void fail(SourceLocation location, std::string message) const;

  std::string_view sql_;
  size_t position_ = 0;
  SourceLocation location_;
};

} // namespace presto::sql
