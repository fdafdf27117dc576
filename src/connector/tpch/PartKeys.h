#pragma once

#include <cstdint>

namespace presto::tpch {

/// p_retailprice of a part, in cents: 90000 + (key / 10) mod 20001 + 100 * (key mod 1000).
/// Lineitem uses it for the extended price.
constexpr int64_t partRetailPrice(int64_t partKey) {
  return 90000 + (partKey / 10) % 20001 + 100 * (partKey % 1000);
}

/// The supplier in slot `slot` (0..3) of a part: partsupp lists slots 0..3, and a lineitem draws
/// one, so every (l_partkey, l_suppkey) pair exists in partsupp.
constexpr int64_t partSupplier(int64_t partKey, int64_t slot, int64_t suppliers) {
  return (partKey + slot * (suppliers / 4 + (partKey - 1) / suppliers)) % suppliers + 1;
}

/// o_orderkey of order index `index` (1-based): dbgen keeps the low 3 bits and leaves 2 bits
/// above them for update sets, so only 8 of every 32 keys are used.
constexpr int64_t orderKey(int64_t index) {
  return ((index >> 3) << 5) | (index & 7);
}

} // namespace presto::tpch
