#include "function/scalar/JodaPattern.h"

#include <fmt/format.h>

#include <chrono>
#include <optional>

#include "function/scalar/Calendar.h"
#include "function/scalar/DateTimeParsing.h"

namespace presto {
namespace {

using namespace calendar;
using datetime::TextCursor;

constexpr std::string_view kPatternLetters = "yYMdDEeaHkhKmsSZ";

CallStatus invalidArgument(std::string message) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, std::move(message));
}

/// `+0800` or `+08:00` (Joda-Time prints hours and minutes, also for a zero offset).
std::string formatOffset(int64_t offsetMillis, bool separator) {
  int64_t minutes = offsetMillis / 60'000;
  int64_t magnitude = minutes < 0 ? -minutes : minutes;
  return fmt::format("{}{:02}{}{:02}", minutes < 0 ? '-' : '+', magnitude / 60, separator ? ":" : "", magnitude % 60);
}

/// Reads an offset as Joda-Time's offset parser does: `Z` for zero, or a sign, two hour digits and
/// optionally two minute digits (with or without `:`). Minutes east of UTC, or nullopt.
std::optional<int64_t> readOffsetMinutes(TextCursor& text) {
  if (text.literal('Z') || text.literal('z')) return 0;
  int64_t sign = text.literal('-') ? -1 : (text.literal('+') ? 1 : 0);
  if (sign == 0) return std::nullopt;
  size_t digits = 0;
  auto hours = text.number(2, &digits);
  if (!hours || digits != 2) return std::nullopt;
  int64_t minutes = 0;
  size_t afterHours = text.position();
  bool colon = text.literal(':');
  if (auto value = text.number(2, &digits); value && digits == 2) {
    minutes = *value;
  } else if (colon) {
    return std::nullopt;
  } else {
    text.seek(afterHours);  // hours only
  }
  if (*hours > 23 || minutes > 59) return std::nullopt;
  return sign * (*hours * 60 + minutes);
}

/// Reads the longest zone id at the cursor (`America/Los_Angeles`, `UTC`, `+05:30`).
std::optional<TimeZoneKey> readZoneId(TextCursor& text) {
  std::string_view rest = text.rest();
  size_t length = 0;
  while (length < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[length])) || std::string_view("/_+-:").find(rest[length]) != std::string_view::npos)) {
    ++length;
  }
  for (; length > 0; --length) {
    if (auto key = timeZoneKeyOf(rest.substr(0, length))) {
      text.advance(length);
      return key;
    }
  }
  return std::nullopt;
}

/// Joda-Time's two-digit year: the year within 50 years of a pivot 30 years before now.
int64_t twoDigitYear(int64_t digits) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  int64_t today = floorDiv(std::chrono::duration_cast<std::chrono::milliseconds>(now).count(), kMillisPerDay);
  int64_t pivot = civilFromDays(today).year - 30;
  int64_t low = pivot - 50;
  int64_t lowDigits = low >= 0 ? low % 100 : 99 + ((low + 1) % 100);
  return digits + low + (digits < lowDigits ? 100 : 0) - lowDigits;
}

} // namespace

CallStatus JodaPattern::compile(std::string_view pattern, JodaPattern& out) {
  out.tokens_.clear();
  auto appendLiteral = [&](std::string_view text) {
    if (out.tokens_.empty() || out.tokens_.back().letter != 0) out.tokens_.push_back({});
    out.tokens_.back().text.append(text);
  };
  for (size_t i = 0; i < pattern.size();) {
    char letter = pattern[i];
    if (letter == '\'') {
      size_t close = pattern.find('\'', i + 1);
      if (close == i + 1) {
        appendLiteral("'");  // '' is a quote
      } else {
        appendLiteral(pattern.substr(i + 1, (close == std::string_view::npos ? pattern.size() : close) - i - 1));
      }
      i = close == std::string_view::npos ? pattern.size() : close + 1;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(letter))) {
      appendLiteral(pattern.substr(i, 1));
      ++i;
      continue;
    }
    size_t count = 1;
    while (i + count < pattern.size() && pattern[i + count] == letter) ++count;
    i += count;
    if (kPatternLetters.find(letter) == std::string_view::npos) {
      return invalidArgument(fmt::format("Illegal pattern component: {}", std::string(count, letter)));
    }
    out.tokens_.push_back({letter, count, ""});
  }
  return CallStatus::value();
}

bool JodaPattern::isNumericAt(size_t index) const {
  if (index >= tokens_.size()) return false;
  const Token& token = tokens_[index];
  if (token.letter == 'M') return token.count <= 2;
  return token.letter != 0 && std::string_view("yYdDHkhKmsSe").find(token.letter) != std::string_view::npos;
}

void JodaPattern::format(int64_t localMillis, TimeZoneKey zone, int64_t offsetMillis, std::string& out) const {
  int64_t days = floorDiv(localMillis, kMillisPerDay);
  auto date = civilFromDays(days);
  int64_t millisOfDay = floorMod(localMillis, kMillisPerDay);
  int64_t hour = millisOfDay / 3'600'000;
  auto padded = [&](int64_t value, size_t width) { out += fmt::format("{:0{}}", value, width); };
  for (const Token& token : tokens_) {
    size_t count = token.count;
    switch (token.letter) {
      case 0: out += token.text; break;
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
      case 'e': padded(dayOfWeek(days), count); break;
      case 'Z': out += count >= 3 ? timeZoneIdOf(zone) : formatOffset(offsetMillis, count == 2); break;
    }
  }
}

CallStatus JodaPattern::parse(std::string_view input, int64_t& packed) const {
  TextCursor text(input);
  datetime::ParsedFields fields;
  std::optional<int64_t> offsetMinutes;
  int32_t zone = -1;  // a zone named by ZZZ, when not negative
  int64_t dayOfWeekValue = 0;
  for (size_t index = 0; index < tokens_.size(); ++index) {
    const Token& token = tokens_[index];
    size_t start = text.position();
    size_t count = token.count;
    // A number directly followed by another number reads exactly its pattern width, as Joda-Time does
    // for years; other fields have a fixed maximum width anyway.
    bool adjacentNumber = isNumericAt(index + 1);
    std::optional<int64_t> value;
    size_t numDigits = 0;
    switch (token.letter) {
      case 0:
        // Literal text matches ignoring case, as in Joda-Time.
        if (text.startsWithIgnoreCase(token.text)) {
          text.advance(token.text.size());
          value = 0;
        }
        break;
      case 'y':
      case 'Y':
        if (count == 2) {
          value = text.signedNumber(adjacentNumber ? 2 : 9, &numDigits);
          bool twoDigits = numDigits == 2 && input[start] != '-' && input[start] != '+';
          if (value) fields.year = twoDigits ? twoDigitYear(*value) : *value;
        } else {
          value = text.signedNumber(adjacentNumber ? count : 9);
          if (value) fields.year = *value;
        }
        break;
      case 'M':
        if (count >= 3) {
          value = text.name(kMonthNames, 0);
          if (!value) value = text.name(kMonthNames, 3);
          if (value) fields.month = *value + 1;
        } else {
          value = text.number(2);
          if (value) fields.month = *value;
        }
        break;
      case 'd': value = text.number(2); fields.day = value.value_or(0); break;
      case 'D': value = text.number(3); fields.dayOfYear = value.value_or(0); break;
      case 'E':
        value = text.name(kDayNames, 0);
        if (!value) value = text.name(kDayNames, 3);
        if (value) dayOfWeekValue = *value + 1;
        break;
      case 'e': value = text.number(1); dayOfWeekValue = value.value_or(0); break;
      case 'a': {
        static constexpr const char* kHalves[] = {"AM", "PM"};
        value = text.name(kHalves, 0);
        fields.afternoon = value == 1;
        break;
      }
      case 'H':
      case 'k':
      case 'h':
      case 'K':
        value = text.number(2);
        fields.hour = value.value_or(0);
        fields.hourField = token.letter == 'H' ? datetime::HourField::kHourOfDay
            : token.letter == 'k'              ? datetime::HourField::kClockhourOfDay
            : token.letter == 'K'              ? datetime::HourField::kHourOfHalfday
                                               : datetime::HourField::kClockhourOfHalfday;
        break;
      case 'm': value = text.number(2); fields.minute = value.value_or(0); break;
      case 's': value = text.number(2); fields.second = value.value_or(0); break;
      case 'S':
        value = text.number(adjacentNumber ? count : 9, &numDigits);
        if (value) fields.millis = datetime::fractionToMillis(*value, numDigits);
        break;
      case 'Z': {
        if (count >= 3) {
          auto key = readZoneId(text);
          value = key;
          zone = key.value_or(-1);
          offsetMinutes.reset();
        } else {
          offsetMinutes = readOffsetMinutes(text);
          value = offsetMinutes;
          zone = -1;
        }
        break;
      }
    }
    if (!value) return invalidArgument(datetime::invalidFormatMessage(input, start));
  }
  if (!text.atEnd()) return invalidArgument(datetime::invalidFormatMessage(input, text.position()));
  int64_t local = 0;
  if (auto status = datetime::toMillis(fields, local); !status.isValue()) {
    return invalidArgument(fmt::format("Cannot parse \"{}\": {}", input, status.message()));
  }
  if (dayOfWeekValue != 0) {
    // Joda-Time applies the day of the week last: the same ISO week, that weekday.
    if (dayOfWeekValue < 1 || dayOfWeekValue > 7) {
      return invalidArgument(fmt::format("Cannot parse \"{}\": Value {} for dayOfWeek must be in the range [1,7]", input, dayOfWeekValue));
    }
    local += (dayOfWeekValue - dayOfWeek(floorDiv(local, kMillisPerDay))) * kMillisPerDay;
  }
  if (zone >= 0) {
    auto key = static_cast<TimeZoneKey>(zone);
    packed = packTimestampWithTimeZone(localToUtcMillis(key, local), key);
  } else if (offsetMinutes) {
    auto key = timeZoneKeyForOffset(*offsetMinutes);
    if (!key) return invalidArgument(fmt::format("Time zone offset out of range: {}", formatOffset(*offsetMinutes * 60'000, true)));
    packed = packTimestampWithTimeZone(local - *offsetMinutes * 60'000, *key);
  } else {
    packed = packTimestampWithTimeZone(local, kUtcZoneKey);
  }
  return CallStatus::value();
}

} // namespace presto
