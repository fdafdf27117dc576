#pragma once

#include <functional>

#include "function/VectorFunction.h"
#include "type/Value.h"

namespace presto {

/// Computes a scalar function row by row over detached Values: the slow but fully generic path for
/// functions that build nested values (map, map_concat, map_entries, array set operations). NULL
/// arguments give NULL without calling `body` unless `calledOnNullInput`; a PrestoException thrown
/// by `body` fails only its row.
class ValueFunction final : public VectorFunction {
 public:
  /// Maps the argument values of one row to the result; a null Value is a NULL result.
  using Body = std::function<Value(const std::vector<Value>& arguments)>;

  explicit ValueFunction(Body body, bool calledOnNullInput = false)
      : body_(std::move(body)), calledOnNullInput_(calledOnNullInput) {}

  bool isDefaultNullBehavior() const override { return !calledOnNullInput_; }

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args,
      const std::vector<const LambdaFunction*>& lambdas, const TypePtr& outputType, EvalContext& context,
      VectorPtr& result) const override;

 private:
  const Body body_;
  const bool calledOnNullInput_;
};

} // namespace presto
