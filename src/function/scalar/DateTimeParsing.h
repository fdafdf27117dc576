#pragma once

#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "function/CallStatus.h"

/// What the date parsers share (date_parse with MySQL specifiers, parse_datetime with Joda-Time
/// patterns): a cursor over the input text and the fields read from it, checked and combined the
/// way Joda-Time does, with its error messages.
namespace presto::datetime {

/// Which hour field a pattern read (Joda-Time's names, used in range errors).
enum class HourField { kHourOfDay, kClockhourOfDay, kHourOfHalfday, kClockhourOfHalfday };

/// Fields read by a parser, defaulting to 1970-01-01 00:00:00.000.
struct ParsedFields {
  int64_t year = 1970;
  int64_t month = 1;
  int64_t day = 1;
  int64_t dayOfYear = 0;  // when set (> 0), overrides month and day
  int64_t hour = 0;
  HourField hourField = HourField::kHourOfDay;
  bool afternoon = false;  // the half day, for the half-day hour fields
  int64_t minute = 0;
  int64_t second = 0;
  int64_t millis = 0;
};

/// Checks the parsed fields and converts them to wall-clock milliseconds since the epoch; range
/// errors read `Value 13 for monthOfYear must be in the range [1,12]` (INVALID_FUNCTION_ARGUMENT).
CallStatus toMillis(const ParsedFields& fields, int64_t& out);

/// Milliseconds from the digits of a fraction of a second (`5` is 500, `123456` is 123).
int64_t fractionToMillis(int64_t digits, size_t numDigits);

/// Reads text left to right, tracking where parsing stopped for error messages.
class TextCursor {
 public:
  explicit TextCursor(std::string_view text) : text_(text) {}

  bool atEnd() const { return position_ == text_.size(); }
  size_t position() const { return position_; }
  std::string_view text() const { return text_; }
  std::string_view rest() const { return text_.substr(position_); }
  void advance(size_t count) { position_ += count; }
  /// Moves back to a position returned by position().
  void seek(size_t position) { position_ = position; }

  /// Reads 1 to `maxDigits` decimal digits.
  std::optional<int64_t> number(size_t maxDigits, size_t* numDigits = nullptr);
  /// Like number, after an optional `-` or `+`.
  std::optional<int64_t> signedNumber(size_t maxDigits, size_t* numDigits = nullptr);

  bool literal(char c) {
    if (atEnd() || text_[position_] != c) return false;
    ++position_;
    return true;
  }

  /// Matches one of `names` (case-insensitive; the first `length` letters when length > 0); index or nullopt.
  template <size_t N>
  std::optional<int64_t> name(const char* const (&names)[N], size_t length) {
    for (size_t i = 0; i < N; ++i) {
      std::string_view candidate = names[i];
      if (length > 0) candidate = candidate.substr(0, length);
      if (startsWithIgnoreCase(candidate)) {
        position_ += candidate.size();
        return static_cast<int64_t>(i);
      }
    }
    return std::nullopt;
  }

  /// Whether the rest of the text starts with `prefix`, ignoring ASCII case.
  bool startsWithIgnoreCase(std::string_view prefix) const;

 private:
  std::string_view text_;
  size_t position_ = 0;
};

/// Joda-Time's message for text that does not match a pattern at `position`:
/// `Invalid format: "x" is malformed at "y"`, `... is too short`, or just `Invalid format: "x"` at 0.
std::string invalidFormatMessage(std::string_view text, size_t position);

} // namespace presto::datetime
