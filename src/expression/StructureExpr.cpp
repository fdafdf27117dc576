#include "expression/StructureExpr.h"

#include <fmt/format.h>

#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/VectorValues.h"

namespace presto {

RowConstructorExpr::RowConstructorExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic)
    : Expr(std::move(type), std::move(inputs), deterministic) {}

std::string RowConstructorExpr::toString() const {
  return fmt::format("ROW({})", inputsToString());
}

void RowConstructorExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  std::vector<VectorPtr> children(inputs_.size());
  for (size_t i = 0; i < inputs_.size(); ++i) {
    inputs_[i]->eval(rows, context, children[i]);
  }
  result = std::make_shared<RowVector>(type_, rows.size(), std::move(children));
}

ArrayConstructorExpr::ArrayConstructorExpr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic)
    : Expr(std::move(type), std::move(inputs), deterministic) {}

std::string ArrayConstructorExpr::toString() const {
  return fmt::format("ARRAY[{}]", inputsToString());
}

void ArrayConstructorExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  std::vector<VectorPtr> elements(inputs_.size());
  for (size_t i = 0; i < inputs_.size(); ++i) {
    inputs_[i]->eval(rows, context, elements[i]);
  }
  // Element j of row r sits at r * n + j of the elements vector, built as a dictionary-free flat
  // copy through Values (arrays built from literals are small).
  auto numElements = static_cast<vector_size_t>(inputs_.size());
  std::vector<Value> values;
  values.reserve(static_cast<size_t>(rows.size() * numElements));
  for (vector_size_t row = 0; row < rows.size(); ++row) {
    for (const auto& element : elements) {
      values.push_back(rows.isValid(row) ? valueAt(*element, row) : Value());
    }
  }
  auto offsets = Buffer::allocate(sizeof(vector_size_t) * static_cast<size_t>(std::max(rows.size(), 1)));
  auto sizes = Buffer::allocate(sizeof(vector_size_t) * static_cast<size_t>(std::max(rows.size(), 1)));
  for (vector_size_t row = 0; row < rows.size(); ++row) {
    offsets->asMutable<vector_size_t>()[row] = row * numElements;
    sizes->asMutable<vector_size_t>()[row] = numElements;
  }
  result = std::make_shared<ArrayVector>(
      type_, rows.size(), offsets, sizes, vectorFromValues(type_->childAt(0), values));
}

DereferenceExpr::DereferenceExpr(TypePtr type, ExprPtr input, int32_t fieldIndex)
    : Expr(std::move(type), {input}, input->isDeterministic()), fieldIndex_(fieldIndex) {}

std::string DereferenceExpr::toString() const {
  return fmt::format("DEREFERENCE({}, {})", inputsToString(), fieldIndex_);
}

void DereferenceExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  VectorPtr row;
  inputs_[0]->eval(rows, context, row);
  DecodedVector decoded(*row, rows);
  const auto* base = decoded.base()->as<RowVector>();
  auto indices = allocateIndices(rows.size());
  auto* rawIndices = indices->asMutable<vector_size_t>();
  BufferPtr nulls;
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    bool selected = rows.isValid(i);
    rawIndices[i] = selected ? decoded.index(i) : 0;
    if (!selected || decoded.isNullAt(i)) {
      if (!nulls) {
        nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(rows.size())), true);
      }
      bits::setBit(nulls->asMutable<uint64_t>(), static_cast<size_t>(i));
      rawIndices[i] = 0;
    }
  }
  const auto& child = base->childAt(static_cast<size_t>(fieldIndex_));
  if (child->size() == 0) {
    result = makeNulls(type_, rows.size());
    return;
  }
  result = wrapInDictionary(nulls, indices, rows.size(), child);
}

} // namespace presto
