#include <algorithm>

#include <fmt/format.h>

#include "function/BuiltinFunctions.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

BufferPtr toBuffer(const std::vector<vector_size_t>& values) {
  auto buffer = allocateIndices(std::max<vector_size_t>(static_cast<vector_size_t>(values.size()), 1));
  std::copy(values.begin(), values.end(), buffer->asMutable<vector_size_t>());
  return buffer;
}

/// The entries of the selected, non-null maps laid out one after another (keys and values as
/// dictionaries over the map's vectors), with the outer row each belongs to: the input of a
/// lambda (k, v) -> ... applied entry-wise.
struct EntryRows {
  EntryRows(const BaseVector& mapVector, const SelectivityVector& rows)
      : decoded(mapVector, rows), offsets(static_cast<size_t>(rows.size()), 0), sizes(static_cast<size_t>(rows.size()), 0) {
    const auto* base = decoded.base()->as<MapVector>();
    nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(std::max(rows.size(), 1))), true);
    for (vector_size_t row = 0; row < rows.size(); ++row) {
      offsets[static_cast<size_t>(row)] = static_cast<vector_size_t>(entryIndices.size());
      if (!rows.isValid(row) || decoded.isNullAt(row)) {
        bits::setBit(nulls->asMutable<uint64_t>(), static_cast<size_t>(row));
        continue;
      }
      auto index = decoded.index(row);
      for (vector_size_t i = 0; i < base->sizeAt(index); ++i) {
        entryIndices.push_back(base->offsetAt(index) + i);
        outerRows.push_back(row);
      }
      sizes[static_cast<size_t>(row)] = base->sizeAt(index);
    }
    baseKeys = base->mapKeys();
    baseValues = base->mapValues();
    keys = pick(baseKeys, entryIndices);
    values = pick(baseValues, entryIndices);
  }

  vector_size_t numEntries() const { return static_cast<vector_size_t>(entryIndices.size()); }

  /// Applies `lambda` to every (key, value); the result has numEntries() rows (nullptr if none).
  VectorPtr apply(const LambdaFunction& lambda, EvalContext& context) const {
    VectorPtr result;
    if (numEntries() == 0) return result;
    lambda.apply(SelectivityVector(numEntries()), {keys, values}, outerRows.data(), context, result);
    return result;
  }

  /// Rows `indices` of `base` as a dictionary (an empty vector of its type when there are none).
  static VectorPtr pick(const VectorPtr& base, const std::vector<vector_size_t>& indices) {
    auto count = static_cast<vector_size_t>(indices.size());
    return count == 0 ? BaseVector::create(base->type(), 0) : wrapInDictionary(nullptr, toBuffer(indices), count, base);
  }

  DecodedVector decoded;
  std::vector<vector_size_t> offsets;
  std::vector<vector_size_t> sizes;
  std::vector<vector_size_t> entryIndices;
  std::vector<vector_size_t> outerRows;
  BufferPtr nulls;
  VectorPtr baseKeys;
  VectorPtr baseValues;
  VectorPtr keys;
  VectorPtr values;
};

/// transform_values(map(K,V), function(K,V,U)) -> map(K,U).
class TransformValuesFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    EntryRows input(*args[0], rows);
    auto values = input.apply(*lambdas[1], context);
    if (!values) values = BaseVector::create(outputType->childAt(1), 0);
    result = std::make_shared<MapVector>(outputType, rows.size(), toBuffer(input.offsets), toBuffer(input.sizes), input.keys, values, input.nulls);
  }
};

/// transform_keys(map(K,V), function(K,V,U)) -> map(U,V); new keys must be non-null and distinct.
class TransformKeysFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    EntryRows input(*args[0], rows);
    auto keys = input.apply(*lambdas[1], context);
    if (!keys) keys = BaseVector::create(outputType->childAt(0), 0);
    auto nulls = input.nulls;
    for (vector_size_t row = 0; row < rows.size(); ++row) {
      if (bits::isBitSet(nulls->as<uint64_t>(), static_cast<size_t>(row))) continue;
      std::vector<Value> seen;
      auto begin = input.offsets[static_cast<size_t>(row)];
      for (vector_size_t i = begin; i < begin + input.sizes[static_cast<size_t>(row)]; ++i) {
        auto key = valueAt(*keys, i);
        std::string error;
        if (key.isNull()) {
          error = "map key cannot be null";
        } else if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
          error = fmt::format("Duplicate map keys ({}) are not allowed", key.toString(*outputType->childAt(0)));
        }
        if (!error.empty()) {
          context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, std::move(error));
          bits::setBit(nulls->asMutable<uint64_t>(), static_cast<size_t>(row));
          break;
        }
        seen.push_back(std::move(key));
      }
    }
    result = std::make_shared<MapVector>(outputType, rows.size(), toBuffer(input.offsets), toBuffer(input.sizes), keys, input.values, nulls);
  }
};

/// map_filter(map(K,V), function(K,V,boolean)) -> map(K,V): the entries for which the lambda is true.
class MapFilterFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    EntryRows input(*args[0], rows);
    auto keep = input.apply(*lambdas[1], context);
    std::vector<vector_size_t> offsets(static_cast<size_t>(rows.size()), 0);
    std::vector<vector_size_t> sizes(static_cast<size_t>(rows.size()), 0);
    std::vector<vector_size_t> kept;
    if (keep) {
      DecodedVector decoded(*keep);
      for (vector_size_t row = 0; row < rows.size(); ++row) {
        offsets[static_cast<size_t>(row)] = static_cast<vector_size_t>(kept.size());
        auto begin = input.offsets[static_cast<size_t>(row)];
        for (vector_size_t entry = begin; entry < begin + input.sizes[static_cast<size_t>(row)]; ++entry) {
          if (!decoded.isNullAt(entry) && decoded.valueAt<bool>(entry)) {
            kept.push_back(input.entryIndices[static_cast<size_t>(entry)]);
            ++sizes[static_cast<size_t>(row)];
          }
        }
      }
    }
    result = std::make_shared<MapVector>(outputType, rows.size(), toBuffer(offsets), toBuffer(sizes),
        EntryRows::pick(input.baseKeys, kept), EntryRows::pick(input.baseValues, kept), input.nulls);
  }
};

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

} // namespace

void registerMapLambdaFunctions(FunctionRegistry& registry) {
  auto variables = std::vector<std::pair<std::string, TypeConstraint>>{
      {"K", TypeConstraint::kComparable}, {"V", TypeConstraint::kNone}, {"U", TypeConstraint::kNone}};
  registry.registerScalar(makeSignature("transform_values", {"map(K,V)", "function(K,V,U)"}, "map(K,U)", variables),
      describe("apply a lambda (k, v) to every value"), [](const FunctionBinding&) { return std::make_shared<TransformValuesFunction>(); });
  auto keyVariables = std::vector<std::pair<std::string, TypeConstraint>>{
      {"K", TypeConstraint::kComparable}, {"V", TypeConstraint::kNone}, {"U", TypeConstraint::kComparable}};
  registry.registerScalar(makeSignature("transform_keys", {"map(K,V)", "function(K,V,U)"}, "map(U,V)", keyVariables),
      describe("apply a lambda (k, v) to every key; new keys must be distinct"),
      [](const FunctionBinding&) { return std::make_shared<TransformKeysFunction>(); });
  registry.registerScalar(makeSignature("map_filter", {"map(K,V)", "function(K,V,boolean)"}, "map(K,V)", variables),
      describe("entries for which the lambda (k, v) is true"), [](const FunctionBinding&) { return std::make_shared<MapFilterFunction>(); });
}

} // namespace presto
