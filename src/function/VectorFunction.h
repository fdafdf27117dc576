#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "function/EvalContext.h"
#include "type/Value.h"
#include "vector/BaseVector.h"
#include "vector/SelectivityVector.h"

namespace presto {

/// A compiled lambda as a higher-order function sees it: a body that can be evaluated over the
/// elements of collections. Implemented by the expression evaluator.
class LambdaFunction {
 public:
  virtual ~LambdaFunction() = default;

  /// Evaluates the body for the selected element `rows`. `arguments` hold the lambda's parameters
  /// (one vector per parameter, each with rows.size() rows); `outerRows[i]` is the row of the
  /// enclosing batch that element i belongs to (captured columns are read there). Errors are
  /// reported on the outer row in `context`.
  virtual void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& arguments,
      const vector_size_t* outerRows, EvalContext& context, VectorPtr& result) const = 0;
};

/// A scalar function over vectors: the unit the evaluator calls. Implementations fill `result` for
/// the selected rows (creating it with `rows.size()` rows) and report per-row failures through
/// `context.setError` rather than by throwing. They are immutable once built and may be shared by
/// many threads.
class VectorFunction {
 public:
  virtual ~VectorFunction() = default;

  /// REQUIRES: each args[i] has at least rows.end() rows (or is nullptr for a lambda argument, then
  /// `lambdas[i]` is set).
  virtual void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args,
      const std::vector<const LambdaFunction*>& lambdas, const TypePtr& outputType, EvalContext& context,
      VectorPtr& result) const = 0;

  /// True when a NULL in any argument makes the result NULL without calling the function; the
  /// evaluator then skips NULL rows and may evaluate on dictionary bases.
  virtual bool isDefaultNullBehavior() const { return true; }
};

using VectorFunctionPtr = std::shared_ptr<const VectorFunction>;

/// What a function implementation is specialized for: the argument types after coercion, the
/// resolved return type, and the values of constant arguments (nullopt where not constant), so
/// that e.g. a LIKE pattern is compiled once.
struct FunctionBinding {
  std::vector<TypePtr> argumentTypes;
  TypePtr returnType;
  std::vector<std::optional<Value>> constantArguments;

  const Value* constantAt(size_t index) const {
    return index < constantArguments.size() && constantArguments[index] ? &*constantArguments[index] : nullptr;
  }
};

} // namespace presto
