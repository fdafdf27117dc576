#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sql/parser/Token.h"

namespace presto::sql {

/// Walks the token list for the parser and builds Presto-style syntax errors.
///
/// Every test of the current token (`acceptWord`, `checkSymbol`, `expect...`) records what would
/// have been accepted at this position; consuming a token clears the record. A syntax error then
/// lists exactly the alternatives the parser tried at the offending token, sorted as ANTLR-based
/// Presto prints them: `mismatched input 'FROM'. Expecting: ',', 'AS', <EOF>, <identifier>`.
class TokenCursor {
 public:
  explicit TokenCursor(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  const Token& current() const { return tokens_[position_]; }
  /// The token `ahead` places after the current one; the end-of-input token past the end.
  const Token& peek(size_t ahead) const {
    return tokens_[std::min(position_ + ahead, tokens_.size() - 1)];
  }
  size_t position() const { return position_; }

  /// Consumes the current token and returns it.
  const Token& advance();

  /// Tests for a keyword (upper-case literal) or symbol, recording it as expected on a miss.
  bool checkWord(std::string_view keyword);
  bool checkSymbol(std::string_view symbol);
  /// Consumes the keyword or symbol if it is next; records it as expected otherwise.
  bool acceptWord(std::string_view keyword);
  bool acceptSymbol(std::string_view symbol);
  /// Consumes the keyword or symbol or fails with a syntax error.
  void expectWord(std::string_view keyword);
  void expectSymbol(std::string_view symbol);
  /// Whether the next token is an identifier: an unreserved word or a quoted name. Records
  /// `<identifier>` on a miss.
  bool checkIdentifier();
  /// Whether the input is exhausted; records `<EOF>` otherwise.
  bool checkEnd();

  /// Records a category of tokens the parser would have accepted here, such as `<expression>`.
  void expecting(std::string_view category);

  /// Throws `mismatched input 'X'. Expecting: ...` for the current token.
  [[noreturn]] void failMismatch() const;
  /// Throws a syntax error with a specific message at `location`.
  [[noreturn]] void failAt(SourceLocation location, std::string message) const;

 private:
  struct Expectation {
    std::string_view text;
    bool quoted;
  };

  std::vector<Token> tokens_;
  size_t position_ = 0;
  std::vector<Expectation> expected_;
};

} // namespace presto::sql
