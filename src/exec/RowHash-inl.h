#pragma once

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include <xxhash.h>

#include "type/Type.h"
#include "vector/StringView.h"

namespace presto::exec {

template <typename T>
uint64_t hashScalar(T value) {
  if constexpr (std::is_same_v<T, StringView>) {
    if (value.size() <= 8) {
      // Short strings (flags, codes, names of a few letters) hash as one integer with their length.
      uint64_t bits = 0;
      std::memcpy(&bits, value.data(), value.size());
      return mixHash(bits ^ (static_cast<uint64_t>(value.size()) << 56) ^ 0x9e3779b97f4a7c15ULL);
    }
    return XXH3_64bits(value.data(), value.size());
  } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    double normalized = value == 0 ? 0.0 : static_cast<double>(value);
    if (std::isnan(normalized)) {
      normalized = std::numeric_limits<double>::quiet_NaN();
    }
    uint64_t bits;
    std::memcpy(&bits, &normalized, sizeof(bits));
    return mixHash(bits);
  } else if constexpr (std::is_same_v<T, int128_t>) {
    return mixHash(static_cast<uint64_t>(value) ^ mixHash(static_cast<uint64_t>(value >> 64)));
  } else {
    return mixHash(static_cast<uint64_t>(static_cast<int64_t>(value)));
  }
}

} // namespace presto::exec
