#pragma once

#include <cstdint>

#include "type/DateTime.h"

/// Calendar arithmetic on days since 1970-01-01 (proleptic Gregorian, UTC) shared by the date and
/// time functions and the date formatters.
namespace presto::calendar {

inline int64_t floorDiv(int64_t value, int64_t divisor) {
  int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

inline int64_t floorMod(int64_t value, int64_t divisor) {
  return value - floorDiv(value, divisor) * divisor;
}

inline bool isLeap(int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

inline int32_t daysInMonth(int64_t year, int32_t month) {
  static constexpr int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

/// Day of week, ISO: Monday = 1 .. Sunday = 7 (1970-01-01 was a Thursday).
inline int64_t dayOfWeek(int64_t days) {
  return floorMod(days + 3, 7) + 1;
}

inline int64_t dayOfYear(int64_t days) {
  auto date = civilFromDays(days);
  return days - daysFromCivil({date.year, 1, 1}) + 1;
}

/// English month names, January first.
inline constexpr const char* kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};
/// English day names, Monday first (index dayOfWeek - 1).
inline constexpr const char* kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

} // namespace presto::calendar
