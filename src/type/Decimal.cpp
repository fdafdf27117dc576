#include "type/Decimal.h"

#include <algorithm>

namespace presto {

std::string int128ToString(int128_t value) {
  if (value == 0) {
    return "0";
  }
  bool negative = value < 0;
  // Work on the unsigned magnitude so the most negative value does not overflow.
  unsigned __int128 magnitude = negative ? -static_cast<unsigned __int128>(value) : static_cast<unsigned __int128>(value);
  std::string digits;
  while (magnitude > 0) {
    digits += static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  }
  if (negative) {
    digits += '-';
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string formatDecimal(int128_t unscaled, int scale) {
  std::string digits = int128ToString(unscaled);
  if (scale == 0) {
    return digits;
  }
  bool negative = unscaled < 0;
  if (negative) {
    digits.erase(0, 1);
  }
  if (digits.size() <= static_cast<size_t>(scale)) {
    digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  return negative ? "-" + digits : digits;
}

} // namespace presto
