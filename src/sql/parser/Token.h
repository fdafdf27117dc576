#pragma once

#include <string_view>

#include "common/PrestoException.h"

namespace presto::sql {

/// The lexical classes of SQL tokens. Words (keywords and identifiers) share one class: whether a
/// word is a keyword depends on where the parser meets it, as Presto's non-reserved words show.
enum class TokenType {
  kWord,
  kQuotedIdentifier,
  kString,
  kUnicodeString,
  kBinaryString,
  kInteger,
  kDecimal,
  kDouble,
  kOperator,
  kParameter,
  kUnrecognized,
  kEndOfInput,
};

/// One token of SQL text. `text` views the source exactly as written (quotes included), so
/// messages quote it as the user typed it.
struct Token {
  TokenType type = TokenType::kEndOfInput;
  std::string_view text;
  SourceLocation location;
  /// True for words on Presto's reserved list; such words are never identifiers unless quoted.
  bool reserved = false;

  /// Whether this is the word `keyword` (an upper-case literal), compared case-insensitively.
  bool isWord(std::string_view keyword) const;
  /// Whether this is the operator or punctuation `symbol`, e.g. "(" or "<=".
  bool isSymbol(std::string_view symbol) const {
    return type == TokenType::kOperator && text == symbol;
  }
  /// The token as error messages quote it: its text, or `<EOF>` at the end of input.
  std::string_view displayText() const {
    return type == TokenType::kEndOfInput ? std::string_view("<EOF>") : text;
  }
};

} // namespace presto::sql
