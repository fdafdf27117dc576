#include "exec/RowComparator.h"

#include <cmath>

#include "type/Value.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto::exec {
namespace {

template <typename T>
int compareScalar(T left, T right) {
  if constexpr (std::is_same_v<T, StringView>) {
    int result = left.compare(right);
    return result < 0 ? -1 : (result > 0 ? 1 : 0);
  } else if constexpr (std::is_floating_point_v<T>) {
    bool leftNan = std::isnan(left);
    bool rightNan = std::isnan(right);
    if (leftNan || rightNan) {
      return leftNan == rightNan ? 0 : (leftNan ? 1 : -1);
    }
    return left < right ? -1 : (left > right ? 1 : 0);
  } else {
    return left < right ? -1 : (left > right ? 1 : 0);
  }
}

} // namespace

RowComparator::RowComparator(std::vector<TypePtr> types, std::vector<SortKey> keys)
    : types_(std::move(types)), keys_(std::move(keys)) {}

void RowComparator::addPage(const Page& page) {
  std::vector<std::unique_ptr<DecodedVector>> decoded;
  std::vector<const BaseVector*> columns;
  for (const auto& key : keys_) {
    const auto& column = page.column(static_cast<size_t>(key.channel));
    decoded.push_back(std::make_unique<DecodedVector>(*column));
    columns.push_back(column.get());
  }
  decoded_.push_back(std::move(decoded));
  columns_.push_back(std::move(columns));
}

int RowComparator::compare(const RowReference& left, const RowReference& right) const {
  return compare(left, right, keys_.size());
}

int RowComparator::compare(const RowReference& left, const RowReference& right, size_t numKeys) const {
  for (size_t i = 0; i < numKeys; ++i) {
    const auto& key = keys_[i];
    const auto& leftDecoded = *decoded_[static_cast<size_t>(left.source)][i];
    const auto& rightDecoded = *decoded_[static_cast<size_t>(right.source)][i];
    bool leftNull = leftDecoded.isNullAt(left.row);
    bool rightNull = rightDecoded.isNullAt(right.row);
    if (leftNull || rightNull) {
      if (leftNull && rightNull) {
        continue;
      }
      return leftNull == key.order.nullsFirst ? -1 : 1;
    }
    const auto& type = *types_[static_cast<size_t>(key.channel)];
    int result;
    if (type.isPrimitive()) {
      result = dispatchScalar(type, [&](auto tag) {
        using T = typename decltype(tag)::type;
        return compareScalar<T>(leftDecoded.valueAt<T>(left.row), rightDecoded.valueAt<T>(right.row));
      });
    } else {
      result = compareValues(type, valueAt(*columns_[static_cast<size_t>(left.source)][i], left.row),
          valueAt(*columns_[static_cast<size_t>(right.source)][i], right.row));
    }
    if (result != 0) {
      return key.order.ascending ? result : -result;
    }
  }
  return 0;
}

} // namespace presto::exec
