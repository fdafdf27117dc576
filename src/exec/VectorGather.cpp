#include "exec/VectorGather.h"

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
  return dispatchScalar(*type_, [&](auto tag) -> VectorPtr {
    using T = typename decltype(tag)::type;
    auto result = FlatVector<T>::create(type_, numRows);
    T* values = result->mutableRawValues();
    if constexpr (std::is_same_v<T, StringView>) {
      std::vector<bool> shared(sources_.size(), false);
      for (vector_size_t i = 0; i < numRows; ++i) {
        auto source = static_cast<size_t>(rows[i].source);
        if (!shared[source]) {
          shared[source] = true;
          const auto* base = decoded_[source]->base();
          if (base != nullptr && base->encoding() == VectorEncoding::kFlat) {
            for (const auto& buffer : base->template as<FlatVector<StringView>>()->stringBuffers()) {
              result->addStringBuffer(buffer);
            }
          }
        }
      }
    }
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
