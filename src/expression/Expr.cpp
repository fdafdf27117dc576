#include "expression/Expr.h"

#include <algorithm>

#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/LazyVector.h"
#include "vector/VectorValues.h"

namespace presto {

bool isSubset(const SelectivityVector& rows, const SelectivityVector& other) {
  if (rows.size() != other.size()) {
    return false;
  }
  const uint64_t* left = rows.allBits();
  const uint64_t* right = other.allBits();
  for (size_t word = 0; word < bits::numWords(static_cast<size_t>(rows.size())); ++word) {
    if (left[word] & ~right[word]) {
      return false;
    }
  }
  return true;
}

VectorPtr makeNulls(const TypePtr& type, vector_size_t size) {
  return makeConstant(type, Value(), size);
}

Expr::Expr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic)
    : type_(std::move(type)), inputs_(std::move(inputs)), deterministic_(deterministic) {}

void Expr::finishCompilation() {
  for (const auto& input : inputs_) {
    distinctFields_.insert(distinctFields_.end(), input->distinctFields().begin(), input->distinctFields().end());
  }
  std::sort(distinctFields_.begin(), distinctFields_.end());
  distinctFields_.erase(std::unique(distinctFields_.begin(), distinctFields_.end()), distinctFields_.end());
}

std::string Expr::inputsToString() const {
  std::string text;
  for (size_t i = 0; i < inputs_.size(); ++i) {
    text += (i > 0 ? ", " : "") + inputs_[i]->toString();
  }
  return text;
}

void Expr::eval(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  if (!rows.hasSelections()) {
    result = makeNulls(type_, rows.size());
    return;
  }
  bool shared = numParents_ > 1 && deterministic_;
  if (shared && cacheContextId_ == context.id() && cachedResult_ && isSubset(rows, cachedRows_)) {
    result = cachedResult_;
    return;
  }
  if (!evalPeeled(rows, context, result)) {
    evalSpecific(rows, context, result);
  }
  if (shared && !context.hasErrors()) {
    cacheContextId_ = context.id();
    cachedRows_ = rows;
    cachedResult_ = result;
  }
}

bool Expr::evalPeeled(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  if (!isPeelable() || distinctFields_.empty()) {
    return false;
  }
  bool allConstant = true;
  const BaseVector* dictionary = nullptr;
  for (int32_t field : distinctFields_) {
    const auto& input = loadedVectorOf(context.input(static_cast<size_t>(field)));
    switch (input->encoding()) {
      case VectorEncoding::kConstant:
        break;
      case VectorEncoding::kDictionary:
        allConstant = false;
        // Wrapper nulls would change what null-sensitive expressions see; do not peel those.
        if (input->rawNulls() != nullptr) {
          return false;
        }
        if (dictionary == nullptr) {
          dictionary = input.get();
        } else if (input->as<DictionaryVector>()->indices() != dictionary->as<DictionaryVector>()->indices()) {
          return false;
        }
        break;
      default:
        return false;
    }
  }
  if (allConstant) {
    evalOnConstants(rows, context, result);
    return true;
  }
  // A join's output wraps its whole build side: evaluating on such a base (and allocating results
  // of its size) would cost more than evaluating the batch's own rows.
  if (dictionary->as<DictionaryVector>()->valueVector()->size() > 2 * rows.size()) {
    return false;
  }
  evalOnDictionaryBase(rows, context, *dictionary, result);
  return true;
}

void Expr::evalOnConstants(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  std::vector<VectorPtr> inputs(context.inputs().size());
  for (int32_t field : distinctFields_) {
    const auto& input = loadedVectorOf(context.input(static_cast<size_t>(field)));
    const auto* constant = input->as<ConstantVector>();
    inputs[static_cast<size_t>(field)] =
        std::make_shared<ConstantVector>(constant->valueVector(), constant->baseIndex(), 1);
  }
  EvalContext single(&inputs, 1);
  SelectivityVector one(1);
  VectorPtr value;
  evalSpecific(one, single, value);
  if (single.hasErrors()) {
    rows.applyToSelected([&](vector_size_t row) { context.copyError(row, single, 0); });
    result = makeNulls(type_, rows.size());
    return;
  }
  result = std::make_shared<ConstantVector>(value, 0, rows.size());
}

void Expr::evalOnDictionaryBase(
    const SelectivityVector& rows, EvalContext& context, const BaseVector& dictionary, VectorPtr& result) {
  const auto* wrapper = dictionary.as<DictionaryVector>();
  const vector_size_t* indices = wrapper->rawIndices();
  vector_size_t baseSize = wrapper->valueVector()->size();
  SelectivityVector baseRows(baseSize, false);
  rows.applyToSelected([&](vector_size_t row) { baseRows.setValid(indices[row], true); });
  baseRows.updateBounds();

  std::vector<VectorPtr> bases;
  for (int32_t field : distinctFields_) {
    const auto& input = loadedVectorOf(context.input(static_cast<size_t>(field)));
    bases.push_back(input->encoding() == VectorEncoding::kDictionary ? input->as<DictionaryVector>()->valueVector() : input);
  }
  VectorPtr baseResult;
  bool cached = dictionaryCache_.result && dictionaryCache_.bases == bases && isSubset(baseRows, dictionaryCache_.rows);
  if (cached) {
    baseResult = dictionaryCache_.result;
  } else {
    std::vector<VectorPtr> inputs(context.inputs().size());
    for (size_t i = 0; i < distinctFields_.size(); ++i) {
      const auto& base = bases[i];
      inputs[static_cast<size_t>(distinctFields_[i])] = base->encoding() == VectorEncoding::kConstant
          ? std::make_shared<ConstantVector>(base->as<ConstantVector>()->valueVector(),
                base->as<ConstantVector>()->baseIndex(), baseSize)
          : base;
    }
    EvalContext peeled(&inputs, baseSize);
    evalSpecific(baseRows, peeled, baseResult);
    if (peeled.hasErrors()) {
      rows.applyToSelected([&](vector_size_t row) {
        if (peeled.isError(indices[row])) {
          context.copyError(row, peeled, indices[row]);
        }
      });
    } else {
      dictionaryCache_ = {std::move(bases), baseRows, baseResult};
    }
  }
  result = wrapInDictionary(nullptr, wrapper->indices(), rows.size(), baseResult);
}

} // namespace presto
