#include "exec/RowHash.h"

#include "expression/RowExpression.h"
#include "vector/DecodedVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto::exec {

void hashColumn(const BaseVector& column, vector_size_t numRows, bool combine, uint64_t* hashes) {
  auto store = [&](vector_size_t row, uint64_t hash) {
    hashes[row] = combine ? combineHash(hashes[row], hash) : hash;
  };
  if (!column.type()->isPrimitive()) {
    for (vector_size_t row = 0; row < numRows; ++row) {
      auto value = valueAt(column, row);
      store(row, value.isNull() ? kNullHash : mixHash(::presto::hashValue(value)));
    }
    return;
  }
  DecodedVector decoded(column);
  dispatchScalar(*column.type(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    for (vector_size_t row = 0; row < numRows; ++row) {
      store(row, decoded.isNullAt(row) ? kNullHash : hashScalar(decoded.valueAt<T>(row)));
    }
  });
}

void hashRows(const Page& page, const std::vector<int32_t>& channels, std::vector<uint64_t>& hashes) {
  hashes.resize(static_cast<size_t>(page.numRows()));
  for (size_t i = 0; i < channels.size(); ++i) {
    hashColumn(*page.column(static_cast<size_t>(channels[i])), page.numRows(), i > 0, hashes.data());
  }
}

} // namespace presto::exec
