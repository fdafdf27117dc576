#include "exec/plan/SortNodes.h"

namespace presto::exec {
namespace {

TypePtr windowOutputType(
    const PlanNode& source, const std::vector<WindowFunctionCall>& functions, std::vector<std::string> names) {
  std::vector<TypePtr> types;
  for (const auto& function : functions) {
    types.push_back(function.resultType);
  }
  return appendColumns(source, std::move(names), std::move(types));
}

} // namespace

WindowNode::WindowNode(std::string id, PlanNodePtr source, std::vector<int32_t> partitionKeys,
    std::vector<SortKey> sortKeys, std::vector<WindowFunctionCall> functions, std::vector<std::string> names)
    : SingleSourceNode(std::move(id), windowOutputType(*source, functions, std::move(names)), source),
      partitionKeys_(std::move(partitionKeys)), sortKeys_(std::move(sortKeys)), functions_(std::move(functions)) {}

} // namespace presto::exec
