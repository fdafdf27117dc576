#include "type/DateTime.h"

#include <fmt/format.h>

#include <charconv>

namespace presto {

// Civil-calendar conversions using the era/day-of-era decomposition: a 400-year era has a fixed
// number of days, so only divisions by constants are needed.
int64_t daysFromCivil(const CivilDate& date) {
  int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  int64_t era = (year >= 0 ? year : year - 399) / 400;
  int64_t yearOfEra = year - era * 400;
  int64_t shiftedMonth = date.month > 2 ? date.month - 3 : date.month + 9;
  int64_t dayOfYear = (153 * shiftedMonth + 2) / 5 + date.day - 1;
  int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

CivilDate civilFromDays(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t dayOfEra = days - era * 146097;
  int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  int64_t shiftedMonth = (5 * dayOfYear + 2) / 153;
  int32_t day = static_cast<int32_t>(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
  int32_t month = static_cast<int32_t>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
  int32_t year = static_cast<int32_t>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

std::string formatDate(int32_t days) {
  auto date = civilFromDays(days);
  if (date.year < 0) {
    return fmt::format("-{:04}-{:02}-{:02}", -date.year, date.month, date.day);
  }
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

namespace {

bool isLeapYear(int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<int64_t> readInt(std::string_view& text, size_t minDigits, size_t maxDigits) {
  size_t digits = 0;
  while (digits < text.size() && digits < maxDigits && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits < minDigits) {
    return std::nullopt;
  }
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + digits, value);
  text.remove_prefix(digits);
  return value;
}

} // namespace

std::optional<int32_t> parseDate(std::string_view text) {
  int sign = 1;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  auto year = readInt(text, 1, 7);
  if (!year || text.empty() || text[0] != '-') return std::nullopt;
  text.remove_prefix(1);
  auto month = readInt(text, 1, 2);
  if (!month || text.empty() || text[0] != '-') return std::nullopt;
  text.remove_prefix(1);
  auto day = readInt(text, 1, 2);
  if (!day || !text.empty()) return std::nullopt;
  int64_t signedYear = sign * *year;
  if (*month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(signedYear, static_cast<int>(*month))) {
    return std::nullopt;
  }
  return static_cast<int32_t>(
      daysFromCivil({static_cast<int32_t>(signedYear), static_cast<int32_t>(*month), static_cast<int32_t>(*day)}));
}

std::optional<int64_t> parseTimestamp(std::string_view text) {
  auto separator = text.find_first_of(" T");
  auto days = parseDate(text.substr(0, separator));
  if (!days) return std::nullopt;
  int64_t millis = 0;
  if (separator != std::string_view::npos) {
    std::string_view time = text.substr(separator + 1);
    auto hour = readInt(time, 1, 2);
    if (!hour || time.empty() || time[0] != ':') return std::nullopt;
    time.remove_prefix(1);
    auto minute = readInt(time, 1, 2);
    if (!minute) return std::nullopt;
    std::optional<int64_t> second = 0;
    if (!time.empty() && time[0] == ':') {
      time.remove_prefix(1);
      second = readInt(time, 1, 2);
      if (!second) return std::nullopt;
    }
    int64_t fraction = 0;
    if (!time.empty() && time[0] == '.') {
      time.remove_prefix(1);
      if (time.empty() || time[0] < '0' || time[0] > '9') return std::nullopt;
      // Milliseconds from the first three digits; further digits are dropped.
      for (int64_t scale = 100; !time.empty() && time[0] >= '0' && time[0] <= '9'; scale /= 10) {
        fraction += (time[0] - '0') * scale;
        time.remove_prefix(1);
      }
    }
    if (!time.empty() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
    millis = ((*hour * 60 + *minute) * 60 + *second) * 1000 + fraction;
  }
  return *days * kMillisPerDay + millis;
}

std::string formatTime(int64_t millisOfDay) {
  return fmt::format("{:02}:{:02}:{:02}.{:03}", millisOfDay / 3600000, millisOfDay / 60000 % 60,
      millisOfDay / 1000 % 60, millisOfDay % 1000);
}

std::string formatTimestamp(int64_t millisSinceEpoch) {
  int64_t days = millisSinceEpoch / kMillisPerDay;
  int64_t millisOfDay = millisSinceEpoch % kMillisPerDay;
  if (millisOfDay < 0) {
    millisOfDay += kMillisPerDay;
    --days;
  }
  return formatDate(static_cast<int32_t>(days)) + " " + formatTime(millisOfDay);
}

} // namespace presto
