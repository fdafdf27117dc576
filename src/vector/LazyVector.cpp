#include "vector/LazyVector.h"

#include "common/Check.h"

namespace presto {

const VectorPtr& LazyVector::load(const SelectivityVector& rows) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!loaded_) {
    loaded_ = loader_->load(rows, size_);
    PRESTO_CHECK(loaded_ && loaded_->size() >= size_, "lazy vector loader returned too few rows");
    PRESTO_CHECK(sameType(loaded_->type(), type_), "lazy vector loaded {} for type {}",
        loaded_->type()->toString(), type_->toString());
    loader_.reset();
    isLoaded_.store(true, std::memory_order_release);
  }
  return loaded_;
}

const VectorPtr& LazyVector::loadedVector() const {
  if (isLoaded()) {
    return loaded_;
  }
  return load(SelectivityVector(size_));
}

const VectorPtr& loadedVectorOf(const VectorPtr& vector) {
  if (vector->encoding() == VectorEncoding::kLazy) {
    return vector->as<LazyVector>()->loadedVector();
  }
  return vector;
}

} // namespace presto
