#pragma once

#include <memory>
#include <vector>

#include "exec/RowContainer.h"
#include "exec/RowHash.h"

namespace presto::exec {

/// How a hash table finds rows.
enum class HashMode {
  /// Integer keys whose combined value range is small: the normalized key is the slot index.
  kArray,
  /// Integer keys whose combined range fits 62 bits: one uint64 per row is hashed and compared.
  kNormalizedKey,
  /// Anything else: hash of all columns, tags for fast mismatches, column-wise comparison.
  kHash,
};

std::string_view hashModeName(HashMode mode);

/// An open-addressing hash table over rows of a RowContainer, shared by aggregation (groups),
/// distinct-style operators and the join build.
///
/// Integer keys are first mapped to "normalized keys": (value - min + 1) per column (0 is NULL),
/// combined in mixed radix. When the ranges are small the table is a direct array; when they fit
/// 62 bits, only one uint64 is compared per probe. Other keys are hashed column by column; a
/// slot keeps a tag byte (7 hash bits) so most mismatches never touch the row. For aggregation,
/// ranges come from the data seen so far (with headroom); a value outside them re-maps every row.
///
/// Every row starts its extra bytes with 8 bytes of the table's own (normalized key or hash);
/// callers' extra bytes follow at `callerExtraOffset()`.
class HashTable {
 public:
  HashTable(std::vector<TypePtr> keyTypes, std::vector<std::pair<int32_t, int32_t>> accumulators, int32_t extraBytes,
      MemoryPoolPtr pool);

  /// Finds or creates the group of each of `numRows` rows of `keys`; indices of rows that created
  /// a group are appended to `newGroups`. NULL keys form groups like any value.
  void groupProbe(const std::vector<VectorPtr>& keys, vector_size_t numRows, std::vector<char*>& groups,
      std::vector<vector_size_t>& newGroups);

  /// Builds a join table from all build rows at once: rows with a NULL key are skipped (counted in
  /// numNullKeyRows()); rows with equal keys are chained through the pointer at `nextOffset` of
  /// the caller's extra bytes, and `onRow(row, buildRowNumber)` lets the caller fill the rest.
  template <typename OnRow>
  void buildJoin(const std::vector<VectorPtr>& keys, vector_size_t numRows, int32_t nextOffset, OnRow onRow);
  /// Per-caller scratch of joinProbe, so that many probe drivers can share one built table.
  struct ProbeScratch {
    std::vector<std::unique_ptr<DecodedVector>> decoded;
    std::vector<uint64_t> values;
  };

  /// For each probe row, the first matching build row (nullptr: none, or a NULL key). Read-only on
  /// the table: safe to call from several threads at once, each with its own scratch.
  void joinProbe(const std::vector<VectorPtr>& keys, vector_size_t numRows, std::vector<char*>& hits,
      ProbeScratch& scratch) const;

  RowContainer& rows() { return *rows_; }
  const RowContainer& rows() const { return *rows_; }
  HashMode mode() const { return mode_; }
  int32_t callerExtraOffset() const { return rows_->extraOffset() + 8; }
  int64_t numNullKeyRows() const { return numNullKeyRows_; }
  int64_t numRehashes() const { return numRehashes_; }
  /// Frees all rows and the table.
  void clear();

 private:
  static constexpr uint64_t kMaxArraySize = 1 << 20;
  /// How many rows ahead a batch loop prefetches the table slots it will visit.
  static constexpr vector_size_t kPrefetchDistance = 16;
  /// Join builds with normalized keys spanning up to this many values keep a bitmap of them, so
  /// that probes without a match rarely touch the table.
  static constexpr uint64_t kMaxKeyFilterBits = uint64_t{1} << 26;
  static constexpr uint8_t kEmptyTag = 0;

  struct KeyRange {
    int64_t min = 0;
    int64_t max = -1;
    bool valid() const { return max >= min; }
  };

  /// Decodes the keys and computes `probeValues_` (normalized keys or hashes) for the batch.
  /// Returns false if some normalized key is outside the current ranges.
  bool computeProbeValues(const std::vector<VectorPtr>& keys, vector_size_t numRows) {
    return computeValues(decoded_, numRows, probeValues_);
  }
  bool computeValues(const std::vector<std::unique_ptr<DecodedVector>>& decoded, vector_size_t numRows,
      std::vector<uint64_t>& values) const;
  /// Batch min/max of each integer key (null-free rows).
  void batchRanges(vector_size_t numRows, std::vector<KeyRange>& ranges) const;
  /// Chooses ranges (with `headroom`) and a mode for keys seen so far plus `batch`; re-maps rows.
  /// A direct array is chosen when the key space has at most `maxArraySize` slots.
  void rehashWithRanges(const std::vector<KeyRange>& batch, bool headroom, uint64_t maxArraySize = kMaxArraySize);
  /// Normalized key (or hash) of a stored row under the current mode and ranges.
  uint64_t rowValue(const char* row) const;
  void resizeTable(uint64_t capacity);
  void insertIntoTable(char* row, uint64_t value);
  /// Open addressing: the first slot to look at for `value`.
  uint64_t homeSlot(uint64_t value) const {
    return (mode_ == HashMode::kNormalizedKey ? mixHash(value) : value) & mask_;
  }
  /// Starts loading the slot of `value` (and its tag) into the cache.
  void prefetchSlot(uint64_t value) const;
  /// Whether some row has the normalized key `value`: a bitmap far smaller than the table, kept
  /// for kArray and for join builds whose normalized keys span at most kMaxKeyFilterBits.
  bool isOccupied(uint64_t value) const { return (occupied_[value >> 6] >> (value & 63)) & 1; }
  void markOccupied(uint64_t value) { occupied_[value >> 6] |= uint64_t{1} << (value & 63); }
  char* findInTable(uint64_t value, vector_size_t index) const { return findInTable(value, index, decoded_); }
  char* findInTable(
      uint64_t value, vector_size_t index, const std::vector<std::unique_ptr<DecodedVector>>& decoded) const;
  bool rowMatches(
      const char* row, vector_size_t index, const std::vector<std::unique_ptr<DecodedVector>>& decoded) const;
  uint64_t& storedValue(char* row) const { return *reinterpret_cast<uint64_t*>(row + rows_->extraOffset()); }
  uint64_t storedValue(const char* row) const { return *reinterpret_cast<const uint64_t*>(row + rows_->extraOffset()); }
  void reserveTableMemory();

  std::unique_ptr<RowContainer> rows_;
  const bool integerKeys_;
  HashMode mode_;
  /// Ranges that normalized keys are computed against, and the actual ranges of stored keys.
  std::vector<KeyRange> ranges_;
  std::vector<KeyRange> seen_;
  std::vector<uint64_t> multipliers_;
  uint64_t arraySize_ = 0;

  // kArray: table_[normalizedKey] and occupied_; otherwise open addressing over tags_/table_ with mask_.
  std::vector<char*> table_;
  std::vector<uint64_t> occupied_;
  /// kNormalizedKey: how many normalized key values there are (all below this).
  uint64_t keySpace_ = 0;
  std::vector<uint8_t> tags_;
  uint64_t mask_ = 0;
  uint64_t numEntries_ = 0;

  std::vector<std::unique_ptr<DecodedVector>> decoded_;
  std::vector<uint64_t> probeValues_;
  int64_t numNullKeyRows_ = 0;
  int64_t numRehashes_ = 0;
  MemoryReservation tableReservation_;
};

template <typename OnRow>
void HashTable::buildJoin(const std::vector<VectorPtr>& keys, vector_size_t numRows, int32_t nextOffset, OnRow onRow) {
  for (size_t i = 0; i < keys.size(); ++i) {
    decoded_[i]->decode(*keys[i]);
  }
  if (integerKeys_) {
    // The build sees all its rows at once: a direct array pays as long as it is not much larger
    // than the table open addressing would need.
    std::vector<KeyRange> batch;
    batchRanges(numRows, batch);
    rehashWithRanges(batch, false, std::max<uint64_t>(kMaxArraySize, 4 * static_cast<uint64_t>(numRows)));
  }
  computeProbeValues(keys, numRows);
  if (mode_ != HashMode::kArray) {
    uint64_t capacity = 1024;
    while (capacity < static_cast<uint64_t>(numRows) * 2) {
      capacity *= 2;
    }
    resizeTable(capacity);
  }
  const bool filterKeys = mode_ == HashMode::kNormalizedKey && keySpace_ <= kMaxKeyFilterBits;
  if (filterKeys) {
    occupied_.assign((keySpace_ + 63) / 64, 0);
  }
  for (vector_size_t index = 0; index < numRows; ++index) {
    if (index + kPrefetchDistance < numRows) {
      prefetchSlot(probeValues_[static_cast<size_t>(index + kPrefetchDistance)]);
    }
    bool hasNull = false;
    for (const auto& decoded : decoded_) {
      hasNull |= decoded->isNullAt(index);
    }
    if (hasNull) {
      ++numNullKeyRows_;
      continue;
    }
    uint64_t value = probeValues_[static_cast<size_t>(index)];
    char* existing = findInTable(value, index);
    char* row = rows_->newRow();
    for (int32_t key = 0; key < rows_->numKeys(); ++key) {
      rows_->storeKey(*decoded_[static_cast<size_t>(key)], index, row, key);
    }
    storedValue(row) = value;
    if (filterKeys) {
      markOccupied(value);
    }
    onRow(row, index);
    if (existing != nullptr) {
      char** next = reinterpret_cast<char**>(existing + callerExtraOffset() + nextOffset);
      *reinterpret_cast<char**>(row + callerExtraOffset() + nextOffset) = *next;
      *next = row;
    } else {
      insertIntoTable(row, value);
    }
  }
  reserveTableMemory();
}

} // namespace presto::exec
