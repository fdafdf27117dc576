#pragma once

#include <optional>
#include <string_view>

#include "type/Type.h"

namespace presto::decimal {

/// 10^exponent for 0 <= exponent <= 38.
int128_t powerOfTen(int exponent);

/// Whether |value| < 10^precision.
bool fitsPrecision(int128_t value, int precision);

/// Divides by 10^digits rounding half away from zero (Presto's HALF_UP).
int128_t divideRoundHalfUp(int128_t value, int digits);

/// `value` (an unscaled decimal with `fromScale`) expressed with `toScale` fraction digits, rounding
/// half up when digits are dropped; nullopt on overflow of 38 digits.
std::optional<int128_t> rescale(int128_t value, int fromScale, int toScale);

/// Parses decimal text (`-12.345`, `+1`, `.5`, `1e3` not accepted) into an unscaled value with
/// `scale` digits (rounding half up); nullopt when malformed. `overflow` is set when the value
/// does not fit `precision`.
std::optional<int128_t> parse(std::string_view text, int precision, int scale, bool& overflow);

/// a * b and a + b with 128-bit overflow detection.
bool multiplyOverflows(int128_t a, int128_t b, int128_t& result);
bool addOverflows(int128_t a, int128_t b, int128_t& result);

} // namespace presto::decimal
