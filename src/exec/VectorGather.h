#pragma once

#include <vector>

#include "vector/BaseVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/Page.h"

namespace presto::exec {

/// A row of one of several pages (or vectors): used by operators that keep input pages and
/// emit rows in a new order (sort, top-N, window).
struct RowReference {
  int32_t source = 0;
  vector_size_t row = 0;
};

/// Builds a flat vector of `type` from rows of several source vectors of that type. Primitive
/// types are copied value by value (string bytes are shared with the sources, not copied);
/// nested types go through the generic value path.
class VectorGather {
 public:
  /// `sources` must stay alive while gather() runs; a null source is allowed if no row refers to it.
  VectorGather(TypePtr type, std::vector<const BaseVector*> sources);

  VectorPtr gather(const RowReference* rows, vector_size_t numRows);
  /// Same, with rows of one source.
  VectorPtr gather(int32_t source, const vector_size_t* rows, vector_size_t numRows);

 private:
  /// Source string buffers worth up to this many bytes beyond twice what the rows need are shared
  /// rather than copied.
  static constexpr uint64_t kStringCopyThreshold = 256 * 1024;

  VectorPtr gatherStrings(const RowReference* rows, vector_size_t numRows);

  TypePtr type_;
  std::vector<const BaseVector*> sources_;
  std::vector<std::unique_ptr<DecodedVector>> decoded_;
};

/// A page whose columns are `page`'s columns wrapped in a dictionary over `indices` (`size` rows).
PagePtr wrapPage(const Page& page, const BufferPtr& indices, vector_size_t size);
/// Rows [offset, offset + length) of `page` (dictionary-wrapped, or `page` itself when whole).
PagePtr slicePage(const PagePtr& page, vector_size_t offset, vector_size_t length);
/// A flat vector of `size` NULLs of a primitive type, or a constant NULL of any type.
VectorPtr makeNullVector(const TypePtr& type, vector_size_t size);
/// Copies rows of any vector into a new flat vector (primitive types) or detached values.
VectorPtr copyRows(const BaseVector& source, const vector_size_t* rows, vector_size_t numRows);
/// One page holding the rows of all `pages` (which have the same types), copied.
PagePtr concatenatePages(const std::vector<TypePtr>& types, const std::vector<PagePtr>& pages);

} // namespace presto::exec
