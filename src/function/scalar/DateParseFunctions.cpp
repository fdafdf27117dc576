#include <cctype>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/Calendar.h"

namespace presto {
namespace {

using namespace calendar;

CallStatus invalidArgument(std::string message) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, std::move(message));
}

/// Fields read by a parser, defaulting to 1970-01-01 00:00:00.000.
struct ParsedFields {
  int64_t year = 1970;
  int64_t month = 1;
  int64_t day = 1;
  int64_t dayOfYear = 0;  // set by %j; overrides month and day
  int64_t hour = 0;
  int64_t minute = 0;
  int64_t second = 0;
  int64_t millis = 0;
  bool twelveHour = false;
  bool afternoon = false;
};

/// Reads text left to right, tracking where parsing failed for the error message.
class TextCursor {
 public:
  explicit TextCursor(std::string_view text) : text_(text) {}

  bool atEnd() const { return position_ == text_.size(); }
  std::string_view rest() const { return text_.substr(position_); }

  /// Reads 1 to `maxDigits` decimal digits.
  std::optional<int64_t> number(size_t maxDigits, size_t* numDigits = nullptr) {
    size_t start = position_;
    int64_t value = 0;
    while (position_ < text_.size() && position_ - start < maxDigits && std::isdigit(static_cast<unsigned char>(text_[position_]))) {
      value = value * 10 + (text_[position_++] - '0');
    }
    if (numDigits) *numDigits = position_ - start;
    if (position_ == start) return std::nullopt;
    return value;
  }

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
      if (rest().size() >= candidate.size() && equalsIgnoreCase(rest().substr(0, candidate.size()), candidate)) {
        position_ += candidate.size();
        return static_cast<int64_t>(i);
      }
    }
    return std::nullopt;
  }

 private:
  static bool equalsIgnoreCase(std::string_view left, std::string_view right) {
    for (size_t i = 0; i < left.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(left[i])) != std::tolower(static_cast<unsigned char>(right[i]))) return false;
    }
    return true;
  }

  std::string_view text_;
  size_t position_ = 0;
};

/// Checks the parsed fields and converts them to milliseconds since the epoch.
CallStatus toMillis(const ParsedFields& fields, int64_t& out) {
  auto outOfRange = [](const char* field, int64_t value, int64_t low, int64_t high) {
    return invalidArgument(fmt::format("Value {} for {} must be in the range [{},{}]", value, field, low, high));
  };
  if (fields.month < 1 || fields.month > 12) return outOfRange("monthOfYear", fields.month, 1, 12);
  int64_t hour = fields.hour;
  if (fields.twelveHour) {
    if (hour < 1 || hour > 12) return outOfRange("clockhourOfHalfday", hour, 1, 12);
    hour = hour % 12 + (fields.afternoon ? 12 : 0);
  } else if (hour > 23) {
    return outOfRange("hourOfDay", hour, 0, 23);
  }
  if (fields.minute > 59) return outOfRange("minuteOfHour", fields.minute, 0, 59);
  if (fields.second > 59) return outOfRange("secondOfMinute", fields.second, 0, 59);
  int64_t days;
  if (fields.dayOfYear > 0) {
    int64_t length = isLeap(fields.year) ? 366 : 365;
    if (fields.dayOfYear > length) return outOfRange("dayOfYear", fields.dayOfYear, 1, length);
    days = daysFromCivil({static_cast<int32_t>(fields.year), 1, 1}) + fields.dayOfYear - 1;
  } else {
    int32_t lastDay = daysInMonth(fields.year, static_cast<int32_t>(fields.month));
    if (fields.day < 1 || fields.day > lastDay) return outOfRange("dayOfMonth", fields.day, 1, lastDay);
    days = daysFromCivil({static_cast<int32_t>(fields.year), static_cast<int32_t>(fields.month), static_cast<int32_t>(fields.day)});
  }
  out = days * kMillisPerDay + ((hour * 60 + fields.minute) * 60 + fields.second) * 1000 + fields.millis;
  return CallStatus::value();
}

/// Milliseconds from the digits of a fraction of a second (`5` is 500, `123456` is 123).
int64_t fractionToMillis(int64_t digits, size_t numDigits) {
  while (numDigits < 3) {
    digits *= 10;
    ++numDigits;
  }
  while (numDigits > 3) {
    digits /= 10;
    --numDigits;
  }
  return digits;
}

/// date_parse(string, format) with MySQL specifiers (those of date_format): the inverse of
/// date_format. Fields not in the format default to 1970-01-01 00:00:00.
struct DateParseFunction {
  CallStatus call(int64_t& out, StringView input, StringView format) const {
    TextCursor text(input.view());
    ParsedFields fields;
    std::string_view pattern = format.view();
    auto malformed = [&]() {
      return invalidArgument(fmt::format("Invalid format: \"{}\" is malformed at \"{}\"", input.view(), text.rest()));
    };
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '%' || i + 1 == pattern.size()) {
        if (!text.literal(pattern[i])) return malformed();
        continue;
      }
      char spec = pattern[++i];
      std::optional<int64_t> value;
      size_t numDigits = 0;
      switch (spec) {
        case 'Y': value = text.number(4); fields.year = value.value_or(0); break;
        case 'y':
          value = text.number(2);
          if (value) fields.year = *value + (*value < 70 ? 2000 : 1900);
          break;
        case 'm':
        case 'c': value = text.number(2); fields.month = value.value_or(0); break;
        case 'd':
        case 'e': value = text.number(2); fields.day = value.value_or(0); break;
        case 'H':
        case 'k': value = text.number(2); fields.hour = value.value_or(0); break;
        case 'h':
        case 'I':
        case 'l': value = text.number(2); fields.hour = value.value_or(0); fields.twelveHour = true; break;
        case 'i': value = text.number(2); fields.minute = value.value_or(0); break;
        case 's':
        case 'S': value = text.number(2); fields.second = value.value_or(0); break;
        case 'f':
          value = text.number(9, &numDigits);
          if (value) fields.millis = fractionToMillis(*value, numDigits);
          break;
        case 'j': value = text.number(3); fields.dayOfYear = value.value_or(0); break;
        case 'p': {
          static constexpr const char* kHalves[] = {"AM", "PM"};
          value = text.name(kHalves, 0);
          fields.afternoon = value == 1;
          break;
        }
        case 'M': value = text.name(kMonthNames, 0); fields.month = value.value_or(0) + 1; break;
        case 'b': value = text.name(kMonthNames, 3); fields.month = value.value_or(0) + 1; break;
        case 'W': value = text.name(kDayNames, 0); break;
        case 'a': value = text.name(kDayNames, 3); break;
        case 'T': {
          auto hour = text.number(2);
          auto minute = hour && text.literal(':') ? text.number(2) : std::nullopt;
          auto second = minute && text.literal(':') ? text.number(2) : std::nullopt;
          value = second;
          if (value) {
            fields.hour = *hour;
            fields.minute = *minute;
            fields.second = *second;
          }
          break;
        }
        case '%': value = text.literal('%') ? std::optional<int64_t>(0) : std::nullopt; break;
        default: return invalidArgument(fmt::format("%{} not supported in date format string", spec));
      }
      if (!value) return malformed();
    }
    if (!text.atEnd()) return malformed();
    return toMillis(fields, out);
  }
};

/// format_datetime(timestamp, format) with Joda-Time pattern letters: y, M (MMM and MMMM for
/// names), d, D, H, k, h, K, m, s, S, a, E (EEEE for the full name), 'quoted text'.
struct FormatDatetimeFunction {
  CallStatus call(std::string& out, int64_t millis, StringView format) const {
    int64_t days = floorDiv(millis, kMillisPerDay);
    auto date = civilFromDays(days);
    int64_t millisOfDay = floorMod(millis, kMillisPerDay);
    int64_t hour = millisOfDay / 3'600'000;
    std::string_view pattern = format.view();
    auto padded = [&](int64_t value, size_t width) { out += fmt::format("{:0{}}", value, width); };
    for (size_t i = 0; i < pattern.size();) {
      char letter = pattern[i];
      if (letter == '\'') {
        size_t close = pattern.find('\'', i + 1);
        if (close == i + 1) {
          out += '\'';  // '' is a quote
        } else {
          out.append(pattern.substr(i + 1, (close == std::string_view::npos ? pattern.size() : close) - i - 1));
        }
        i = close == std::string_view::npos ? pattern.size() : close + 1;
        continue;
      }
      if (!std::isalpha(static_cast<unsigned char>(letter))) {
        out += letter;
        ++i;
        continue;
      }
      size_t count = 1;
      while (i + count < pattern.size() && pattern[i + count] == letter) ++count;
      i += count;
      switch (letter) {
        case 'y':
        case 'Y': count == 2 ? padded(floorMod(date.year, 100), 2) : padded(date.year, count); break;
        case 'M':
          if (count >= 4) out += kMonthNames[date.month - 1];
          else if (count == 3) out += std::string_view(kMonthNames[date.month - 1]).substr(0, 3);
          else padded(date.month, count);
          break;
        case 'd': padded(date.day, count); break;
        case 'D': padded(dayOfYear(days), count); break;
        case 'H': padded(hour, count); break;
        case 'k': padded(hour == 0 ? 24 : hour, count); break;
        case 'h': padded((hour + 11) % 12 + 1, count); break;
        case 'K': padded(hour % 12, count); break;
        case 'm': padded(millisOfDay / 60'000 % 60, count); break;
        case 's': padded(millisOfDay / 1000 % 60, count); break;
        case 'S': {
          // Fraction of a second, truncated or zero-extended to `count` digits.
          std::string digits = fmt::format("{:03}", millisOfDay % 1000);
          digits.resize(count, '0');
          out += digits;
          break;
        }
        case 'a': out += hour < 12 ? "AM" : "PM"; break;
        case 'E': {
          std::string_view name = kDayNames[dayOfWeek(days) - 1];
          out += count >= 4 ? name : name.substr(0, 3);
          break;
        }
        default: return invalidArgument(fmt::format("Illegal pattern component: {}", std::string(count, letter)));
      }
    }
    return CallStatus::value();
  }
};

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

} // namespace

void registerDateParseFunctions(FunctionRegistry& registry) {
  registerSimple<DateParseFunction, int64_t, StringView, StringView>(
      registry, "date_parse", {"varchar", "varchar"}, "timestamp", describe("parse a timestamp with MySQL format specifiers"));
  registerSimple<FormatDatetimeFunction, StringView, int64_t, StringView>(
      registry, "format_datetime", {"timestamp", "varchar"}, "varchar", describe("format a timestamp with a Joda-Time pattern"));
}

} // namespace presto
