#include "exec/VectorGather.h"

#include <unordered_set>

#include "common/Check.h"
#include "type/Value.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto::exec {

VectorGather::VectorGather(TypePtr type, std::vector<const BaseVector*> sources)
    : type_(std::move(type)), sources_(std::move(sources)) {
  if (type_->isPrimitive()) {
    for (const auto* source : sources_) {
      decoded_.push_back(source != nullptr ? std::make_unique<DecodedVector>(*source) : nullptr);
    }
  }
}

VectorPtr VectorGather::gather(const RowReference* rows, vector_size_t numRows) {
  if (!type_->isPrimitive()) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(numRows));
    for (vector_size_t i = 0; i < numRows; ++i) {
      values.push_back(valueAt(*sources_[static_cast<size_t>(rows[i].source)], rows[i].row));
    }
    return vectorFromValues(type_, values);
  }
  if (physicalKind(*type_) == PhysicalKind::kString) {
    return gatherStrings(rows, numRows);
  }
  return dispatchScalar(*type_, [&](auto tag) -> VectorPtr {
    using T = typename decltype(tag)::type;
    auto result = FlatVector<T>::create(type_, numRows);
    T* values = result->mutableRawValues();
    for (vector_size_t i = 0; i < numRows; ++i) {
      const auto& decoded = *decoded_[static_cast<size_t>(rows[i].source)];
      if (decoded.isNullAt(rows[i].row)) {
        result->setNull(i, true);
      } else {
        values[i] = decoded.template valueAt<T>(rows[i].row);
      }
    }
    return result;
  });
}

VectorPtr VectorGather::gatherStrings(const RowReference* rows, vector_size_t numRows) {
  auto result = FlatVector<StringView>::create(type_, numRows);
  StringView* values = result->mutableRawValues();
  // The string buffers of the sources' flat bases, each once, and the bytes the rows need.
  std::vector<bool> visited(sources_.size(), false);
  std::unordered_set<const Buffer*> seen;
  std::vector<BufferPtr> buffers;
  uint64_t sharedBytes = 0;
  uint64_t neededBytes = 0;
  for (vector_size_t i = 0; i < numRows; ++i) {
    auto source = static_cast<size_t>(rows[i].source);
    const auto& decoded = *decoded_[source];
    if (!visited[source]) {
      visited[source] = true;
      const auto* base = decoded.base();
      if (base != nullptr && base->encoding() == VectorEncoding::kFlat) {
        for (const auto& buffer : base->as<FlatVector<StringView>>()->stringBuffers()) {
          if (seen.insert(buffer.get()).second) {
            sharedBytes += buffer->capacity();
            buffers.push_back(buffer);
          }
        }
      }
    }
    if (!decoded.isNullAt(rows[i].row)) {
      auto size = decoded.valueAt<StringView>(rows[i].row).size();
      neededBytes += size > StringView::kInlineSize ? size : 0;
    }
  }
  // Sharing the sources' buffers costs no copy, but a few rows picked from a large base (a join's
  // build side) would keep all of it alive: then copy the strings instead.
  const bool share = sharedBytes <= 2 * neededBytes + kStringCopyThreshold;
  if (share) {
    for (auto& buffer : buffers) {
      result->addStringBuffer(std::move(buffer));
    }
  }
  for (vector_size_t i = 0; i < numRows; ++i) {
    const auto& decoded = *decoded_[static_cast<size_t>(rows[i].source)];
    if (decoded.isNullAt(rows[i].row)) {
      result->setNull(i, true);
    } else {
      auto value = decoded.valueAt<StringView>(rows[i].row);
      values[i] = share ? value : result->copyString(value.view());
    }
  }
  return result;
}

VectorPtr VectorGather::gather(int32_t source, const vector_size_t* rows, vector_size_t numRows) {
  std::vector<RowReference> references(static_cast<size_t>(numRows));
  for (vector_size_t i = 0; i < numRows; ++i) {
    references[static_cast<size_t>(i)] = RowReference{source, rows[i]};
  }
  return gather(references.data(), numRows);
}

PagePtr wrapPage(const Page& page, const BufferPtr& indices, vector_size_t size) {
  std::vector<VectorPtr> columns;
  columns.reserve(page.numColumns());
  for (const auto& column : page.columns()) {
    columns.push_back(wrapInDictionary(nullptr, indices, size, column));
  }
  return std::make_shared<Page>(size, std::move(columns));
}

PagePtr slicePage(const PagePtr& page, vector_size_t offset, vector_size_t length) {
  if (offset == 0 && length == page->numRows()) {
    return page;
  }
  auto indices = allocateIndices(length);
  auto* raw = indices->asMutable<vector_size_t>();
  for (vector_size_t i = 0; i < length; ++i) {
    raw[i] = offset + i;
  }
  return wrapPage(*page, indices, length);
}

VectorPtr makeNullVector(const TypePtr& type, vector_size_t size) {
  return makeConstant(type, Value::null(), size);
}

VectorPtr copyRows(const BaseVector& source, const vector_size_t* rows, vector_size_t numRows) {
  VectorGather gather(source.type(), {&source});
  return gather.gather(0, rows, numRows);
}

PagePtr concatenatePages(const std::vector<TypePtr>& types, const std::vector<PagePtr>& pages) {
  std::vector<RowReference> rows;
  for (size_t p = 0; p < pages.size(); ++p) {
    for (vector_size_t row = 0; row < pages[p]->numRows(); ++row) {
      rows.push_back(RowReference{static_cast<int32_t>(p), row});
    }
  }
  std::vector<VectorPtr> columns;
  for (size_t column = 0; column < types.size(); ++column) {
    std::vector<const BaseVector*> sources;
    for (const auto& page : pages) {
      sources.push_back(page->column(column).get());
    }
    VectorGather gather(types[column], std::move(sources));
    columns.push_back(gather.gather(rows.data(), static_cast<vector_size_t>(rows.size())));
  }
  return std::make_shared<Page>(static_cast<vector_size_t>(rows.size()), std::move(columns));
}

} // namespace presto::exec
