#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace presto {

/// Time zones of `timestamp with time zone` values, named by a 12-bit key packed beside the instant
/// (Presto's encoding: millis UTC << 12 | key). The keys of UTC (0) and of the fixed offsets
/// -14:00 .. +14:00 (1 .. 1680, one per minute, offset 0 being UTC) are Presto's; named zones of the
/// tz database (read through ICU) follow from 1681 in ICU's sorted order of zone ids.
using TimeZoneKey = int16_t;

inline constexpr TimeZoneKey kUtcZoneKey = 0;
inline constexpr int kZoneKeyBits = 12;
/// Offsets are limited to 14 hours either way, as in Presto.
inline constexpr int64_t kMaxZoneOffsetMinutes = 14 * 60;

inline int64_t packTimestampWithTimeZone(int64_t millisUtc, TimeZoneKey key) {
  return static_cast<int64_t>(static_cast<uint64_t>(millisUtc) << kZoneKeyBits) | (key & 0xFFF);
}
inline int64_t unpackMillisUtc(int64_t packed) {
  return packed >> kZoneKeyBits;
}
inline TimeZoneKey unpackZoneKey(int64_t packed) {
  return static_cast<TimeZoneKey>(packed & 0xFFF);
}

/// The key of a zone id, or nullopt if the zone is not known. Accepts tz database names
/// (`America/Los_Angeles`, case-insensitive), UTC and its synonyms (`Z`, `GMT`, `UT`, `Etc/UTC`, ...)
/// and offsets `+05:30`, `-08`, `+0530` within 14 hours.
std::optional<TimeZoneKey> timeZoneKeyOf(std::string_view zoneId);

/// The key of a fixed offset in minutes; nullopt beyond 14 hours. Offset 0 is UTC.
std::optional<TimeZoneKey> timeZoneKeyForOffset(int64_t offsetMinutes);

/// The id of a key as Presto prints it: `UTC`, `+05:30`, `America/Los_Angeles`.
/// REQUIRES: `key` was returned by timeZoneKeyOf or timeZoneKeyForOffset.
const std::string& timeZoneIdOf(TimeZoneKey key);

/// The zone's offset from UTC in milliseconds at the instant `millisUtc`.
int64_t zoneOffsetMillis(TimeZoneKey key, int64_t millisUtc);

/// The instant at which the zone's clocks show `localMillis` (wall-clock millis since 1970-01-01).
/// In an overlap (clocks turned back) the earlier instant; in a gap (clocks turned forward) the
/// offset before the transition applies, so the time moves forward past the gap.
int64_t localToUtcMillis(TimeZoneKey key, int64_t localMillis);

/// `YYYY-MM-DD HH:MM:SS.mmm <zone id>`, the wall clock in the value's own zone.
std::string formatTimestampWithTimeZone(int64_t packed);

/// Parses `YYYY-MM-DD[ HH:MM[:SS[.fff]]]` followed by an optional zone (` UTC`, ` +05:30`,
/// `+05:30`, ` America/Los_Angeles`); without a zone the time is in `defaultZone`. Returns the
/// packed value, or nullopt if malformed or the zone is unknown.
std::optional<int64_t> parseTimestampWithTimeZone(std::string_view text, TimeZoneKey defaultZone = kUtcZoneKey);

} // namespace presto
