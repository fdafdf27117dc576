#include "sql/parser/LiteralText.h"
#include "sql/parser/Parser.h"

namespace presto::sql {
namespace {

bool isIntervalField(const Token& token) {
  return token.isWord("YEAR") || token.isWord("MONTH") || token.isWord("DAY") ||
      token.isWord("HOUR") || token.isWord("MINUTE") || token.isWord("SECOND");
}

} // namespace

// Types come out as canonical signature strings: lower-case names, parameters in parentheses
// without spaces (`decimal(15,2)`, `array(bigint)`, `map(varchar,bigint)`,
// `row(a bigint,"B" double)`), and the multi-word types `double` (for DOUBLE PRECISION),
// `time with time zone`, `timestamp with time zone` and `interval day to second`.
std::string Parser::parseType() {
  NestingGuard guard(*this, 1);
  const Token& token = tokens_.current();
  const Token& next = tokens_.peek(1);
  if (token.type == TokenType::kWord && !token.reserved) {
    if (token.isWord("ARRAY") && next.isSymbol("<")) {
      tokens_.advance();
      tokens_.advance();
      std::string element = parseType();
      tokens_.expectSymbol(">");
      return "array(" + element + ")";
    }
    if (token.isWord("MAP") && next.isSymbol("<")) {
      tokens_.advance();
      tokens_.advance();
      std::string key = parseType();
      tokens_.expectSymbol(",");
      std::string value = parseType();
      tokens_.expectSymbol(">");
      return "map(" + key + "," + value + ")";
    }
    if (token.isWord("ROW") && next.isSymbol("(")) {
      return parseRowType();
    }
    if (token.isWord("INTERVAL") && isIntervalField(next)) {
      tokens_.advance();
      std::string from = toLowerAscii(tokens_.advance().text);
      tokens_.expectWord("TO");
      if (!isIntervalField(tokens_.current())) {
        parseIntervalField();
      }
      return "interval " + from + " to " + toLowerAscii(tokens_.advance().text);
    }
    if ((token.isWord("TIME") || token.isWord("TIMESTAMP")) && next.isWord("WITH") &&
        tokens_.peek(2).isWord("TIME") && tokens_.peek(3).isWord("ZONE")) {
      std::string base = toLowerAscii(token.text);
      for (int i = 0; i < 4; ++i) {
        tokens_.advance();
      }
      return base + " with time zone";
    }
    if (token.isWord("DOUBLE") && next.isWord("PRECISION")) {
      tokens_.advance();
      tokens_.advance();
      return "double";
    }
    std::string base = toLowerAscii(tokens_.advance().text);
    if (tokens_.checkSymbol("(")) {
      return parseTypeParameters(std::move(base));
    }
    return base;
  }
  tokens_.expecting("<type>");
  tokens_.failMismatch();
}

std::string Parser::parseTypeParameters(std::string base) {
  tokens_.advance();
  base += '(';
  bool first = true;
  do {
    if (!first) {
      base += ',';
    }
    first = false;
    if (tokens_.current().type == TokenType::kInteger) {
      base += tokens_.advance().text;
    } else {
      tokens_.expecting("<integer>");
      base += parseType();
    }
  } while (tokens_.acceptSymbol(","));
  tokens_.expectSymbol(")");
  return base + ')';
}

std::string Parser::parseRowType() {
  tokens_.advance();
  tokens_.advance();
  std::string result = "row(";
  bool first = true;
  do {
    if (!first) {
      result += ',';
    }
    first = false;
    const Token& token = tokens_.current();
    const Token& next = tokens_.peek(1);
    bool unnamed = (token.isWord("DOUBLE") && next.isWord("PRECISION")) ||
        (token.isWord("INTERVAL") && isIntervalField(next)) ||
        !(next.type == TokenType::kWord && !next.reserved);
    if (!unnamed && tokens_.checkIdentifier()) {
      IdentifierPtr name = parseIdentifier();
      if (name->delimited) {
        result += '"';
        for (char c : name->value) {
          result += c;
          if (c == '"') {
            result += '"';
          }
        }
        result += '"';
      } else {
        result += name->value;
      }
      result += ' ';
    }
    result += parseType();
  } while (tokens_.acceptSymbol(","));
  tokens_.expectSymbol(")");
  return result + ')';
}

} // namespace presto::sql
