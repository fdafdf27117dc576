#include "type/TimeZoneKey.h"

#include <unicode/basictz.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <vector>

#include "type/DateTime.h"

namespace presto {
namespace {

constexpr TimeZoneKey kFirstNamedZoneKey = 2 * kMaxZoneOffsetMinutes + 1;

std::string toLower(std::string_view text) {
  std::string lowered(text);
  for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

/// Spellings of UTC, which Presto folds into the UTC key rather than keeping as zones of their own.
bool isUtcSynonym(std::string_view lowered) {
  if (lowered.starts_with("etc/")) lowered.remove_prefix(4);
  static constexpr std::string_view kSynonyms[] = {
      "utc", "uct", "ut", "z", "gmt", "gmt0", "gmt+0", "gmt-0", "greenwich", "universal", "zulu"};
  return std::find(std::begin(kSynonyms), std::end(kSynonyms), lowered) != std::end(kSynonyms);
}

/// The tz database as loaded once from ICU: ids by key, keys by lower-case id, and the ICU zone of
/// every named key. Immutable after construction, so it is shared by all threads.
class ZoneTable {
 public:
  static const ZoneTable& instance() {
    static const ZoneTable table;
    return table;
  }

  std::optional<TimeZoneKey> find(const std::string& lowered) const {
    auto it = keysByName_.find(lowered);
    if (it == keysByName_.end()) return std::nullopt;
    return it->second;
  }

  const std::string& id(TimeZoneKey key) const { return ids_[static_cast<size_t>(key)]; }

  /// The ICU zone of a named key; nullptr for UTC and fixed offsets.
  const icu::TimeZone* zone(TimeZoneKey key) const {
    return key >= kFirstNamedZoneKey ? zones_[static_cast<size_t>(key - kFirstNamedZoneKey)].get() : nullptr;
  }

 private:
  ZoneTable() {
    ids_.push_back("UTC");
    for (int64_t minutes = -kMaxZoneOffsetMinutes; minutes <= kMaxZoneOffsetMinutes; ++minutes) {
      if (minutes == 0) continue;
      int64_t magnitude = std::abs(minutes);
      ids_.push_back(fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60));
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> names(icu::TimeZone::createEnumeration(status));
    std::vector<std::string> sorted;
    const char* name;
    int32_t length;
    while (U_SUCCESS(status) && names && (name = names->next(&length, status)) != nullptr) {
      sorted.emplace_back(name, static_cast<size_t>(length));
    }
    std::sort(sorted.begin(), sorted.end());
    for (const auto& id : sorted) {
      std::string lowered = toLower(id);
      if (isUtcSynonym(lowered) || ids_.size() >= (size_t{1} << kZoneKeyBits)) continue;
      keysByName_.emplace(lowered, static_cast<TimeZoneKey>(ids_.size()));
      ids_.push_back(id);
      zones_.emplace_back(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
    }
  }

  std::vector<std::string> ids_;
  std::unordered_map<std::string, TimeZoneKey> keysByName_;
  std::vector<std::unique_ptr<icu::TimeZone>> zones_;
};

/// Reads a signed `HH`, `HHMM` or `HH:MM` offset in minutes; nullopt if malformed.
std::optional<int64_t> parseOffsetMinutes(std::string_view text) {
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  int64_t sign = text[0] == '-' ? -1 : 1;
  text.remove_prefix(1);
  auto digitsAt = [&](size_t start) {
    return std::isdigit(static_cast<unsigned char>(text[start])) && std::isdigit(static_cast<unsigned char>(text[start + 1]));
  };
  auto number = [&](size_t start) { return (text[start] - '0') * 10 + (text[start + 1] - '0'); };
  int64_t hours;
  int64_t minutes = 0;
  if (text.size() == 2 && digitsAt(0)) {
    hours = number(0);
  } else if (text.size() == 4 && digitsAt(0) && digitsAt(2)) {
    hours = number(0);
    minutes = number(2);
  } else if (text.size() == 5 && text[2] == ':' && digitsAt(0) && digitsAt(3)) {
    hours = number(0);
    minutes = number(3);
  } else {
    return std::nullopt;
  }
  if (minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

} // namespace

std::optional<TimeZoneKey> timeZoneKeyForOffset(int64_t offsetMinutes) {
  if (offsetMinutes < -kMaxZoneOffsetMinutes || offsetMinutes > kMaxZoneOffsetMinutes) return std::nullopt;
  if (offsetMinutes == 0) return kUtcZoneKey;
  // -14:00 is 1 and +14:00 is 1680; offset 0 has no key of its own.
  return static_cast<TimeZoneKey>(offsetMinutes + kMaxZoneOffsetMinutes + (offsetMinutes < 0 ? 1 : 0));
}

std::optional<TimeZoneKey> timeZoneKeyOf(std::string_view zoneId) {
  std::string lowered = toLower(zoneId);
  if (isUtcSynonym(lowered)) return kUtcZoneKey;
  std::string_view offset = lowered;
  for (std::string_view prefix : {"utc", "gmt", "ut"}) {
    if (offset.starts_with(prefix) && offset.size() > prefix.size() && (offset[prefix.size()] == '+' || offset[prefix.size()] == '-')) {
      offset.remove_prefix(prefix.size());
      break;
    }
  }
  if (!offset.empty() && (offset[0] == '+' || offset[0] == '-')) {
    auto minutes = parseOffsetMinutes(offset);
    return minutes ? timeZoneKeyForOffset(*minutes) : std::nullopt;
  }
  return ZoneTable::instance().find(lowered);
}

const std::string& timeZoneIdOf(TimeZoneKey key) {
  return ZoneTable::instance().id(key);
}

int64_t zoneOffsetMillis(TimeZoneKey key, int64_t millisUtc) {
  if (key == kUtcZoneKey) return 0;
  if (key < kFirstNamedZoneKey) {
    int64_t minutes = key - kMaxZoneOffsetMinutes - (key <= kMaxZoneOffsetMinutes ? 1 : 0);
    return minutes * 60'000;
  }
  int32_t rawOffset = 0;
  int32_t dstOffset = 0;
  UErrorCode status = U_ZERO_ERROR;
  ZoneTable::instance().zone(key)->getOffset(static_cast<UDate>(millisUtc), false, rawOffset, dstOffset, status);
  return U_SUCCESS(status) ? int64_t{rawOffset} + dstOffset : 0;
}

int64_t localToUtcMillis(TimeZoneKey key, int64_t localMillis) {
  const icu::TimeZone* zone = ZoneTable::instance().zone(key);
  if (zone == nullptr) return localMillis - zoneOffsetMillis(key, 0);
  int32_t rawOffset = 0;
  int32_t dstOffset = 0;
  UErrorCode status = U_ZERO_ERROR;
  if (const auto* basic = dynamic_cast<const icu::BasicTimeZone*>(zone)) {
    basic->getOffsetFromLocal(static_cast<UDate>(localMillis), UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, rawOffset, dstOffset, status);
  } else {
    zone->getOffset(static_cast<UDate>(localMillis), true, rawOffset, dstOffset, status);
  }
  return localMillis - (U_SUCCESS(status) ? int64_t{rawOffset} + dstOffset : 0);
}

std::string formatTimestampWithTimeZone(int64_t packed) {
  int64_t millisUtc = unpackMillisUtc(packed);
  TimeZoneKey key = unpackZoneKey(packed);
  return formatTimestamp(millisUtc + zoneOffsetMillis(key, millisUtc)) + " " + timeZoneIdOf(key);
}

std::optional<int64_t> parseTimestampWithTimeZone(std::string_view text, TimeZoneKey defaultZone) {
  auto withZone = [](int64_t localMillis, TimeZoneKey key) {
    return std::optional<int64_t>(packTimestampWithTimeZone(localToUtcMillis(key, localMillis), key));
  };
  if (auto local = parseTimestamp(text)) return withZone(*local, defaultZone);
  // A zone id after the last space: `2020-01-01 10:00 America/New_York`, `... +05:30`.
  size_t space = text.rfind(' ');
  if (space != std::string_view::npos) {
    auto local = parseTimestamp(text.substr(0, space));
    auto key = timeZoneKeyOf(text.substr(space + 1));
    if (local && key) return withZone(*local, *key);
  }
  // An offset attached to the time: `2020-01-01 10:00:00+05:30`, or `Z`.
  constexpr size_t kDateLength = 10;
  size_t sign = text.find_last_of("+-Z");
  if (sign != std::string_view::npos && sign > kDateLength) {
    auto local = parseTimestamp(text.substr(0, sign));
    auto key = timeZoneKeyOf(text.substr(sign));
    if (local && key) return withZone(*local, *key);
  }
  return std::nullopt;
}

} // namespace presto
