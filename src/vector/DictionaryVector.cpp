#include "vector/DictionaryVector.h"

namespace presto {

VectorPtr wrapInDictionary(BufferPtr nulls, BufferPtr indices, vector_size_t size, VectorPtr base) {
  return std::make_shared<DictionaryVector>(std::move(nulls), std::move(indices), size, std::move(base));
}

BufferPtr allocateIndices(vector_size_t size) {
  return Buffer::allocate(static_cast<size_t>(std::max(size, 1)) * sizeof(vector_size_t), true);
}

} // namespace presto
