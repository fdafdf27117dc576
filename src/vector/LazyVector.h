#pragma once

#include <atomic>
#include <mutex>

#include "vector/BaseVector.h"
#include "vector/SelectivityVector.h"

namespace presto {

/// Produces the contents of a lazy vector. Connectors implement it to read a column only when (and
/// only for the rows that) an operator needs it. The first load decides which rows are valid.
class VectorLoader {
 public:
  virtual ~VectorLoader() = default;
  /// Returns a vector of `size` rows whose `rows` are valid; other rows may hold anything.
  virtual VectorPtr load(const SelectivityVector& rows, vector_size_t size) = 0;
};

/// A column that is loaded on first access. `load(rows)` loads just those rows; any accessor that
/// reads values (isNullAt, wrappedVector, ...) loads all rows first. Once loaded, the vector
/// behaves exactly like the loaded one.
class LazyVector : public BaseVector {
 public:
  LazyVector(TypePtr type, vector_size_t size, std::unique_ptr<VectorLoader> loader)
      : BaseVector(std::move(type), VectorEncoding::kLazy, size), loader_(std::move(loader)) {}

  bool isLoaded() const { return isLoaded_.load(std::memory_order_acquire); }
  /// Loads (if not yet loaded) the given rows and returns the loaded vector.
  const VectorPtr& load(const SelectivityVector& rows) const;
  /// Loads every row.
  const VectorPtr& loadedVector() const;

  bool isNullAt(vector_size_t index) const override { return loadedVector()->isNullAt(index); }
  bool mayHaveNulls() const override { return loadedVector()->mayHaveNulls(); }
  const BaseVector* wrappedVector() const override { return loadedVector()->wrappedVector(); }
  vector_size_t wrappedIndex(vector_size_t index) const override { return loadedVector()->wrappedIndex(index); }
  void visitBuffers(const std::function<void(const Buffer&)>& visit) const override {
    if (isLoaded()) {
      loaded_->visitBuffers(visit);
    }
  }

 private:
  mutable std::mutex mutex_;
  mutable std::unique_ptr<VectorLoader> loader_;
  mutable VectorPtr loaded_;
  mutable std::atomic<bool> isLoaded_{false};
};

/// The vector itself, or the loaded contents if it is lazy (loading all rows).
const VectorPtr& loadedVectorOf(const VectorPtr& vector);

} // namespace presto
