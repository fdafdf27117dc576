#pragma once

#include <memory>
#include <vector>

#include "exec/VectorGather.h"
#include "exec/plan/PlanNode.h"
#include "vector/DecodedVector.h"

namespace presto::exec {

/// Orders rows of several pages by sort keys (ascending/descending, NULLs first/last; NaN sorts
/// above every other double, as in Presto). Pages are registered once (their key columns
/// decoded); rows are then compared by RowReference.
class RowComparator {
 public:
  RowComparator(std::vector<TypePtr> types, std::vector<SortKey> keys);

  /// Registers the next page (its index is the RowReference source).
  void addPage(const Page& page);
  /// Negative, zero or positive as `left` sorts before, with, or after `right`.
  int compare(const RowReference& left, const RowReference& right) const;
  /// Compares only the first `numKeys` sort keys.
  int compare(const RowReference& left, const RowReference& right, size_t numKeys) const;
  bool operator()(const RowReference& left, const RowReference& right) const { return compare(left, right) < 0; }
  void clear() { decoded_.clear(); }
  size_t numPages() const { return decoded_.size(); }

 private:
  const std::vector<TypePtr> types_;
  const std::vector<SortKey> keys_;
  /// Per page, per sort key.
  std::vector<std::vector<std::unique_ptr<DecodedVector>>> decoded_;
  std::vector<std::vector<const BaseVector*>> columns_;
};

} // namespace presto::exec
