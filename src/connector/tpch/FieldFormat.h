#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace presto::tpch {

/// Writes the decimal digits of `value` (>= 0) right-aligned into out[0, width), zero-padded.
/// REQUIRES: value has at most `width` digits.
inline void writeDigits(uint64_t value, char* out, int32_t width) {
  for (int32_t position = width - 1; position >= 0; --position) {
    out[position] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

/// Number of decimal digits of `value` (>= 0).
inline int32_t digitCount(uint64_t value) {
  int32_t digits = 1;
  while (value >= 10) {
    value /= 10;
    ++digits;
  }
  return digits;
}

/// Length of `prefix` followed by `number` zero-padded to at least `width` digits (printf's %0*ld).
inline size_t paddedLength(std::string_view prefix, int64_t number, int32_t width) {
  const int32_t digits = digitCount(static_cast<uint64_t>(number));
  return prefix.size() + (digits > width ? digits : width);
}

/// Writes `prefix` and `number` zero-padded to at least `width` digits; returns the end.
/// REQUIRES: out holds paddedLength(prefix, number, width) bytes; number >= 0.
inline char* writePadded(std::string_view prefix, int64_t number, int32_t width, char* out) {
  std::memcpy(out, prefix.data(), prefix.size());
  out += prefix.size();
  const int32_t digits = digitCount(static_cast<uint64_t>(number));
  const int32_t total = digits > width ? digits : width;
  writeDigits(static_cast<uint64_t>(number), out, total);
  return out + total;
}

/// Length of a phone number, "CC-AAA-EEE-NNNN".
inline constexpr size_t kPhoneLength = 15;

/// Writes dbgen's phone number for a nation and three drawn parts: "%02d-%03d-%03d-%04d" of
/// (10 + nation % 90, area, exchange, number).
inline void writePhone(
    int64_t nationKey, int64_t area, int64_t exchange, int64_t number, char* out) {
  writeDigits(static_cast<uint64_t>(10 + nationKey % 90), out, 2);
  out[2] = '-';
  writeDigits(static_cast<uint64_t>(area), out + 3, 3);
  out[6] = '-';
  writeDigits(static_cast<uint64_t>(exchange), out + 7, 3);
  out[10] = '-';
  writeDigits(static_cast<uint64_t>(number), out + 11, 4);
}

} // namespace presto::tpch
