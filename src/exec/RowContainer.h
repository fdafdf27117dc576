#pragma once

#include <memory>
#include <vector>

#include "common/memory/MemoryPool.h"
#include "vector/DecodedVector.h"
#include "vector/TypeDispatch.h"

namespace presto::exec {

/// Rows of fixed layout in arena-allocated memory: the key columns of a hash table followed by
/// null flags, aggregate accumulators and operator-specific bytes (a join's next-row link and
/// build row number). Key values are stored by their physical type (strings as StringViews whose
/// bytes are copied into the container's arena). Every byte is reserved as user memory.
///
/// Rows are plain bytes addressed by pointer, so the contents can later be written to disk and
/// read back (spilling) without knowing what the operator keeps in them.
///
///   | key 0 | key 1 | ... | null bits (keys, then accumulators) | accumulators | extra |
class RowContainer {
 public:
  /// `accumulators`: size and alignment of each accumulator.
  RowContainer(std::vector<TypePtr> keyTypes, std::vector<std::pair<int32_t, int32_t>> accumulators,
      int32_t extraBytes, MemoryPoolPtr pool);

  RowContainer(const RowContainer&) = delete;
  RowContainer& operator=(const RowContainer&) = delete;

  /// A new zeroed row (added to rows()).
  char* newRow();
  /// Copies row `index` of key `key` into `row` (string bytes into the arena).
  void storeKey(const DecodedVector& decoded, vector_size_t index, char* row, int32_t key);
  /// Whether `row`'s key `key` equals row `index` of `decoded` (NULL equals NULL).
  bool keyEquals(const DecodedVector& decoded, vector_size_t index, const char* row, int32_t key) const;
  /// A flat vector with key `key` of `numRows` rows.
  VectorPtr extractKey(const char* const* rows, vector_size_t numRows, int32_t key) const;

  bool isNullKey(const char* row, int32_t key) const {
    return (row[nullOffset_ + key / 8] & (1 << (key % 8))) != 0;
  }
  /// Accumulator null flags, numbered after the keys (aggregates use them for "no input yet").
  int32_t accumulatorNullBit(int32_t accumulator) const { return numKeys() + accumulator; }
  int32_t nullOffset() const { return nullOffset_; }
  int32_t keyOffset(int32_t key) const { return keyOffsets_[static_cast<size_t>(key)]; }
  int32_t accumulatorOffset(int32_t accumulator) const {
    return accumulatorOffsets_[static_cast<size_t>(accumulator)];
  }
  int32_t extraOffset() const { return extraOffset_; }
  int32_t rowSize() const { return rowSize_; }
  int32_t numKeys() const { return static_cast<int32_t>(keyTypes_.size()); }
  const std::vector<TypePtr>& keyTypes() const { return keyTypes_; }
  PhysicalKind keyKind(int32_t key) const { return keyKinds_[static_cast<size_t>(key)]; }

  /// Every row, in creation order.
  const std::vector<char*>& rows() const { return rows_; }
  int64_t numRows() const { return static_cast<int64_t>(rows_.size()); }
  int64_t allocatedBytes() const { return reservation_.bytes(); }
  /// Frees every row.
  void clear();

  /// Reads a key's value from a row. REQUIRES: T matches the key's physical type.
  template <typename T>
  T keyValue(const char* row, int32_t key) const {
    return *reinterpret_cast<const T*>(row + keyOffsets_[static_cast<size_t>(key)]);
  }

 private:
  static constexpr int64_t kChunkBytes = 64 * 1024;

  char* allocate(int64_t bytes, int32_t alignment);
  /// Copies string bytes into the arena; returns a view of the copy.
  StringView copyString(StringView value);

  const std::vector<TypePtr> keyTypes_;
  std::vector<PhysicalKind> keyKinds_;
  std::vector<int32_t> keyOffsets_;
  std::vector<int32_t> accumulatorOffsets_;
  int32_t nullOffset_ = 0;
  int32_t extraOffset_ = 0;
  int32_t rowSize_ = 0;
  int32_t rowAlignment_ = 8;

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* chunkPosition_ = nullptr;
  char* chunkEnd_ = nullptr;
  std::vector<char*> rows_;
  MemoryReservation reservation_;
};

} // namespace presto::exec
