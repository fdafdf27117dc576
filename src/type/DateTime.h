#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace presto {

/// A proleptic Gregorian calendar date.
struct CivilDate {
  int32_t year;
  int32_t month;  // 1..12
  int32_t day;    // 1..31
};

/// Days since 1970-01-01 for a civil date (any year, proleptic Gregorian).
int64_t daysFromCivil(const CivilDate& date);
/// The civil date `days` after 1970-01-01.
CivilDate civilFromDays(int64_t days);

/// `YYYY-MM-DD` (years outside 0..9999 printed with their sign and digits as Presto does).
std::string formatDate(int32_t days);
/// Parses `YYYY-MM-DD` (also `+YYYY`/`-YYYY` and 1-digit month/day); nullopt if malformed or invalid.
std::optional<int32_t> parseDate(std::string_view text);

/// Parses `YYYY-MM-DD[ HH:MM[:SS[.fff]]]` (also with `T` between date and time) as milliseconds
/// since the epoch; nullopt if malformed or invalid.
std::optional<int64_t> parseTimestamp(std::string_view text);

/// `HH:MM:SS.mmm` for milliseconds of the day.
std::string formatTime(int64_t millisOfDay);
/// `YYYY-MM-DD HH:MM:SS.mmm` for milliseconds since the epoch (UTC wall clock).
std::string formatTimestamp(int64_t millisSinceEpoch);

inline constexpr int64_t kMillisPerDay = 86'400'000;

} // namespace presto
