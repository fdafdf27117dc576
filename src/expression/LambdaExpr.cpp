#include "expression/LambdaExpr.h"

#include <algorithm>
#include <cstring>

#include "common/Check.h"
#include "vector/DictionaryVector.h"

namespace presto {

LambdaExpr::LambdaExpr(TypePtr type, std::vector<int32_t> parameterChannels, ExprPtr body, std::vector<ExprPtr> bound,
    int32_t numChannels)
    : Expr(std::move(type), std::move(bound), true),
      parameterChannels_(std::move(parameterChannels)),
      body_(std::move(body)),
      numChannels_(numChannels) {}

std::string LambdaExpr::toString() const {
  std::string text = "(";
  for (size_t i = 0; i < parameterChannels_.size(); ++i) {
    text += (i > 0 ? ", " : "") + std::string("#") + std::to_string(parameterChannels_[i]);
  }
  return text + ") -> " + body_->toString();
}

void LambdaExpr::finishCompilation() {
  Expr::finishCompilation();
  for (int32_t field : body_->distinctFields()) {
    if (std::find(parameterChannels_.begin(), parameterChannels_.end(), field) == parameterChannels_.end()) {
      captures_.push_back(field);
      distinctFields_.push_back(field);
    }
  }
  std::sort(distinctFields_.begin(), distinctFields_.end());
  distinctFields_.erase(std::unique(distinctFields_.begin(), distinctFields_.end()), distinctFields_.end());
}

void LambdaExpr::prepare(const SelectivityVector& rows, EvalContext& context) {
  outerContext_ = &context;
  boundValues_.resize(inputs_.size());
  for (size_t i = 0; i < inputs_.size(); ++i) {
    inputs_[i]->eval(rows, context, boundValues_[i]);
  }
}

void LambdaExpr::apply(const SelectivityVector& rows, const std::vector<VectorPtr>& arguments,
    const vector_size_t* outerRows, EvalContext& context, VectorPtr& result) const {
  PRESTO_CHECK(outerContext_ == &context, "lambda applied outside of its prepared context");
  vector_size_t numElements = rows.size();
  auto indices = allocateIndices(numElements);
  std::memcpy(indices->asMutable<vector_size_t>(), outerRows, sizeof(vector_size_t) * static_cast<size_t>(numElements));
  std::vector<VectorPtr> inputs(static_cast<size_t>(numChannels_));
  for (int32_t channel : captures_) {
    inputs[static_cast<size_t>(channel)] = wrapInDictionary(nullptr, indices, numElements, context.input(static_cast<size_t>(channel)));
  }
  size_t parameter = 0;
  for (const auto& bound : boundValues_) {
    inputs[static_cast<size_t>(parameterChannels_[parameter++])] = wrapInDictionary(nullptr, indices, numElements, bound);
  }
  PRESTO_CHECK(parameter + arguments.size() == parameterChannels_.size(), "lambda expects {} arguments, got {}",
      parameterChannels_.size() - parameter, arguments.size());
  for (const auto& argument : arguments) {
    inputs[static_cast<size_t>(parameterChannels_[parameter++])] = argument;
  }
  EvalContext elementContext(&inputs, numElements);
  body_->eval(rows, elementContext, result);
  if (elementContext.hasErrors()) {
    rows.applyToSelected([&](vector_size_t row) {
      if (elementContext.isError(row)) {
        context.copyError(outerRows[row], elementContext, row);
      }
    });
  }
}

void LambdaExpr::evalSpecific(const SelectivityVector&, EvalContext&, VectorPtr&) {
  PRESTO_FAIL("a lambda is only evaluated by the function it is passed to");
}

} // namespace presto
