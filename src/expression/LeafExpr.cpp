#include "expression/LeafExpr.h"

#include "vector/ConstantVector.h"
#include "vector/LazyVector.h"
#include "vector/VectorValues.h"

namespace presto {

InputExpr::InputExpr(int32_t channel, TypePtr type) : Expr(std::move(type), {}, true), channel_(channel) {}

std::string InputExpr::toString() const {
  return "#" + std::to_string(channel_);
}

void InputExpr::finishCompilation() {
  distinctFields_ = {channel_};
}

void InputExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  const auto& input = context.input(static_cast<size_t>(channel_));
  if (input->encoding() == VectorEncoding::kLazy) {
    result = input->as<LazyVector>()->load(rows);
    return;
  }
  result = input;
}

ConstantExpr::ConstantExpr(Value value, TypePtr type) : Expr(std::move(type), {}, true), value_(std::move(value)) {}

std::string ConstantExpr::toString() const {
  return value_.isNull() ? "NULL" : value_.toString(*type_);
}

void ConstantExpr::evalSpecific(const SelectivityVector& rows, EvalContext&, VectorPtr& result) {
  if (!cached_ || cached_->size() != rows.size()) {
    cached_ = makeConstant(type_, value_, rows.size());
  }
  result = cached_;
}

} // namespace presto
