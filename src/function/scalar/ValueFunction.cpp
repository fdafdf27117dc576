#include "function/scalar/ValueFunction.h"

#include "vector/VectorValues.h"

namespace presto {

void ValueFunction::apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args,
    const std::vector<const LambdaFunction*>&, const TypePtr& outputType, EvalContext& context, VectorPtr& result) const {
  std::vector<Value> results(static_cast<size_t>(rows.size()));
  std::vector<Value> arguments(args.size());
  rows.applyToSelected([&](vector_size_t row) {
    for (size_t i = 0; i < args.size(); ++i) {
      if (args[i]->isNullAt(row) && !calledOnNullInput_) return;
      arguments[i] = valueAt(*args[i], row);
    }
    try {
      results[static_cast<size_t>(row)] = body_(arguments);
    } catch (const PrestoException& error) {
      context.setError(row, error);
    }
  });
  result = vectorFromValues(outputType, results);
}

} // namespace presto
