#include "function/BuiltinFunctions.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"

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
}

} // namespace presto
