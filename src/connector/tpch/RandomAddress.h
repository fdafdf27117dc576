#pragma once

#include <cstdint>

#include "connector/tpch/RandomStream.h"
#include "connector/tpch/TpchBatch.h"

namespace presto::tpch {

/// Appends dbgen's random alphanumeric string of average length 25 (addresses): a length drawn on
/// [10, 40], then one draw per five characters. Each draw is the overflowed (negative) word; the
/// characters come from its low six bits, shifting arithmetically after each.
inline void appendRandomAddress(RandomStream& stream, TpchStringColumn& column) {
  static constexpr char kAlphabet[] =
      "0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ,";
  const auto length = static_cast<int32_t>(stream.uniform(10, 40));
  char* out = column.appendUninitialized(length);
  int64_t word = 0;
  for (int32_t index = 0; index < length; ++index) {
    if (index % 5 == 0) {
      word = stream.overflowedWord();
    }
    out[index] = kAlphabet[word & 63];
    word >>= 6;
  }
}

} // namespace presto::tpch
