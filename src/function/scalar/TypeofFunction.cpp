// typeof(x): the name of the argument's type, e.g. `decimal(5,2)`; NULL arguments included.

#include "function/BuiltinFunctions.h"
#include "function/scalar/ValueFunction.h"

namespace presto {

void registerTypeofFunction(FunctionRegistry& registry) {
  registry.registerScalar(makeSignature("typeof", {"T"}, "varchar", {{"T", TypeConstraint::kNone}}),
      {FunctionKind::kScalar, true, "the name of the argument's type", false}, [](const FunctionBinding& binding) {
        Value name(binding.argumentTypes[0]->toString());
        return std::make_shared<ValueFunction>([name](const std::vector<Value>&) { return name; }, true);
      });
}

} // namespace presto
