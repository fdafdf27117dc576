#include "function/scalar/DecimalMath.h"

#include <cctype>

namespace presto::decimal {
namespace {

constexpr int kMaxDigits = 38;

struct PowersOfTen {
  int128_t values[kMaxDigits + 1];
  constexpr PowersOfTen() : values() {
    values[0] = 1;
    for (int i = 1; i <= kMaxDigits; ++i) values[i] = values[i - 1] * 10;
  }
};

constexpr PowersOfTen kPowers;

} // namespace

int128_t powerOfTen(int exponent) {
  return kPowers.values[exponent];
}

bool fitsPrecision(int128_t value, int precision) {
  int128_t limit = kPowers.values[precision];
  return value < limit && value > -limit;
}

int128_t divideRoundHalfUp(int128_t value, int digits) {
  if (digits <= 0) {
    return value;
  }
  if (digits > kMaxDigits) {
    return 0;
  }
  int128_t divisor = kPowers.values[digits];
  int128_t quotient = value / divisor;
  int128_t remainder = value % divisor;
  if (remainder < 0) remainder = -remainder;
  if (remainder * 2 >= divisor) {
    quotient += value < 0 ? -1 : 1;
  }
  return quotient;
}

std::optional<int128_t> rescale(int128_t value, int fromScale, int toScale) {
  if (toScale >= fromScale) {
    int128_t result;
    if (multiplyOverflows(value, kPowers.values[toScale - fromScale], result) || !fitsPrecision(result, kMaxDigits)) {
      return std::nullopt;
    }
    return result;
  }
  return divideRoundHalfUp(value, fromScale - toScale);
}

std::optional<int128_t> parse(std::string_view text, int precision, int scale, bool& overflow) {
  overflow = false;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  int128_t integer = 0;
  int integerDigits = 0;
  size_t i = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    if (integerDigits > 0 || text[i] != '0') {
      ++integerDigits;
      if (integerDigits > kMaxDigits) {
        overflow = true;
        return std::nullopt;
      }
    }
    integer = integer * 10 + (text[i] - '0');
  }
  size_t digitsBefore = i;
  std::string_view fraction;
  if (i < text.size() && text[i] == '.') {
    size_t start = ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    fraction = text.substr(start, i - start);
  }
  if (i != text.size() || (digitsBefore == 0 && fraction.empty())) {
    return std::nullopt;
  }
  // Keep scale + 1 fraction digits, then round the last one away.
  int128_t value = integer;
  int kept = 0;
  for (; kept < static_cast<int>(fraction.size()) && kept <= scale; ++kept) {
    value = value * 10 + (fraction[static_cast<size_t>(kept)] - '0');
    if (!fitsPrecision(value, kMaxDigits)) {
      overflow = true;
      return std::nullopt;
    }
  }
  if (kept > scale) {
    value = divideRoundHalfUp(value, kept - scale);
  } else {
    int128_t scaled;
    if (multiplyOverflows(value, kPowers.values[scale - kept], scaled)) {
      overflow = true;
      return std::nullopt;
    }
    value = scaled;
  }
  if (!fitsPrecision(value, precision)) {
    overflow = true;
    return std::nullopt;
  }
  return negative ? -value : value;
}

bool multiplyOverflows(int128_t a, int128_t b, int128_t& result) {
  return __builtin_mul_overflow(a, b, &result);
}

bool addOverflows(int128_t a, int128_t b, int128_t& result) {
  return __builtin_add_overflow(a, b, &result);
}

} // namespace presto::decimal
