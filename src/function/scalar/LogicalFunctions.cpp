#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"

namespace presto {
namespace {

/// NOT: NULL stays NULL (the adapter skips NULL rows), otherwise the negation.
struct NotFunction {
  void call(bool& out, bool value) const { out = !value; }
};

} // namespace

void registerLogicalFunctions(FunctionRegistry& registry) {
  // The analyzer resolves `NOT x`, `NOT LIKE`, `NOT IN` and `NOT EXISTS` through this name.
  registerSimple<NotFunction, bool, bool>(
      registry, "not", {"boolean"}, "boolean", {FunctionKind::kScalar, true, "logical negation; NULL stays NULL", false});
}

} // namespace presto
