#include "sql/planner/WindowNode.h"

#include "sql/planner/ExpressionText.h"

namespace presto::sql {
namespace {

std::string boundText(WindowFrameSpec::BoundType type, const std::optional<Symbol>& value) {
  switch (type) {
    case WindowFrameSpec::BoundType::kUnboundedPreceding: return "UNBOUNDED PRECEDING";
    case WindowFrameSpec::BoundType::kPreceding: return (*value)->name() + " PRECEDING";
    case WindowFrameSpec::BoundType::kCurrentRow: return "CURRENT ROW";
    case WindowFrameSpec::BoundType::kFollowing: return (*value)->name() + " FOLLOWING";
    case WindowFrameSpec::BoundType::kUnboundedFollowing: return "UNBOUNDED FOLLOWING";
  }
  return "";
}

std::vector<Symbol> windowOutputs(const PlanNodePtr& source, const std::vector<WindowNode::Function>& functions) {
  auto outputs = source->outputSymbols();
  for (const auto& function : functions) {
    outputs.push_back(function.output);
  }
  return outputs;
}

} // namespace

std::string WindowFrameSpec::toString() const {
  const char* typeName = type == Type::kRows ? "ROWS" : type == Type::kRange ? "RANGE" : "GROUPS";
  return std::string(typeName) + " BETWEEN " + boundText(startType, startValue) + " AND " + boundText(endType, endValue);
}

WindowNode::WindowNode(PlanNodeId id, PlanNodePtr source, std::vector<Symbol> partitionBy, std::vector<SortKey> orderBy,
    std::vector<Function> functions)
    : PlanNode(id, {source}, windowOutputs(source, functions)),
      partitionBy_(std::move(partitionBy)),
      orderBy_(std::move(orderBy)),
      functions_(std::move(functions)) {}

std::string WindowNode::details() const {
  std::string text = "partitionBy = [" + symbolNames(partitionBy_) + "]";
  if (!orderBy_.empty()) {
    text += ", orderBy = [" + sortKeysText(orderBy_) + "]";
  }
  return text;
}

std::vector<std::string> WindowNode::detailLines() const {
  std::vector<std::string> lines;
  for (const auto& function : functions_) {
    std::string arguments;
    for (const auto& argument : function.arguments) {
      arguments += (arguments.empty() ? "" : ", ") + expressionText(*argument);
    }
    lines.push_back(function.output->name() + " := " + function.function->name() + "(" + arguments + ") " +
        function.frame.toString());
  }
  return lines;
}

} // namespace presto::sql
