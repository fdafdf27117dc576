#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace presto {

/// A span of time written the way Presto's configuration writes it: a decimal number and a unit,
/// `500ms`, `1.5s`, `2m`, `1.00h`, `100d` (units ns, us, ms, s, m, h, d).
class Duration {
 public:
  Duration() = default;
  explicit Duration(std::chrono::nanoseconds value) : nanos_(value.count()) {}

  /// Parses `value`; throws CONFIGURATION_INVALID on malformed input.
  static Duration parse(std::string_view value);

  int64_t nanos() const { return nanos_; }
  int64_t millis() const { return nanos_ / 1'000'000; }
  double seconds() const { return static_cast<double>(nanos_) / 1e9; }
  std::chrono::nanoseconds toChrono() const { return std::chrono::nanoseconds(nanos_); }

  /// Prints in the largest unit that keeps the value at least 1, with two decimals (`1.50s`).
  std::string toString() const;

  auto operator<=>(const Duration&) const = default;

 private:
  int64_t nanos_ = 0;
};

/// An amount of memory or data written as Presto writes it: `16MB`, `1.5GB`, `512kB`, `100B`
/// (units B, kB, MB, GB, TB, PB; multiples of 1024).
class DataSize {
 public:
  DataSize() = default;
  explicit DataSize(uint64_t bytes) : bytes_(bytes) {}

  /// Parses `value`; throws CONFIGURATION_INVALID on malformed input.
  static DataSize parse(std::string_view value);

  uint64_t bytes() const { return bytes_; }

  /// Prints in the largest unit that keeps the value at least 1 (`16MB`, `1.50GB`).
  std::string toString() const;

  auto operator<=>(const DataSize&) const = default;

 private:
  uint64_t bytes_ = 0;
};

/// Formats a byte count for humans (`1.50GB`), as DataSize::toString does.
std::string succinctBytes(uint64_t bytes);

} // namespace presto
