#pragma once

#include <functional>

#include <memory>
#include <string>

#include "type/Type.h"
#include "vector/Bits.h"
#include "vector/Buffer.h"

namespace presto {

using vector_size_t = int32_t;

/// The physical layout of a vector.
enum class VectorEncoding : uint8_t { kFlat, kConstant, kDictionary, kLazy, kArray, kMap, kRow };

std::string_view encodingName(VectorEncoding encoding);

class BaseVector;
using VectorPtr = std::shared_ptr<BaseVector>;

/// One column of a batch of rows. Subclasses are the encodings: FlatVector<T> (values + nulls),
/// ConstantVector (one row of a base vector repeated), DictionaryVector (indices into a base,
/// possibly adding nulls), LazyVector (loaded on first use), ArrayVector, MapVector and RowVector.
/// Null bits are set for NULL rows; a vector without a nulls buffer has no nulls.
///
/// Vectors are built by one owner and then shared read-only (pages move between operators by
/// shared pointer); mutating a vector that others hold is a bug.
class BaseVector {
 public:
  BaseVector(TypePtr type, VectorEncoding encoding, vector_size_t size, BufferPtr nulls = nullptr);
  virtual ~BaseVector() = default;

  BaseVector(const BaseVector&) = delete;
  BaseVector& operator=(const BaseVector&) = delete;

  const TypePtr& type() const { return type_; }
  VectorEncoding encoding() const { return encoding_; }
  vector_size_t size() const { return size_; }

  /// Whether row `index` is NULL, looking through wrappers.
  virtual bool isNullAt(vector_size_t index) const {
    return nulls_ && bits::isBitSet(nulls_->as<uint64_t>(), static_cast<size_t>(index));
  }
  /// False only when no row can be NULL.
  virtual bool mayHaveNulls() const { return nulls_ != nullptr; }
  /// This vector's own null bits (not those of wrapped vectors); nullptr if none.
  const uint64_t* rawNulls() const { return nulls_ ? nulls_->as<uint64_t>() : nullptr; }
  const BufferPtr& nulls() const { return nulls_; }

  /// Marks row `index` NULL or not NULL, allocating the nulls buffer on first use.
  void setNull(vector_size_t index, bool isNull);
  /// Replaces the null bits (nullptr: no nulls).
  void setNulls(BufferPtr nulls) { nulls_ = std::move(nulls); }

  /// The innermost vector under constant/dictionary/lazy wrappers (loading lazy vectors), and the
  /// row of it that row `index` of this vector shows.
  virtual const BaseVector* wrappedVector() const { return this; }
  virtual vector_size_t wrappedIndex(vector_size_t index) const { return index; }

  /// Bytes of every buffer the vector holds and references (buffers shared with other vectors
  /// included), for memory accounting. Flat and wrapping vectors answer without visiting each
  /// buffer: operators ask for every page they pass on.
  virtual uint64_t retainedBytes() const;
  /// Calls `visit` with each buffer the vector holds (its own and those of vectors it wraps).
  virtual void visitBuffers(const std::function<void(const Buffer&)>& visit) const;

  /// Changes the row count; new rows are not NULL and hold unspecified values.
  virtual void resize(vector_size_t newSize);

  /// Human-readable value of one row (`NULL`, `12.50`, `[1, 2]`) for tests and debugging.
  std::string toString(vector_size_t index) const;
  /// One line describing the vector: encoding, type, size.
  std::string describe() const;

  /// Creates a flat (or array/map/row) vector of `type` with `size` rows, all not NULL, values
  /// zeroed (nested types: empty collections, rows of zeroed children).
  static VectorPtr create(const TypePtr& type, vector_size_t size);

  template <typename T>
  T* as() {
    return static_cast<T*>(this);
  }
  template <typename T>
  const T* as() const {
    return static_cast<const T*>(this);
  }

 protected:
  /// Grows the nulls buffer (if any) to hold `newSize` bits, new bits cleared.
  void resizeNulls(vector_size_t newSize);

  const TypePtr type_;
  const VectorEncoding encoding_;
  vector_size_t size_;
  BufferPtr nulls_;
};

} // namespace presto
