#include "common/Duration.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "common/Check.h"

namespace presto {
namespace {

// Splits "1.5GB" into 1.5 and "GB"; fails on anything that is not number-then-unit.
std::pair<double, std::string_view> splitNumberAndUnit(std::string_view text, std::string_view what) {
  auto trimmed = text;
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  size_t unitStart = 0;
  while (unitStart < trimmed.size() &&
         (std::isdigit(static_cast<unsigned char>(trimmed[unitStart])) || trimmed[unitStart] == '.')) {
    ++unitStart;
  }
  double number = 0;
  auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + unitStart, number);
  PRESTO_USER_CHECK(
      unitStart > 0 && ec == std::errc() && end == trimmed.data() + unitStart && std::isfinite(number),
      errors::CONFIGURATION_INVALID, "Invalid {} '{}'", what, text);
  auto unit = trimmed.substr(unitStart);
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  return {number, unit};
}

struct Unit {
  std::string_view name;
  double factor;
};

constexpr std::array<Unit, 7> kTimeUnits{{
    {"d", 86400e9}, {"h", 3600e9}, {"m", 60e9}, {"s", 1e9}, {"ms", 1e6}, {"us", 1e3}, {"ns", 1}}};

constexpr std::array<Unit, 6> kSizeUnits{{
    {"PB", 1125899906842624.0}, {"TB", 1099511627776.0}, {"GB", 1073741824.0},
    {"MB", 1048576.0}, {"kB", 1024.0}, {"B", 1}}};

template <size_t N>
std::string formatWithUnit(double value, const std::array<Unit, N>& units, bool integralSmallest) {
  for (const auto& unit : units) {
    if (value >= unit.factor || &unit == &units.back()) {
      double scaled = value / unit.factor;
      if (&unit == &units.back() && integralSmallest) {
        return fmt::format("{}{}", static_cast<uint64_t>(scaled), unit.name);
      }
      if (scaled == std::floor(scaled)) {
        return fmt::format("{}{}", static_cast<uint64_t>(scaled), unit.name);
      }
      return fmt::format("{:.2f}{}", scaled, unit.name);
    }
  }
  return "0";
}

} // namespace

Duration Duration::parse(std::string_view value) {
  auto [number, unit] = splitNumberAndUnit(value, "duration");
  for (const auto& candidate : kTimeUnits) {
    if (unit == candidate.name) {
      double nanos = std::round(number * candidate.factor);
      PRESTO_USER_CHECK(nanos < 9.2e18, errors::CONFIGURATION_INVALID, "Duration '{}' is too large", value);
      return Duration(std::chrono::nanoseconds(static_cast<int64_t>(nanos)));
    }
  }
  PRESTO_USER_FAIL(errors::CONFIGURATION_INVALID, "Unknown time unit in duration '{}'", value);
}

std::string Duration::toString() const {
  return formatWithUnit(static_cast<double>(nanos_), kTimeUnits, true);
}

DataSize DataSize::parse(std::string_view value) {
  auto [number, unit] = splitNumberAndUnit(value, "data size");
  for (const auto& candidate : kSizeUnits) {
    if (unit == candidate.name) {
      double bytes = std::round(number * candidate.factor);
      PRESTO_USER_CHECK(bytes < 1.8e19, errors::CONFIGURATION_INVALID, "Data size '{}' is too large", value);
      return DataSize(static_cast<uint64_t>(bytes));
    }
  }
  PRESTO_USER_FAIL(errors::CONFIGURATION_INVALID, "Unknown unit in data size '{}'", value);
}

std::string DataSize::toString() const {
  return succinctBytes(bytes_);
}

std::string succinctBytes(uint64_t bytes) {
  return formatWithUnit(static_cast<double>(bytes), kSizeUnits, true);
}

} // namespace presto
