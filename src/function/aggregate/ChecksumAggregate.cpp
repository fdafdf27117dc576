#include <xxhash.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include "common/Check.h"
#include "function/BuiltinFunctions.h"
#include "function/aggregate/AggregateFunction.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

namespace presto {
namespace {

/// Presto's multiplier of each value's hash (and the whole contribution of a NULL).
constexpr uint64_t kPrime64 = 0x9E3779B185EBCA87ULL;

/// Presto's xxHash64 of a value: of its bytes for strings and long decimals, of its 64-bit
/// (little-endian) value for integers, dates, timestamps and short decimals, of the canonical
/// bits for doubles (and of the 32-bit pattern widened for reals).
template <typename T>
uint64_t xxHash64(T value) {
  if constexpr (std::is_same_v<T, StringView>) {
    return XXH64(value.data(), value.size(), 0);
  } else if constexpr (std::is_same_v<T, int128_t>) {
    return XXH64(&value, sizeof(value), 0);
  } else if constexpr (std::is_same_v<T, double>) {
    double canonical = std::isnan(value) ? std::numeric_limits<double>::quiet_NaN() : value;
    int64_t bits;
    std::memcpy(&bits, &canonical, sizeof(bits));
    return XXH64(&bits, sizeof(bits), 0);
  } else if constexpr (std::is_same_v<T, float>) {
    float canonical = std::isnan(value) ? std::numeric_limits<float>::quiet_NaN() : value;
    int32_t bits;
    std::memcpy(&bits, &canonical, sizeof(bits));
    int64_t widened = bits;
    return XXH64(&widened, sizeof(widened), 0);
  } else {
    auto widened = static_cast<int64_t>(value);
    return XXH64(&widened, sizeof(widened), 0);
  }
}

/// checksum(x): an order-insensitive checksum, as Presto computes it: the wrapping sum over the
/// rows of xxHash64(x) * kPrime64 (kPrime64 for a NULL), as 8 little-endian bytes; NULL when the
/// group has no rows. The intermediate is the sum (bigint), NULL for no rows.
template <typename T>
class ChecksumAggregate final : public AggregateFunction {
 public:
  ChecksumAggregate() : AggregateFunction(BIGINT(), VARBINARY()) {}

  size_t accumulatorSize() const override { return sizeof(State); }
  void initialize(char* const* groups, size_t numGroups) const override {
    for (size_t i = 0; i < numGroups; ++i) state(groups[i]) = State{};
  }

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    DecodedVector values(*args[0], rows);
    rows.applyToSelected([&](vector_size_t row) {
      auto& group = state(groups[row]);
      group.seen = true;
      group.sum += values.isNullAt(row) ? kPrime64 : xxHash64(values.valueAt<T>(row)) * kPrime64;
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    DecodedVector sums(*intermediate, rows);
    rows.applyToSelected([&](vector_size_t row) {
      if (sums.isNullAt(row)) return;
      auto& group = state(groups[row]);
      group.seen = true;
      group.sum += static_cast<uint64_t>(sums.valueAt<int64_t>(row));
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    auto result = FlatVector<int64_t>::create(intermediateType(), size);
    for (vector_size_t i = 0; i < size; ++i) {
      const auto& group = state(groups[i]);
      if (group.seen) {
        result->set(i, static_cast<int64_t>(group.sum));
      } else {
        result->setNull(i, true);
      }
    }
    return result;
  }

  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override {
    auto size = static_cast<vector_size_t>(numGroups);
    auto result = FlatVector<StringView>::create(resultType(), size);
    for (vector_size_t i = 0; i < size; ++i) {
      const auto& group = state(groups[i]);
      if (!group.seen) {
        result->setNull(i, true);
        continue;
      }
      char bytes[8];
      for (int b = 0; b < 8; ++b) {
        bytes[b] = static_cast<char>((group.sum >> (8 * b)) & 0xff);
      }
      result->set(i, result->copyString(std::string_view(bytes, sizeof(bytes))));
    }
    return result;
  }

 private:
  struct State {
    uint64_t sum = 0;
    bool seen = false;
  };
  static State& state(char* group) { return *reinterpret_cast<State*>(group); }
};

std::shared_ptr<const AggregateFunction> makeChecksum(const FunctionBinding& binding) {
  const auto& type = binding.argumentTypes[0];
  PRESTO_USER_CHECK(type->isPrimitive(), errors::NOT_SUPPORTED, "checksum of {} is not supported", type->toString());
  return dispatchScalar(*type, [&](auto tag) -> std::shared_ptr<const AggregateFunction> {
    return std::make_shared<ChecksumAggregate<typename decltype(tag)::type>>();
  });
}

} // namespace

void registerChecksumAggregate(FunctionRegistry& registry) {
  FunctionMetadata metadata{FunctionKind::kAggregate, true, "order-insensitive checksum of the values (varbinary)", false};
  registry.registerAggregate(makeSignature("checksum", {"T"}, "varbinary", {{"T", TypeConstraint::kComparable}}), metadata, makeChecksum);
}

} // namespace presto
