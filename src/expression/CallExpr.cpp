#include "expression/CallExpr.h"

#include "expression/LambdaExpr.h"
#include "expression/ResultMerger.h"

namespace presto {

CallExpr::CallExpr(std::string name, VectorFunctionPtr function, TypePtr type, std::vector<ExprPtr> inputs,
    bool deterministic, bool nullOnError)
    : Expr(std::move(type), std::move(inputs), deterministic),
      name_(std::move(name)),
      function_(std::move(function)),
      nullOnError_(nullOnError) {
  for (const auto& input : inputs_) {
    lambdas_.push_back(dynamic_cast<LambdaExpr*>(input.get()));
  }
}

std::string CallExpr::toString() const {
  return name_ + "(" + inputsToString() + ")";
}

void CallExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  SelectivityVector remaining(rows);
  std::vector<VectorPtr> args(inputs_.size());
  std::vector<const LambdaFunction*> lambdas(inputs_.size(), nullptr);
  for (size_t i = 0; i < inputs_.size(); ++i) {
    if (lambdas_[i] != nullptr) {
      lambdas_[i]->prepare(remaining, context);
      lambdas[i] = lambdas_[i];
      continue;
    }
    inputs_[i]->eval(remaining, context, args[i]);
    if (context.hasErrors()) {
      context.deselectErrors(remaining);
      if (!remaining.hasSelections()) {
        result = makeNulls(type_, rows.size());
        return;
      }
    }
  }
  function_->apply(remaining, args, lambdas, type_, context, result);
  if (nullOnError_ && context.hasErrors()) {
    auto cleared = context.clearErrors(remaining, true);
    if (!cleared.empty()) {
      SelectivityVector kept(remaining);
      for (auto row : cleared) {
        kept.setValid(row, false);
      }
      kept.updateBounds();
      ResultMerger merger(type_, rows.size());
      merger.copy(kept, result);
      result = merger.finish();
    }
  }
}

} // namespace presto
