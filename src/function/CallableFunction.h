#pragma once

#include <memory>

#include "function/VectorFunction.h"

namespace presto {

/// A vector function whose body is one callable
/// `(rows, args, outputType, context, result)`; for functions without lambda arguments.
template <typename Body>
class CallableFunction final : public VectorFunction {
 public:
  explicit CallableFunction(Body body) : body_(std::move(body)) {}
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    body_(rows, args, outputType, context, result);
  }

 private:
  Body body_;
};

template <typename Body>
VectorFunctionPtr makeCallableFunction(Body body) {
  return std::make_shared<CallableFunction<Body>>(std::move(body));
}

} // namespace presto
