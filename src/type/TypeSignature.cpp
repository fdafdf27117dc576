#include "type/TypeSignature.h"

#include <cctype>
#include <charconv>

#include "common/Check.h"

namespace presto {
namespace {

/// Recursive-descent parser over the signature text; on failure throws, and `tryParseType` lets
/// the row-field rule backtrack between `row(bigint)` and `row(name bigint)`.
class SignatureParser {
 public:
  explicit SignatureParser(std::string_view text) : text_(text) {}

  TypePtr parseAll() {
    auto type = parseType();
    skipSpaces();
    if (position_ != text_.size()) {
      fail("unexpected text");
    }
    return type;
  }

 private:
  static constexpr int kMaxDepth = 100;

  [[noreturn]] void fail(std::string_view what) const {
    PRESTO_USER_FAIL(errors::INVALID_ARGUMENTS, "Invalid type signature '{}': {} at position {}", text_, what,
        position_ + 1);
  }

  void skipSpaces() {
    while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_]))) ++position_;
  }

  bool peekChar(char c) {
    skipSpaces();
    return position_ < text_.size() && text_[position_] == c;
  }

  bool acceptChar(char c) {
    if (peekChar(c)) {
      ++position_;
      return true;
    }
    return false;
  }

  void expectChar(char c) {
    if (!acceptChar(c)) {
      fail(fmt::format("expected '{}'", c));
    }
  }

  // A word, lower-cased; empty when the next character does not start one.
  std::string readWord() {
    skipSpaces();
    std::string word;
    while (position_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[position_])) || text_[position_] == '_')) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(text_[position_++])));
    }
    return word;
  }

  void expectWord(std::string_view expected) {
    if (readWord() != expected) {
      fail(fmt::format("expected '{}'", expected));
    }
  }

  bool acceptWord(std::string_view expected) {
    size_t saved = position_;
    if (readWord() == expected) {
      return true;
    }
    position_ = saved;
    return false;
  }

  int64_t readNumber() {
    skipSpaces();
    size_t start = position_;
    while (position_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[position_]))) ++position_;
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + position_, value);
    if (start == position_ || ec != std::errc() || value > StringType::kUnbounded) {
      fail("expected a number");
    }
    return value;
  }

  TypePtr parseType() {
    if (++depth_ > kMaxDepth) {
      fail("nesting too deep");
    }
    auto type = parseTypeBody();
    --depth_;
    return type;
  }

  TypePtr parseTypeBody() {
    size_t start = position_;
    auto name = readWord();
    if (name.empty()) {
      fail("expected a type name");
    }
    if (name == "boolean") return BOOLEAN();
    if (name == "tinyint") return TINYINT();
    if (name == "smallint") return SMALLINT();
    if (name == "integer" || name == "int") return INTEGER();
    if (name == "bigint") return BIGINT();
    if (name == "real") return REAL();
    if (name == "double") {
      acceptWord("precision");
      return DOUBLE();
    }
    if (name == "varbinary") return VARBINARY();
    if (name == "date") return DATE();
    if (name == "json") return JSON();
    if (name == "unknown") return UNKNOWN();
    if (name == "time") return TIME();
    if (name == "timestamp") {
      if (acceptWord("with")) {
        expectWord("time");
        expectWord("zone");
        return TIMESTAMP_WITH_TIME_ZONE();
      }
      return TIMESTAMP();
    }
    if (name == "interval") {
      auto from = readWord();
      expectWord("to");
      auto to = readWord();
      if (from == "day" && to == "second") return INTERVAL_DAY_TIME();
      if (from == "year" && to == "month") return INTERVAL_YEAR_MONTH();
      fail("expected 'day to second' or 'year to month'");
    }
    if (name == "decimal") {
      if (!acceptChar('(')) return DECIMAL(38, 0);
      auto precision = readNumber();
      int64_t scale = 0;
      if (acceptChar(',')) scale = readNumber();
      expectChar(')');
      return DECIMAL(static_cast<int>(precision), static_cast<int>(scale));
    }
    if (name == "varchar" || name == "char") {
      bool isChar = name == "char";
      if (!acceptChar('(')) return isChar ? CHAR(1) : VARCHAR();
      auto length = readNumber();
      expectChar(')');
      return isChar ? CHAR(static_cast<int32_t>(length)) : VARCHAR(static_cast<int32_t>(length));
    }
    if (name == "array") {
      expectChar('(');
      auto element = parseType();
      expectChar(')');
      return ARRAY(element);
    }
    if (name == "map") {
      expectChar('(');
      auto key = parseType();
      expectChar(',');
      auto value = parseType();
      expectChar(')');
      return MAP(key, value);
    }
    if (name == "row") {
      return parseRowFields();
    }
    position_ = start;
    skipSpaces();
    PRESTO_USER_FAIL(errors::NOT_FOUND, "Unknown type: {}", text_.substr(position_, name.size()));
  }

  TypePtr parseRowFields() {
    expectChar('(');
    std::vector<std::string> names;
    std::vector<TypePtr> types;
    do {
      auto [fieldName, fieldType] = parseRowField();
      names.push_back(std::move(fieldName));
      types.push_back(std::move(fieldType));
    } while (acceptChar(','));
    expectChar(')');
    return ROW(std::move(names), std::move(types));
  }

  std::pair<std::string, TypePtr> parseRowField() {
    skipSpaces();
    if (peekChar('"')) {
      auto name = readQuotedName();
      return {std::move(name), parseType()};
    }
    // Try an anonymous field first; fall back to `name type`.
    size_t start = position_;
    int depth = depth_;
    try {
      auto type = parseType();
      if (peekChar(',') || peekChar(')')) {
        return {"", type};
      }
    } catch (const PrestoException&) {
    }
    position_ = start;
    depth_ = depth;
    auto name = readWord();
    if (name.empty()) {
      fail("expected a field name or type");
    }
    return {std::move(name), parseType()};
  }

  std::string readQuotedName() {
    expectChar('"');
    std::string name;
    while (true) {
      if (position_ >= text_.size()) {
        fail("unterminated quoted field name");
      }
      char c = text_[position_++];
      if (c == '"') {
        if (position_ < text_.size() && text_[position_] == '"') {
          name += '"';
          ++position_;
          continue;
        }
        return name;
      }
      name += c;
    }
  }

  std::string_view text_;
  size_t position_ = 0;
  int depth_ = 0;
};

} // namespace

TypePtr parseTypeSignature(std::string_view signature) {
  return SignatureParser(signature).parseAll();
}

} // namespace presto
