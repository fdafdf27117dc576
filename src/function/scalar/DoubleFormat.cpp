#include "function/scalar/DoubleFormat.h"

#include <charconv>
#include <cmath>

namespace presto {
namespace {

// Renders shortest round-trip digits in Java's layout: plain notation for 1e-3 <= |v| < 1e7,
// otherwise d.dddE<exponent>; always at least one fraction digit.
template <typename T>
std::string formatJava(T value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string scientific(buffer, end);
  bool negative = scientific[0] == '-';
  if (negative) scientific.erase(0, 1);
  auto ePosition = scientific.find('e');
  std::string mantissa = scientific.substr(0, ePosition);
  int exponent = std::stoi(scientific.substr(ePosition + 1));
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string result = negative ? "-" : "";
  T magnitude = std::fabs(value);
  if (magnitude >= static_cast<T>(1e-3) && magnitude < static_cast<T>(1e7)) {
    if (exponent >= 0) {
      std::string integer = digits.substr(0, std::min(digits.size(), static_cast<size_t>(exponent) + 1));
      integer.append(static_cast<size_t>(exponent) + 1 - integer.size(), '0');
      std::string fraction = digits.size() > static_cast<size_t>(exponent) + 1 ? digits.substr(static_cast<size_t>(exponent) + 1) : "0";
      return result + integer + "." + fraction;
    }
    return result + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  }
  std::string fraction = digits.size() > 1 ? digits.substr(1) : "0";
  return result + digits.substr(0, 1) + "." + fraction + "E" + std::to_string(exponent);
}

} // namespace

std::string formatDouble(double value) {
  return formatJava(value);
}

std::string formatReal(float value) {
  return formatJava(value);
}

} // namespace presto
