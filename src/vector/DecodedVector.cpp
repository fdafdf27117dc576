#include "vector/DecodedVector.h"

#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/LazyVector.h"
#include "vector/TypeDispatch.h"

namespace presto {

void DecodedVector::reset(vector_size_t size) {
  base_ = nullptr;
  data_ = nullptr;
  baseNulls_ = nullptr;
  wrapperNulls_ = nullptr;
  indices_ = nullptr;
  size_ = size;
  constantIndex_ = 0;
  isIdentity_ = true;
  isConstant_ = false;
  constantIsNull_ = false;
}

void DecodedVector::setBase(const BaseVector& base) {
  base_ = &base;
  baseNulls_ = base.rawNulls();
  data_ = nullptr;
  if (base.encoding() == VectorEncoding::kFlat) {
    data_ = dispatchScalar(*base.type(), [&](auto tag) -> const void* {
      using T = typename decltype(tag)::type;
      return base.as<FlatVector<T>>()->rawValues();
    });
  }
}

void DecodedVector::decode(const BaseVector& vector) {
  decode(vector, SelectivityVector(vector.size()));
}

void DecodedVector::decode(const BaseVector& vector, const SelectivityVector& rows) {
  reset(vector.size());
  const BaseVector* current = &vector;
  if (current->encoding() == VectorEncoding::kLazy) {
    current = current->as<LazyVector>()->load(rows).get();
  }
  switch (current->encoding()) {
    case VectorEncoding::kConstant: {
      isIdentity_ = false;
      isConstant_ = true;
      constantIsNull_ = current->isNullAt(0);
      constantIndex_ = current->wrappedIndex(0);
      setBase(*current->wrappedVector());
      return;
    }
    case VectorEncoding::kDictionary:
      applyDictionary(*current, rows);
      return;
    default:
      setBase(*current);
      return;
  }
}

void DecodedVector::makeIndices(const SelectivityVector& rows) {
  copiedIndices_.resize(static_cast<size_t>(size_));
  rows.applyToSelected([&](vector_size_t row) { copiedIndices_[static_cast<size_t>(row)] = row; });
}

// Composes the indices of a chain of dictionaries (possibly ending in a constant) and collects the
// nulls that the dictionaries add on the way.
void DecodedVector::applyDictionary(const BaseVector& dictionary, const SelectivityVector& rows) {
  isIdentity_ = false;
  makeIndices(rows);
  bool hasWrapperNulls = false;
  const BaseVector* current = &dictionary;
  while (true) {
    if (current->encoding() == VectorEncoding::kLazy) {
      current = current->as<LazyVector>()->loadedVector().get();
      continue;
    }
    if (current->encoding() == VectorEncoding::kDictionary) {
      const auto* wrapper = current->as<DictionaryVector>();
      const auto* nulls = wrapper->rawNulls();
      const auto* indices = wrapper->rawIndices();
      if (nulls && !hasWrapperNulls) {
        copiedNulls_.assign(bits::numWords(static_cast<size_t>(size_)), 0);
        hasWrapperNulls = true;
      }
      rows.applyToSelected([&](vector_size_t row) {
        auto& index = copiedIndices_[static_cast<size_t>(row)];
        if (hasWrapperNulls && bits::isBitSet(copiedNulls_.data(), static_cast<size_t>(row))) {
          return;
        }
        if (nulls && bits::isBitSet(nulls, static_cast<size_t>(index))) {
          bits::setBit(copiedNulls_.data(), static_cast<size_t>(row));
          index = 0;
          return;
        }
        index = indices[index];
      });
      current = wrapper->valueVector().get();
      continue;
    }
    if (current->encoding() == VectorEncoding::kConstant) {
      // Every row that is not already NULL shows the constant's single value.
      bool constantIsNull = current->isNullAt(0);
      vector_size_t constantIndex = current->wrappedIndex(0);
      if (constantIsNull && !hasWrapperNulls) {
        copiedNulls_.assign(bits::numWords(static_cast<size_t>(size_)), 0);
        hasWrapperNulls = true;
      }
      rows.applyToSelected([&](vector_size_t row) {
        copiedIndices_[static_cast<size_t>(row)] = constantIndex;
        if (constantIsNull) {
          bits::setBit(copiedNulls_.data(), static_cast<size_t>(row));
        }
      });
      current = current->wrappedVector();
    }
    break;
  }
  setBase(*current);
  indices_ = copiedIndices_.data();
  wrapperNulls_ = hasWrapperNulls ? copiedNulls_.data() : nullptr;
}

} // namespace presto
