#pragma once

#include <cstdint>
#include <vector>

#include "vector/Page.h"

namespace presto::exec {

/// Mixes a 64-bit value into a well-distributed hash (murmur3 finalizer).
inline uint64_t mixHash(uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

/// Combines a column's hash into the hash of the previous columns.
inline uint64_t combineHash(uint64_t seed, uint64_t hash) {
  return mixHash(seed * 31 + hash);
}

/// Hash of one non-null value of a flat vector's physical type T (StringView, integers, floats,
/// int128). Integers of every width hash as their int64 value; floats as a normalized double.
template <typename T>
uint64_t hashScalar(T value);

/// Hash of a NULL key.
inline constexpr uint64_t kNullHash = 0x9e3779b97f4a7c15ULL;

/// The partition of a row `hash` among the `numPartitions` consumers of a hash exchange between
/// tasks. It reads the high 32 bits (local exchanges and hash tables use the hash modulo their
/// width), so that the rows a consumer task receives still spread over all of its drivers. Every
/// process runs the same hash, so producers on any node agree on it.
inline int32_t remotePartition(uint64_t hash, int32_t numPartitions) {
  return static_cast<int32_t>(((hash >> 32) * static_cast<uint64_t>(numPartitions)) >> 32);
}

/// Hashes rows [0, numRows) of one column of any type into `hashes` (replacing, or combining with
/// the values already there when `combine`). Equal values (under SQL equality, with -0.0 == 0.0
/// and one NaN) hash equally; NULL hashes to kNullHash.
void hashColumn(const BaseVector& column, vector_size_t numRows, bool combine, uint64_t* hashes);

/// Hashes the `channels` of `page` together.
void hashRows(const Page& page, const std::vector<int32_t>& channels, std::vector<uint64_t>& hashes);

} // namespace presto::exec

#include "exec/RowHash-inl.h"

