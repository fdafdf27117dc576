#include <charconv>
#include <limits>

#include "sql/analyzer/ExpressionAnalyzer.h"
#include "sql/metadata/SemanticError.h"
#include "type/DateTime.h"
#include "type/TimeZoneKey.h"
#include "type/TypeSignature.h"

namespace presto::sql {
namespace {

RowExpressionPtr constant(Value value, TypePtr type) {
  return std::make_shared<ConstantExpression>(std::move(value), std::move(type));
}

int32_t codePoints(const std::string& text) {
  int32_t count = 0;
  for (unsigned char c : text) {
    count += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::optional<int64_t> parseInteger(const std::string& text) {
  int64_t value = 0;
  auto begin = text.data();
  if (!text.empty() && text[0] == '+') {
    ++begin;
  }
  auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || begin == end) {
    return std::nullopt;
  }
  return value;
}

} // namespace

RowExpressionPtr ExpressionAnalyzer::analyzeLongLiteral(const LongLiteral& literal) {
  if (literal.value <= std::numeric_limits<int32_t>::max()) {
    return constant(Value(literal.value), INTEGER());
  }
  return constant(Value(literal.value), BIGINT());
}

RowExpressionPtr ExpressionAnalyzer::analyzeDecimalLiteral(const std::string& text, SourceLocation location) {
  // Presto's Decimals.parse: precision counts the digits without leading zeros of the integral part.
  std::string body = trimmed(text);
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.erase(0, 1);
  }
  auto dot = body.find('.');
  std::string integral = dot == std::string::npos ? body : body.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : body.substr(dot + 1);
  bool valid = !(integral.empty() && fraction.empty());
  for (char c : integral + fraction) {
    valid = valid && std::isdigit(static_cast<unsigned char>(c));
  }
  if (!valid) {
    semanticError(location, "'{}' is not a valid decimal literal", text);
  }
  size_t firstNonZero = integral.find_first_not_of('0');
  integral = firstNonZero == std::string::npos ? "" : integral.substr(firstNonZero);
  std::string digits = integral + fraction;
  int scale = static_cast<int>(fraction.size());
  int precision = std::max(static_cast<int>(digits.size()), 1);
  if (precision > DecimalType::kMaxPrecision) {
    semanticError(location, "Invalid numeric literal: {}", text);
  }
  int128_t unscaled = 0;
  for (char c : digits) {
    unscaled = unscaled * 10 + (c - '0');
  }
  if (negative) {
    unscaled = -unscaled;
  }
  auto type = DECIMAL(precision, scale);
  if (precision <= DecimalType::kMaxShortPrecision) {
    return constant(Value(static_cast<int64_t>(unscaled)), type);
  }
  return constant(Value(unscaled), type);
}

RowExpressionPtr ExpressionAnalyzer::analyzeStringLiteral(const StringLiteral& literal) {
  return constant(Value(literal.value), VARCHAR(codePoints(literal.value)));
}

RowExpressionPtr ExpressionAnalyzer::analyzeGenericLiteral(const GenericLiteral& literal) {
  const std::string& type = literal.type;
  if (type == "DATE") {
    auto days = parseDate(trimmed(literal.value));
    if (!days) {
      semanticError(literal.location, "'{}' is not a valid date literal", literal.value);
    }
    return constant(Value(static_cast<int64_t>(*days)), DATE());
  }
  if (type == "DECIMAL") {
    return analyzeDecimalLiteral(literal.value, literal.location);
  }
  if (type == "BIGINT" || type == "INTEGER" || type == "SMALLINT" || type == "TINYINT") {
    auto value = parseInteger(trimmed(literal.value));
    auto target = type == "BIGINT" ? BIGINT() : type == "INTEGER" ? INTEGER() : type == "SMALLINT" ? SMALLINT() : TINYINT();
    if (!value) {
      semanticError(literal.location, "Invalid {} literal: '{}'", type, literal.value);
    }
    return constant(Value(*value), target);
  }
  if (type == "VARCHAR") {
    return constant(Value(literal.value), VARCHAR(codePoints(literal.value)));
  }
  if (type == "CHAR") {
    return constant(Value(literal.value), CHAR(std::max(codePoints(literal.value), 1)));
  }
  if (type == "VARBINARY") {
    return constant(Value(literal.value), VARBINARY());
  }
  // Other types (TIMESTAMP, TIME, DOUBLE, REAL, BOOLEAN, JSON, ...) are a cast of the text, which
  // the evaluator folds; an unknown type name is an error here.
  TypePtr target;
  try {
    target = parseTypeSignature(type);
  } catch (const PrestoException&) {
    semanticError(literal.location, "Unknown type: {}", type);
  }
  // A timestamp literal naming a zone (`TIMESTAMP '2012-10-31 01:00 UTC'`) is a timestamp with time
  // zone, as in Presto.
  if (type == "TIMESTAMP" && !parseTimestamp(trimmed(literal.value)) && parseTimestampWithTimeZone(trimmed(literal.value))) {
    target = TIMESTAMP_WITH_TIME_ZONE();
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kCast, target,
      std::vector<RowExpressionPtr>{constant(Value(literal.value), VARCHAR(codePoints(literal.value)))});
}

RowExpressionPtr ExpressionAnalyzer::analyzeIntervalLiteral(const IntervalLiteral& literal) {
  using Field = IntervalLiteral::Field;
  std::string text = trimmed(literal.value);
  bool negative = literal.negative;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = negative != (text[0] == '-');
    text.erase(0, 1);
  }
  bool yearMonth = literal.startField == Field::kYear || literal.startField == Field::kMonth;
  int64_t total = 0;
  auto invalid = [&]() {
    semanticError(literal.location, "Invalid INTERVAL {} value: {}", intervalFieldName(literal.startField), literal.value);
  };
  if (!literal.endField) {
    auto value = parseInteger(text);
    if (!value) {
      invalid();
    }
    static constexpr int64_t kMillis[] = {12, 1, 86'400'000, 3'600'000, 60'000, 1'000};
    total = *value * kMillis[static_cast<int>(literal.startField)];
  } else if (yearMonth) {
    auto dash = text.find('-');
    auto years = parseInteger(text.substr(0, dash));
    auto months = dash == std::string::npos ? std::optional<int64_t>(0) : parseInteger(text.substr(dash + 1));
    if (!years || !months) {
      invalid();
    }
    total = *years * 12 + *months;
  } else {
    // `D HH:MM:SS[.fff]`, `HH:MM`, ... read as a list of numbers from the start field on.
    static constexpr int64_t kMillis[] = {0, 0, 86'400'000, 3'600'000, 60'000, 1'000};
    std::vector<std::string> parts;
    std::string current;
    for (char c : text) {
      if (c == ' ' || c == ':') {
        parts.push_back(current);
        current.clear();
      } else {
        current.push_back(c);
      }
    }
    parts.push_back(current);
    int field = static_cast<int>(literal.startField);
    for (const auto& part : parts) {
      if (field > static_cast<int>(Field::kSecond)) {
        invalid();
      }
      auto dot = part.find('.');
      auto whole = parseInteger(part.substr(0, dot));
      if (!whole) {
        invalid();
      }
      total += *whole * kMillis[field];
      if (dot != std::string::npos && field == static_cast<int>(Field::kSecond)) {
        std::string fraction = (part.substr(dot + 1) + "000").substr(0, 3);
        auto millis = parseInteger(fraction);
        if (!millis) {
          invalid();
        }
        total += *millis;
      }
      ++field;
    }
  }
  if (negative) {
    total = -total;
  }
  return constant(Value(total), yearMonth ? INTERVAL_YEAR_MONTH() : INTERVAL_DAY_TIME());
}

} // namespace presto::sql
