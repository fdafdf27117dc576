#include <map>

#include "function/BuiltinFunctions.h"
#include "function/aggregate/HeapStateAggregate.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

/// Orders map keys of one type.
struct KeyLess {
  const Type* type;
  bool operator()(const Value& left, const Value& right) const { return compareValues(*type, left, right) < 0; }
};

using SortedEntries = std::map<Value, Value, KeyLess>;

/// Aggregates that build one map per group, keys in ascending order; rows with a NULL key are
/// skipped and a group without entries is NULL. The intermediate is the partial map. `kHistogram`
/// counts the occurrences of each value (histogram(x) -> map(x, bigint)); otherwise the first value
/// seen for a key is kept (map_agg(k, v) -> map(k, v)).
template <bool kHistogram>
class MapBuildingAggregate final : public HeapStateAggregate<SortedEntries> {
 public:
  explicit MapBuildingAggregate(const TypePtr& mapType) : HeapStateAggregate(mapType, mapType) {}

  void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const override {
    rows.applyToSelected([&](vector_size_t row) {
      if (args[0]->isNullAt(row)) return;
      auto key = valueAt(*args[0], row);
      if constexpr (kHistogram) {
        add(groups[row], std::move(key), Value(int64_t{1}));
      } else {
        add(groups[row], std::move(key), valueAt(*args[1], row));
      }
    });
  }

  void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const override {
    rows.applyToSelected([&](vector_size_t row) {
      if (intermediate->isNullAt(row)) return;
      auto partial = valueAt(*intermediate, row);
      auto& map = partial.as<MapValue>();
      for (size_t i = 0; i < map.keys.size(); ++i) add(groups[row], std::move(map.keys[i]), std::move(map.values[i]));
    });
  }

  VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const override { return extract(groups, numGroups); }
  VectorPtr extractFinal(char* const* groups, size_t numGroups) const override { return extract(groups, numGroups); }

 private:
  void add(char* group, Value key, Value value) const {
    auto& entries = slot(group);
    if (!entries) entries = new SortedEntries(KeyLess{resultType()->childAt(0).get()});
    auto [position, inserted] = entries->try_emplace(std::move(key), value);
    if (kHistogram && !inserted) {
      position->second = Value(position->second.as<int64_t>() + value.as<int64_t>());
    }
  }

  VectorPtr extract(char* const* groups, size_t numGroups) const {
    std::vector<Value> maps;
    maps.reserve(numGroups);
    for (size_t i = 0; i < numGroups; ++i) {
      const auto* entries = stateOf(groups[i]);
      if (!entries) {
        maps.emplace_back();
        continue;
      }
      MapValue map;
      for (const auto& [key, value] : *entries) {
        map.keys.push_back(key);
        map.values.push_back(value);
      }
      maps.emplace_back(std::move(map));
    }
    return vectorFromValues(resultType(), maps);
  }
};

} // namespace

void registerMapAggregates(FunctionRegistry& registry) {
  registry.registerAggregate(
      makeSignature("map_agg", {"K", "V"}, "map(K,V)", {{"K", TypeConstraint::kOrderable}, {"V", TypeConstraint::kNone}}),
      {FunctionKind::kAggregate, true, "map of keys to values; the first value of a repeated key is kept", false},
      [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
        return std::make_shared<MapBuildingAggregate<false>>(binding.returnType);
      });
  registry.registerAggregate(makeSignature("histogram", {"T"}, "map(T,bigint)", {{"T", TypeConstraint::kOrderable}}),
      {FunctionKind::kAggregate, true, "map of each non-null value to its number of occurrences", false},
      [](const FunctionBinding& binding) -> std::shared_ptr<const AggregateFunction> {
        return std::make_shared<MapBuildingAggregate<true>>(binding.returnType);
      });
}

} // namespace presto
