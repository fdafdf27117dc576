#include "connector/tpch/TpchDate.h"

#include <array>
#include <cstring>

namespace presto::tpch {
namespace {

constexpr int32_t kCachedDays = 8 * 366;

void computeDate(int32_t days, char* out) {
  // Howard Hinnant's civil_from_days.
  const int32_t shifted = days + 719468;
  const int32_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
  const int32_t dayOfEra = shifted - era * 146097;
  const int32_t yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const int32_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const int32_t monthIndex = (5 * dayOfYear + 2) / 153;
  const int32_t day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
  const int32_t month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const int32_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  out[0] = static_cast<char>('0' + year / 1000 % 10);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
}

/// The text of every date TPC-H uses (1992 through 1999), so rendering is a copy.
struct DateCache {
  DateCache() {
    for (int32_t index = 0; index < kCachedDays; ++index) {
      computeDate(kStartDate + index, text[index].data());
    }
  }
  std::array<std::array<char, 10>, kCachedDays> text;
};

} // namespace

void formatDate(int32_t days, char* out) {
  static const DateCache cache;
  const int32_t index = days - kStartDate;
  if (index >= 0 && index < kCachedDays) {
    std::memcpy(out, cache.text[index].data(), 10);
    return;
  }
  computeDate(days, out);
}

} // namespace presto::tpch
