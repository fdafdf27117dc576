#include <algorithm>

#include "common/Check.h"
#include "function/BuiltinFunctions.h"
#include "function/CallableFunction.h"
#include "function/scalar/ValueFunction.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description, bool hidden = false) {
  return {FunctionKind::kScalar, true, std::move(description), hidden};
}

/// A map argument decoded to its base MapVector.
struct DecodedMap {
  DecodedMap(const BaseVector& vector, const SelectivityVector& rows) : decoded(vector, rows) {
    base = decoded.base()->as<MapVector>();
  }
  bool isNullAt(vector_size_t row) const { return decoded.isNullAt(row); }
  vector_size_t offset(vector_size_t row) const { return base->offsetAt(decoded.index(row)); }
  vector_size_t size(vector_size_t row) const { return base->sizeAt(decoded.index(row)); }

  DecodedVector decoded;
  const MapVector* base;
};

void cardinality(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type, EvalContext&, VectorPtr& result) {
  DecodedMap map(*args[0], rows);
  auto flat = FlatVector<int64_t>::create(type, rows.size());
  rows.applyToSelected([&](vector_size_t row) {
    if (map.isNullAt(row)) flat->setNull(row, true); else flat->set(row, map.size(row));
  });
  result = std::move(flat);
}

/// map_keys / map_values: arrays over the map's own keys or values vector, without copying.
VectorFunctionPtr makeKeysOrValues(bool keys) {
  return makeCallableFunction([keys](const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type,
                             EvalContext&, VectorPtr& result) {
    DecodedMap map(*args[0], rows);
    auto size = std::max(rows.size(), 1);
    auto offsets = allocateIndices(size);
    auto sizes = allocateIndices(size);
    std::fill_n(offsets->asMutable<vector_size_t>(), size, 0);
    std::fill_n(sizes->asMutable<vector_size_t>(), size, 0);
    BufferPtr nulls;
    rows.applyToSelected([&](vector_size_t row) {
      if (map.isNullAt(row)) {
        if (!nulls) nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(rows.size())), true);
        bits::setBit(nulls->asMutable<uint64_t>(), static_cast<size_t>(row));
        return;
      }
      offsets->asMutable<vector_size_t>()[row] = map.offset(row);
      sizes->asMutable<vector_size_t>()[row] = map.size(row);
    });
    result = std::make_shared<ArrayVector>(type, rows.size(), offsets, sizes,
        keys ? map.base->mapKeys() : map.base->mapValues(), nulls);
  });
}

/// Finds `key` among the keys of a map row; -1 when absent. Primitive keys compare typed, others
/// as Values.
class KeyFinder {
 public:
  KeyFinder(const MapVector& map, const BaseVector& searched, const SelectivityVector& rows)
      : keys_(*map.mapKeys()), searched_(searched, rows), keysVector_(*map.mapKeys()), searchedVector_(searched) {}

  vector_size_t find(vector_size_t searchedRow, vector_size_t offset, vector_size_t size) const {
    const auto& type = *keysVector_.type();
    if (!type.isPrimitive()) {
      auto key = valueAt(searchedVector_, searchedRow);
      for (vector_size_t i = offset; i < offset + size; ++i) {
        if (valueAt(keysVector_, i) == key) return i;
      }
      return -1;
    }
    return dispatchScalar(type, [&](auto tag) -> vector_size_t {
      using T = typename decltype(tag)::type;
      T key = searched_.valueAt<T>(searchedRow);
      for (vector_size_t i = offset; i < offset + size; ++i) {
        if (keys_.valueAt<T>(i) == key) return i;
      }
      return -1;
    });
  }

  std::string keyText(vector_size_t searchedRow) const {
    return valueAt(searchedVector_, searchedRow).toString(*searchedVector_.type());
  }

 private:
  DecodedVector keys_;
  DecodedVector searched_;
  const BaseVector& keysVector_;
  const BaseVector& searchedVector_;
};

/// element_at(map, key): NULL when the key is absent; the subscript operator fails instead.
VectorFunctionPtr makeElementAt(bool isSubscript) {
  return makeCallableFunction([isSubscript](const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type,
                             EvalContext& context, VectorPtr& result) {
    DecodedMap map(*args[0], rows);
    KeyFinder finder(*map.base, *args[1], rows);
    auto indices = allocateIndices(std::max(rows.size(), 1));
    auto* rawIndices = indices->asMutable<vector_size_t>();
    auto nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(std::max(rows.size(), 1))), true);
    auto* rawNulls = nulls->asMutable<uint64_t>();
    for (vector_size_t row = 0; row < rows.size(); ++row) {
      rawIndices[row] = 0;
      bits::setBit(rawNulls, static_cast<size_t>(row));
      if (!rows.isValid(row) || map.isNullAt(row) || args[1]->isNullAt(row)) continue;
      auto found = finder.find(row, map.offset(row), map.size(row));
      if (found < 0) {
        if (isSubscript) {
          context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, "Key not present in map: " + finder.keyText(row));
        }
        continue;
      }
      rawIndices[row] = found;
      bits::clearBit(rawNulls, static_cast<size_t>(row));
    }
    if (map.base->mapValues()->size() == 0) {
      result = makeConstant(type, Value(), rows.size());
      return;
    }
    result = wrapInDictionary(nulls, indices, rows.size(), map.base->mapValues());
  });
}

void checkKey(const Value& key) {
  PRESTO_USER_CHECK(!key.isNull(), errors::INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
}

/// Appends an entry, replacing the value of an equal key already present (map_concat: the last
/// map wins) or failing on it (map, map_from_entries).
void putEntry(MapValue& map, Value key, Value value, bool replace, const Type& keyType) {
  checkKey(key);
  auto existing = std::find(map.keys.begin(), map.keys.end(), key);
  if (existing != map.keys.end()) {
    PRESTO_USER_CHECK(replace, errors::INVALID_FUNCTION_ARGUMENT, "Duplicate map keys ({}) are not allowed", key.toString(keyType));
    map.values[static_cast<size_t>(existing - map.keys.begin())] = std::move(value);
    return;
  }
  map.keys.push_back(std::move(key));
  map.values.push_back(std::move(value));
}

VectorFunctionPtr makeMapFromArrays(const TypePtr& keyType) {
  return std::make_shared<ValueFunction>([keyType](const std::vector<Value>& arguments) {
    const auto& keys = arguments[0].as<ArrayValue>().elements;
    const auto& values = arguments[1].as<ArrayValue>().elements;
    PRESTO_USER_CHECK(keys.size() == values.size(), errors::INVALID_FUNCTION_ARGUMENT,
        "Key and value arrays must be the same length");
    MapValue map;
    for (size_t i = 0; i < keys.size(); ++i) putEntry(map, keys[i], values[i], false, *keyType);
    return Value(std::move(map));
  });
}

VectorFunctionPtr makeMapConcat(const TypePtr& keyType) {
  return std::make_shared<ValueFunction>([keyType](const std::vector<Value>& arguments) {
    MapValue map;
    for (const auto& argument : arguments) {
      const auto& next = argument.as<MapValue>();
      for (size_t i = 0; i < next.keys.size(); ++i) putEntry(map, next.keys[i], next.values[i], true, *keyType);
    }
    return Value(std::move(map));
  });
}

VectorFunctionPtr makeMapEntries() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    const auto& map = arguments[0].as<MapValue>();
    std::vector<Value> entries;
    for (size_t i = 0; i < map.keys.size(); ++i) entries.push_back(Value::row({map.keys[i], map.values[i]}));
    return Value::array(std::move(entries));
  });
}

VectorFunctionPtr makeMapFromEntries(const TypePtr& keyType) {
  return std::make_shared<ValueFunction>([keyType](const std::vector<Value>& arguments) {
    MapValue map;
    for (const auto& entry : arguments[0].as<ArrayValue>().elements) {
      PRESTO_USER_CHECK(!entry.isNull(), errors::INVALID_FUNCTION_ARGUMENT, "map entry cannot be null");
      const auto& fields = entry.as<RowValue>().fields;
      putEntry(map, fields[0], fields[1], false, *keyType);
    }
    return Value(std::move(map));
  });
}

void registerMap(FunctionRegistry& registry, const std::string& name, const std::vector<std::string>& arguments,
    const std::string& returnType, FunctionMetadata metadata, VectorFunctionFactory factory, bool variableArity = false) {
  auto signature = makeSignature(name, arguments, returnType, {{"K", TypeConstraint::kComparable}, {"V", TypeConstraint::kNone}});
  signature.variableArity = variableArity;
  registry.registerScalar(std::move(signature), std::move(metadata), std::move(factory));
}

/// The key type of a binding whose first argument is a map (or, for map(), an array of keys).
TypePtr keyTypeOf(const FunctionBinding& binding) {
  return binding.returnType->childAt(0);
}

} // namespace

void registerMapFunctions(FunctionRegistry& registry) {
  auto shared = [](VectorFunctionPtr function) {
    return [function](const FunctionBinding&) { return function; };
  };
  registerMap(registry, "cardinality", {"map(K,V)"}, "bigint", describe("number of entries"), shared(makeCallableFunction(cardinality)));
  registerMap(registry, "map_keys", {"map(K,V)"}, "array(K)", describe("keys of the map"), shared(makeKeysOrValues(true)));
  registerMap(registry, "map_values", {"map(K,V)"}, "array(V)", describe("values of the map"), shared(makeKeysOrValues(false)));
  registerMap(registry, "element_at", {"map(K,V)", "K"}, "V", describe("value of the key; NULL when absent"), shared(makeElementAt(false)));
  registerMap(registry, operators::kSubscript, {"map(K,V)", "K"}, "V", describe("map subscript", true), shared(makeElementAt(true)));
  registerMap(registry, "map", {"array(K)", "array(V)"}, "map(K,V)", describe("map from arrays of keys and values"),
      [](const FunctionBinding& binding) { return makeMapFromArrays(keyTypeOf(binding)); });
  registry.registerScalar(makeSignature("map", {}, "map(unknown,unknown)"), describe("empty map"), [](const FunctionBinding&) {
    return std::make_shared<ValueFunction>([](const std::vector<Value>&) { return Value(MapValue{}); });
  });
  registerMap(registry, "map_concat", {"map(K,V)"}, "map(K,V)", describe("union of the maps; for equal keys the last map's value"),
      [](const FunctionBinding& binding) { return makeMapConcat(keyTypeOf(binding)); }, true);
  registerMap(registry, "map_entries", {"map(K,V)"}, "array(row(K,V))", describe("entries as rows of key and value"), shared(makeMapEntries()));
  registerMap(registry, "map_from_entries", {"array(row(K,V))"}, "map(K,V)", describe("map from rows of key and value"),
      [](const FunctionBinding& binding) { return makeMapFromEntries(keyTypeOf(binding)); });
}

} // namespace presto
