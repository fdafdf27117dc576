#pragma once

#include <memory>
#include <vector>

#include "vector/BaseVector.h"

namespace presto {

/// The unit of data the driver loop moves between operators: a row count and one vector per column
/// (each with at least that many rows). Target size: ~1–4K rows or ~1 MB.
class Page {
 public:
  Page() = default;
  Page(vector_size_t numRows, std::vector<VectorPtr> columns);
  /// A page whose row count is taken from its first column (zero columns: zero rows).
  explicit Page(std::vector<VectorPtr> columns);

  vector_size_t numRows() const { return numRows_; }
  size_t numColumns() const { return columns_.size(); }
  const VectorPtr& column(size_t index) const { return columns_.at(index); }
  const std::vector<VectorPtr>& columns() const { return columns_; }

  /// Bytes held by the page's vectors (shared buffers counted once per reference).
  uint64_t retainedBytes() const;

  /// The page's rows rendered one per line (`1, abc, NULL`), for tests and debugging.
  std::string toString() const;

 private:
  void checkColumns() const;

  vector_size_t numRows_ = 0;
  std::vector<VectorPtr> columns_;
};

using PagePtr = std::shared_ptr<Page>;

} // namespace presto
