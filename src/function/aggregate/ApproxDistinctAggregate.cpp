#include <xxhash.h>

#include <memory>

#include "common/Check.h"
#include "function/BuiltinFunctions.h"
#include "function/aggregate/HeapStateAggregate.h"
#include "function/aggregate/HyperLogLog.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

namespace presto {
namespace {

/// A 64-bit hash of a value; equal values hash equally (-0.0 and 0.0, every NaN).
template <typename T>
uint64_t hashValue(T value) {
  if constexpr (std::is_same_v<T, StringView>) {
    return XXH64(value.data(), value.size(), 0);
  } else if constexpr (std::is_floating_point_v<T>) {
    double normalized = value == 0 ? 0.0 : (std::isnan(value) ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(value));
    return XXH64(&normalized, sizeof(normalized), 0);
  } else if constexpr (std::is_same_v<T, int128_t>) {
    return XXH64(&value, sizeof(value), 0);
  } else {
    auto widened = static_cast<int64_t>(value);
    return XXH64(&widened, sizeof(widened), 0);
  }
}

/// approx_distinct(x[, maxStandardError]): a HyperLogLog sketch per group, exact while small. The
/// intermediate is the serialized sketch (varbinary); an empty group counts 0.
template <typename T>
class ApproxDistinctAggregate final : public HeapStateAggregate<HyperLogLog> {
 public:
  ApproxDistinctAggregate() : HeapStateAggregate(VARBINARY(), BIGINT()) {}

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    DecodedVector values(*args[0], rows);
    int indexBits = HyperLogLog::kDefaultIndexBits;
    if (args.size() > 1) {
      // The error bound is a constant of the query; the first non-null row gives it.
      DecodedVector error(*args[1], rows);
      std::optional<vector_size_t> first;
      rows.applyToSelected([&](vector_size_t row) {
        if (!first && !error.isNullAt(row)) first = row;
      });
      if (first) indexBits = HyperLogLog::indexBitsForError(error.valueAt<double>(*first));
    }
    rows.applyToSelected([&](vector_size_t row) {
      if (values.isNullAt(row)) return;
      auto& sketch = slot(groups[row]);
      if (!sketch) sketch = new HyperLogLog(indexBits);
      sketch->add(hashValue(values.valueAt<T>(row)));
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    DecodedVector decoded(*intermediate, rows);
    rows.applyToSelected([&](vector_size_t row) {
      if (decoded.isNullAt(row)) return;
      auto other = HyperLogLog::deserialize(decoded.valueAt<StringView>(row).view());
      auto& sketch = slot(groups[row]);
      if (!sketch) {
        sketch = new HyperLogLog(std::move(other));
      } else {
        sketch->merge(other);
      }
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    auto result = FlatVector<StringView>::create(intermediateType(), size);
    for (vector_size_t i = 0; i < size; ++i) {
      const auto* sketch = stateOf(groups[i]);
      if (!sketch) {
        result->setNull(i, true);
      } else {
        result->set(i, result->copyString(sketch->serialize()));
      }
    }
    return result;
  }

  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    auto result = FlatVector<int64_t>::create(resultType(), size);
    for (vector_size_t i = 0; i < size; ++i) {
      const auto* sketch = stateOf(groups[i]);
      result->set(i, sketch ? sketch->cardinality() : 0);
    }
    return result;
  }
};

std::shared_ptr<const AggregateFunction> makeApproxDistinct(const FunctionBinding& binding) {
  const auto& type = binding.argumentTypes[0];
  PRESTO_USER_CHECK(type->isPrimitive(), errors::NOT_SUPPORTED, "approx_distinct of {} is not supported", type->toString());
  return dispatchScalar(*type, [&](auto tag) -> std::shared_ptr<const AggregateFunction> {
    return std::make_shared<ApproxDistinctAggregate<typename decltype(tag)::type>>();
  });
}

} // namespace

void registerApproxDistinctAggregate(FunctionRegistry& registry) {
  FunctionMetadata metadata{FunctionKind::kAggregate, true,
      "approximate number of distinct non-null values (HyperLogLog, standard error 0.023 or as given; exact below "
      "a quarter of the register count)",
      false};
  registry.registerAggregate(makeSignature("approx_distinct", {"T"}, "bigint", {{"T", TypeConstraint::kComparable}}), metadata, makeApproxDistinct);
  registry.registerAggregate(makeSignature("approx_distinct", {"T", "double"}, "bigint", {{"T", TypeConstraint::kComparable}}), metadata, makeApproxDistinct);
}

} // namespace presto
