#pragma once

#include <cstdint>

namespace presto::tpch {

/// Days since 1970-01-01 of a proleptic Gregorian calendar date.
constexpr int32_t daysSinceEpoch(int32_t year, int32_t month, int32_t day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2 ? 1 : 0;
  const int32_t era = (year >= 0 ? year : year - 399) / 400;
  const int32_t yearOfEra = year - era * 400;
  const int32_t dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int32_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/// dbgen's first day number, STARTDATE = 92001, is 1992-01-01; day numbers count up from it.
inline constexpr int64_t kStartDayNumber = 92001;
/// 1992-01-01 in days since the epoch.
inline constexpr int32_t kStartDate = daysSinceEpoch(1992, 1, 1);
/// dbgen's CURRENTDATE (95168 in yyddd form): lines shipped or received by then are settled.
inline constexpr int32_t kCurrentDate = daysSinceEpoch(1995, 6, 17);

/// Converts a dbgen day number to days since the epoch.
constexpr int32_t dayNumberToDate(int64_t dayNumber) {
  return kStartDate + static_cast<int32_t>(dayNumber - kStartDayNumber);
}

/// Writes `days` (since the epoch) as YYYY-MM-DD into `out`, which must hold 10 bytes.
void formatDate(int32_t days, char* out);

} // namespace presto::tpch
