#include <numeric>

#include "function/BuiltinFunctions.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

/// The elements of the selected, non-null arrays laid out one after another, with the outer row
/// each belongs to: the input of a lambda applied element-wise.
struct ElementRows {
  ElementRows(const BaseVector& arrayVector, const SelectivityVector& rows) : decoded(arrayVector, rows) {
    const auto* base = decoded.base()->as<ArrayVector>();
    offsets.assign(static_cast<size_t>(rows.size()), 0);
    sizes.assign(static_cast<size_t>(rows.size()), 0);
    rows.applyToSelected([&](vector_size_t row) {
      offsets[static_cast<size_t>(row)] = static_cast<vector_size_t>(elementIndices.size());
      if (decoded.isNullAt(row)) return;
      auto index = decoded.index(row);
      for (vector_size_t i = 0; i < base->sizeAt(index); ++i) {
        elementIndices.push_back(base->offsetAt(index) + i);
        outerRows.push_back(row);
      }
      sizes[static_cast<size_t>(row)] = base->sizeAt(index);
    });
    auto count = static_cast<vector_size_t>(elementIndices.size());
    auto indices = allocateIndices(std::max(count, 1));
    std::copy(elementIndices.begin(), elementIndices.end(), indices->asMutable<vector_size_t>());
    elements = count == 0 ? BaseVector::create(base->elements()->type(), 0) : wrapInDictionary(nullptr, indices, count, base->elements());
    baseElements = base->elements();
  }

  vector_size_t numElements() const { return static_cast<vector_size_t>(elementIndices.size()); }

  /// Applies `lambda` to every element; result has numElements() rows.
  VectorPtr apply(const LambdaFunction& lambda, EvalContext& context) const {
    VectorPtr result;
    if (numElements() == 0) return result;
    lambda.apply(SelectivityVector(numElements()), {elements}, outerRows.data(), context, result);
    return result;
  }

  DecodedVector decoded;
  std::vector<vector_size_t> offsets;
  std::vector<vector_size_t> sizes;
  std::vector<vector_size_t> elementIndices;
  std::vector<vector_size_t> outerRows;
  VectorPtr elements;
  VectorPtr baseElements;
};

BufferPtr toBuffer(const std::vector<vector_size_t>& values) {
  auto buffer = allocateIndices(std::max<vector_size_t>(static_cast<vector_size_t>(values.size()), 1));
  std::copy(values.begin(), values.end(), buffer->asMutable<vector_size_t>());
  return buffer;
}

BufferPtr nullsOf(const ElementRows& input, const SelectivityVector& rows) {
  auto nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(rows.size())), true);
  for (vector_size_t row = 0; row < rows.size(); ++row) {
    if (!rows.isValid(row) || input.decoded.isNullAt(row)) bits::setBit(nulls->asMutable<uint64_t>(), static_cast<size_t>(row));
  }
  return nulls;
}

/// transform(array(T), function(T,U)) -> array(U)
class TransformFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    ElementRows input(*args[0], rows);
    auto values = input.apply(*lambdas[1], context);
    if (!values) values = BaseVector::create(outputType->childAt(0), 0);
    result = std::make_shared<ArrayVector>(outputType, rows.size(), toBuffer(input.offsets), toBuffer(input.sizes), values, nullsOf(input, rows));
  }
};

/// filter(array(T), function(T,boolean)) -> array(T): elements for which the lambda is true.
class FilterFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    ElementRows input(*args[0], rows);
    auto keep = input.apply(*lambdas[1], context);
    std::vector<vector_size_t> offsets(static_cast<size_t>(rows.size()), 0);
    std::vector<vector_size_t> sizes(static_cast<size_t>(rows.size()), 0);
    std::vector<vector_size_t> kept;
    if (keep) {
      DecodedVector decoded(*keep);
      for (vector_size_t row = 0; row < rows.size(); ++row) {
        offsets[static_cast<size_t>(row)] = static_cast<vector_size_t>(kept.size());
        auto begin = input.offsets[static_cast<size_t>(row)];
        for (vector_size_t i = 0; i < input.sizes[static_cast<size_t>(row)]; ++i) {
          auto element = begin + i;
          if (!decoded.isNullAt(element) && decoded.valueAt<bool>(element)) {
            kept.push_back(input.elementIndices[static_cast<size_t>(element)]);
            ++sizes[static_cast<size_t>(row)];
          }
        }
      }
    }
    auto count = static_cast<vector_size_t>(kept.size());
    VectorPtr elements = count == 0 ? BaseVector::create(outputType->childAt(0), 0)
                                    : wrapInDictionary(nullptr, toBuffer(kept), count, input.baseElements);
    result = std::make_shared<ArrayVector>(outputType, rows.size(), toBuffer(offsets), toBuffer(sizes), elements, nullsOf(input, rows));
  }
};

/// zip_with(array(T), array(U), function(T,U,R)) -> array(R): the lambda over pairs of i-th
/// elements, the shorter array padded with NULLs.
class ZipWithFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    ElementRows left(*args[0], rows);
    ElementRows right(*args[1], rows);
    std::vector<vector_size_t> offsets(static_cast<size_t>(rows.size()), 0);
    std::vector<vector_size_t> sizes(static_cast<size_t>(rows.size()), 0);
    std::vector<vector_size_t> leftIndices, rightIndices, outerRows;
    std::vector<bool> leftMissing, rightMissing;
    auto nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(std::max(rows.size(), 1))), true);
    for (vector_size_t row = 0; row < rows.size(); ++row) {
      auto r = static_cast<size_t>(row);
      offsets[r] = static_cast<vector_size_t>(outerRows.size());
      if (!rows.isValid(row) || left.decoded.isNullAt(row) || right.decoded.isNullAt(row)) {
        bits::setBit(nulls->asMutable<uint64_t>(), r);
        continue;
      }
      sizes[r] = std::max(left.sizes[r], right.sizes[r]);
      for (vector_size_t i = 0; i < sizes[r]; ++i) {
        leftMissing.push_back(i >= left.sizes[r]);
        rightMissing.push_back(i >= right.sizes[r]);
        leftIndices.push_back(leftMissing.back() ? 0 : left.offsets[r] + i);
        rightIndices.push_back(rightMissing.back() ? 0 : right.offsets[r] + i);
        outerRows.push_back(row);
      }
    }
    auto count = static_cast<vector_size_t>(outerRows.size());
    VectorPtr values;
    if (count > 0) {
      lambdas[2]->apply(SelectivityVector(count), {padded(left, leftIndices, leftMissing), padded(right, rightIndices, rightMissing)},
          outerRows.data(), context, values);
    } else {
      values = BaseVector::create(outputType->childAt(0), 0);
    }
    result = std::make_shared<ArrayVector>(outputType, rows.size(), toBuffer(offsets), toBuffer(sizes), values, nulls);
  }

 private:
  /// The elements at `indices` of `input`'s laid-out elements, NULL where `missing`.
  static VectorPtr padded(const ElementRows& input, const std::vector<vector_size_t>& indices, const std::vector<bool>& missing) {
    auto count = static_cast<vector_size_t>(indices.size());
    auto nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(count)), true);
    for (size_t i = 0; i < missing.size(); ++i) {
      if (missing[i]) bits::setBit(nulls->asMutable<uint64_t>(), i);
    }
    if (input.numElements() == 0) {
      return makeConstant(input.elements->type(), Value(), count);
    }
    return wrapInDictionary(nulls, toBuffer(indices), count, input.elements);
  }
};

/// reduce(array(T), S, function(S,T,S), function(S,R)) -> R: folds the elements into a state from
/// the initial value (which may be NULL), then maps the final state. A NULL array gives NULL.
class ReduceFunction final : public VectorFunction {
 public:
  bool isDefaultNullBehavior() const override { return false; }

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    ElementRows input(*args[0], rows);
    const auto& stateType = args[1]->type();
    std::vector<vector_size_t> identity(static_cast<size_t>(rows.size()));
    std::iota(identity.begin(), identity.end(), 0);
    VectorPtr state = args[1];
    vector_size_t longest = 0;
    for (auto size : input.sizes) longest = std::max(longest, size);
    // Step i feeds the i-th element of every array that has one; the others keep their state.
    for (vector_size_t step = 0; step < longest; ++step) {
      SelectivityVector active(rows.size(), false);
      auto indices = allocateIndices(std::max(rows.size(), 1));
      for (vector_size_t row = 0; row < rows.size(); ++row) {
        auto r = static_cast<size_t>(row);
        bool has = rows.isValid(row) && !input.decoded.isNullAt(row) && input.sizes[r] > step;
        indices->asMutable<vector_size_t>()[row] = has ? input.offsets[r] + step : 0;
        if (has) active.setValid(row, true);
      }
      active.updateBounds();
      auto elements = wrapInDictionary(nullptr, indices, rows.size(), input.elements);
      VectorPtr next;
      lambdas[2]->apply(active, {state, elements}, identity.data(), context, next);
      std::vector<Value> merged(static_cast<size_t>(rows.size()));
      for (vector_size_t row = 0; row < rows.size(); ++row) {
        merged[static_cast<size_t>(row)] = active.isValid(row) ? valueAt(*next, row) : valueAt(*state, row);
      }
      state = vectorFromValues(stateType, merged);
    }
    SelectivityVector finishing(rows.size(), false);
    rows.applyToSelected([&](vector_size_t row) {
      if (!input.decoded.isNullAt(row)) finishing.setValid(row, true);
    });
    finishing.updateBounds();
    VectorPtr output;
    if (finishing.hasSelections()) {
      lambdas[3]->apply(finishing, {state}, identity.data(), context, output);
    }
    std::vector<Value> values(static_cast<size_t>(rows.size()));
    finishing.applyToSelected([&](vector_size_t row) { values[static_cast<size_t>(row)] = valueAt(*output, row); });
    result = vectorFromValues(outputType, values);
  }
};

enum class Match { kAny, kAll, kNone };

/// any_match / all_match / none_match with three-valued logic over the lambda's results.
class MatchFunction final : public VectorFunction {
 public:
  explicit MatchFunction(Match match) : match_(match) {}
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>& lambdas,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    ElementRows input(*args[0], rows);
    auto values = input.apply(*lambdas[1], context);
    std::unique_ptr<DecodedVector> decoded;
    if (values) decoded = std::make_unique<DecodedVector>(*values);
    auto flat = FlatVector<bool>::create(outputType, rows.size());
    rows.applyToSelected([&](vector_size_t row) {
      if (input.decoded.isNullAt(row)) {
        flat->setNull(row, true);
        return;
      }
      bool anyTrue = false, anyFalse = false, anyNull = false;
      auto begin = input.offsets[static_cast<size_t>(row)];
      for (vector_size_t i = 0; i < input.sizes[static_cast<size_t>(row)]; ++i) {
        auto element = begin + i;
        if (decoded->isNullAt(element)) anyNull = true;
        else if (decoded->valueAt<bool>(element)) anyTrue = true;
        else anyFalse = true;
      }
      switch (match_) {
        case Match::kAny:
          if (anyTrue) flat->set(row, true); else if (anyNull) flat->setNull(row, true); else flat->set(row, false);
          break;
        case Match::kAll:
          if (anyFalse) flat->set(row, false); else if (anyNull) flat->setNull(row, true); else flat->set(row, true);
          break;
        case Match::kNone:
          if (anyTrue) flat->set(row, false); else if (anyNull) flat->setNull(row, true); else flat->set(row, true);
          break;
      }
    });
    result = std::move(flat);
  }

 private:
  const Match match_;
};

} // namespace

void registerHigherOrderFunctions(FunctionRegistry& registry) {
  auto variables = std::vector<std::pair<std::string, TypeConstraint>>{{"T", TypeConstraint::kNone}, {"U", TypeConstraint::kNone}};
  registry.registerScalar(makeSignature("transform", {"array(T)", "function(T,U)"}, "array(U)", variables),
      describe("apply a lambda to every element"), [](const FunctionBinding&) { return std::make_shared<TransformFunction>(); });
  registry.registerScalar(makeSignature("filter", {"array(T)", "function(T,boolean)"}, "array(T)", variables),
      describe("elements for which the lambda is true"), [](const FunctionBinding&) { return std::make_shared<FilterFunction>(); });
  registry.registerScalar(makeSignature("any_match", {"array(T)", "function(T,boolean)"}, "boolean", variables),
      describe("whether the lambda is true for some element"), [](const FunctionBinding&) { return std::make_shared<MatchFunction>(Match::kAny); });
  registry.registerScalar(makeSignature("all_match", {"array(T)", "function(T,boolean)"}, "boolean", variables),
      describe("whether the lambda is true for every element"), [](const FunctionBinding&) { return std::make_shared<MatchFunction>(Match::kAll); });
  registry.registerScalar(makeSignature("none_match", {"array(T)", "function(T,boolean)"}, "boolean", variables),
      describe("whether the lambda is true for no element"), [](const FunctionBinding&) { return std::make_shared<MatchFunction>(Match::kNone); });
  registry.registerScalar(makeSignature("zip_with", {"array(T)", "array(U)", "function(T,U,R)"}, "array(R)",
                              {{"T", TypeConstraint::kNone}, {"U", TypeConstraint::kNone}, {"R", TypeConstraint::kNone}}),
      describe("apply a lambda to pairs of elements, padding the shorter array with NULLs"),
      [](const FunctionBinding&) { return std::make_shared<ZipWithFunction>(); });
  registry.registerScalar(makeSignature("reduce", {"array(T)", "S", "function(S,T,S)", "function(S,R)"}, "R",
                              {{"T", TypeConstraint::kNone}, {"S", TypeConstraint::kNone}, {"R", TypeConstraint::kNone}}),
      describe("fold the elements into a state, then map the state"), [](const FunctionBinding&) { return std::make_shared<ReduceFunction>(); });
}

} // namespace presto
