#pragma once

#include <cstdint>
#include <vector>

#include "vector/BaseVector.h"
#include "vector/Bits.h"

namespace presto {

/// The set of active rows of a batch: a bit per row plus the bounds [begin, end) of the set bits.
/// Expression evaluation narrows it (AND, CASE, TRY) so that work and errors happen only for rows
/// that matter.
class SelectivityVector {
 public:
  SelectivityVector() = default;
  /// `size` rows, all selected (or none).
  explicit SelectivityVector(vector_size_t size, bool allSelected = true);

  vector_size_t size() const { return size_; }
  vector_size_t begin() const { return begin_; }
  vector_size_t end() const { return end_; }

  bool isValid(vector_size_t row) const { return bits::isBitSet(bits_.data(), static_cast<size_t>(row)); }
  void setValid(vector_size_t row, bool valid) {
    bits::setBit(bits_.data(), static_cast<size_t>(row), valid);
    allSelected_ = kUnknown;
  }
  /// Selects or deselects [begin, end).
  void setValidRange(vector_size_t begin, vector_size_t end, bool valid);
  void setAll();
  void clearAll();
  /// Recomputes begin/end after setValid calls.
  void updateBounds();

  /// Keeps only rows also selected in `other`.
  void intersect(const SelectivityVector& other);
  /// Deselects the rows whose bit is set in `rowBits` (e.g. NULL rows).
  void deselect(const uint64_t* rowBits);
  /// Changes the row count; new rows are selected or not as given.
  void resize(vector_size_t size, bool selectNew = true);

  vector_size_t countSelected() const;
  bool hasSelections() const { return begin_ < end_; }
  bool isAllSelected() const;
  const uint64_t* allBits() const { return bits_.data(); }

  /// Calls `func(row)` for every selected row in increasing order.
  template <typename Func>
  void applyToSelected(Func func) const {
    if (isAllSelected()) {
      for (vector_size_t row = begin_; row < end_; ++row) {
        func(row);
      }
      return;
    }
    bits::forEachSetBit(bits_.data(), static_cast<size_t>(begin_), static_cast<size_t>(end_),
        [&](size_t row) { func(static_cast<vector_size_t>(row)); });
  }

  bool operator==(const SelectivityVector& other) const;

 private:
  enum AllSelected : int8_t { kUnknown = -1, kNo = 0, kYes = 1 };

  std::vector<uint64_t> bits_;
  vector_size_t size_ = 0;
  vector_size_t begin_ = 0;
  vector_size_t end_ = 0;
  mutable AllSelected allSelected_ = kYes;
};

} // namespace presto
