#include "function/BuiltinFunctions.h"

namespace presto {
namespace {

void registerWindow(FunctionRegistry& registry, const std::string& name, const std::vector<std::string>& arguments,
    const std::string& returnType, const std::string& description) {
  bool generic = returnType == "T";
  std::vector<std::pair<std::string, TypeConstraint>> variables;
  if (generic) {
    variables.emplace_back("T", TypeConstraint::kNone);
  }
  registry.registerWindow(makeSignature(name, arguments, returnType, std::move(variables)),
      {FunctionKind::kWindow, true, description, false});
}

} // namespace

void registerWindowFunctions(FunctionRegistry& registry) {
  registerWindow(registry, "row_number", {}, "bigint", "1-based number of the row within its partition");
  registerWindow(registry, "rank", {}, "bigint", "rank with gaps: 1 plus the number of rows ordered before the row");
  registerWindow(registry, "dense_rank", {}, "bigint", "rank without gaps: 1 plus the number of distinct preceding peer groups");
  registerWindow(registry, "percent_rank", {}, "double", "(rank - 1) / (rows in partition - 1), 0 for a single row");
  registerWindow(registry, "cume_dist", {}, "double", "rows ordered before or peer with the row / rows in partition");
  registerWindow(registry, "ntile", {"bigint"}, "bigint", "bucket number from 1 to n, buckets as equal as possible");
  registerWindow(registry, "first_value", {"T"}, "T", "value at the first row of the frame");
  registerWindow(registry, "last_value", {"T"}, "T", "value at the last row of the frame");
  registerWindow(registry, "nth_value", {"T", "bigint"}, "T", "value at the 1-based offset in the frame; NULL past its end");
  for (const std::string name : {"lag", "lead"}) {
    const std::string direction = name == "lag" ? "before" : "after";
    registerWindow(registry, name, {"T"}, "T", "value 1 row " + direction + " the current row; NULL outside the partition");
    registerWindow(registry, name, {"T", "bigint"}, "T", "value offset rows " + direction + " the current row; NULL outside the partition");
    registerWindow(registry, name, {"T", "bigint", "T"}, "T",
        "value offset rows " + direction + " the current row; the default outside the partition");
  }
}

} // namespace presto
