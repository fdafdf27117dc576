#pragma once

#include <string>

#include "type/Type.h"

namespace presto {

/// Text of an unscaled decimal value with `scale` fraction digits (`-12.50`, `0.05`, `7`).
std::string formatDecimal(int128_t unscaled, int scale);

/// Decimal digits of a signed 128-bit integer.
std::string int128ToString(int128_t value);

} // namespace presto
