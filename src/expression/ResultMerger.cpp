#include "expression/ResultMerger.h"

#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto {

ResultMerger::ResultMerger(TypePtr type, vector_size_t size)
    : type_(std::move(type)), size_(size), written_(bits::numWords(static_cast<size_t>(size)), 0) {
  if (type_->isPrimitive()) {
    flat_ = BaseVector::create(type_, size);
  } else {
    values_.resize(static_cast<size_t>(size));
  }
}

void ResultMerger::copy(const SelectivityVector& rows, const VectorPtr& source) {
  rows.applyToSelected([&](vector_size_t row) { bits::setBit(written_.data(), static_cast<size_t>(row)); });
  if (!flat_) {
    rows.applyToSelected([&](vector_size_t row) { values_[static_cast<size_t>(row)] = valueAt(*source, row); });
    return;
  }
  DecodedVector decoded(*source, rows);
  dispatchScalar(*type_, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto* target = flat_->as<FlatVector<T>>();
    if constexpr (std::is_same_v<T, StringView>) {
      if (decoded.base()->encoding() == VectorEncoding::kFlat) {
        for (const auto& buffer : decoded.base()->template as<FlatVector<StringView>>()->stringBuffers()) {
          target->addStringBuffer(buffer);
        }
      }
    }
    bool hasNulls = decoded.mayHaveNulls() || type_->kind() == TypeKind::kUnknown;
    T* values = target->mutableRawValues();
    rows.applyToSelected([&](vector_size_t row) {
      if (hasNulls && (type_->kind() == TypeKind::kUnknown || decoded.isNullAt(row))) {
        target->setNull(row, true);
      } else {
        values[row] = decoded.valueAt<T>(row);
        if (target->rawNulls()) {
          target->setNull(row, false);
        }
      }
    });
  });
}

void ResultMerger::setNull(vector_size_t row) {
  bits::setBit(written_.data(), static_cast<size_t>(row));
  if (flat_) {
    flat_->setNull(row, true);
  } else {
    values_[static_cast<size_t>(row)] = Value();
  }
}

VectorPtr ResultMerger::finish() {
  if (!flat_) {
    return vectorFromValues(type_, values_);
  }
  for (vector_size_t row = 0; row < size_; ++row) {
    if (!bits::isBitSet(written_.data(), static_cast<size_t>(row))) {
      flat_->setNull(row, true);
    }
  }
  return flat_;
}

} // namespace presto
