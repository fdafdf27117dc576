#include "sql/planner/AggregationNode.h"

#include "function/aggregate/AggregateFunction.h"
#include "sql/planner/ExpressionText.h"

namespace presto::sql {
namespace {

std::vector<Symbol> aggregationOutputs(
    const std::vector<Symbol>& keys, const std::vector<AggregationNode::Output>& aggregates) {
  std::vector<Symbol> outputs = keys;
  for (const auto& output : aggregates) {
    outputs.push_back(output.symbol);
  }
  return outputs;
}

} // namespace

TypePtr Aggregate::intermediateType() const {
  if (!function->entry->aggregateFactory) {
    return nullptr;
  }
  FunctionBinding binding{function->argumentTypes, function->returnType, {}};
  for (const auto& argument : arguments) {
    auto constant = argument->kind() == RowExpressionKind::kConstant
        ? std::optional<Value>(argument->as<ConstantExpression>()->value())
        : std::nullopt;
    binding.constantArguments.push_back(std::move(constant));
  }
  return function->entry->aggregateFactory(binding)->intermediateType();
}

std::string Aggregate::toString() const {
  std::string text = function->name() + "(" + (distinct ? "DISTINCT " : "");
  for (size_t i = 0; i < arguments.size(); ++i) {
    text += (i > 0 ? ", " : "") + expressionText(*arguments[i]);
  }
  if (!orderBy.empty()) {
    text += " ORDER BY " + sortKeysText(orderBy);
  }
  text += ")";
  if (filter) {
    text += " FILTER (WHERE " + (*filter)->name() + ")";
  }
  return text;
}

AggregationNode::AggregationNode(PlanNodeId id, PlanNodePtr source, std::vector<Symbol> groupingKeys,
    std::vector<Output> aggregates, Step step, std::optional<Symbol> groupIdSymbol, int32_t groupingSetCount)
    : PlanNode(id, {std::move(source)}, aggregationOutputs(groupingKeys, aggregates)),
      groupingKeys_(std::move(groupingKeys)),
      aggregates_(std::move(aggregates)),
      step_(step),
      groupIdSymbol_(std::move(groupIdSymbol)),
      groupingSetCount_(groupingSetCount) {}

std::string AggregationNode::name() const {
  switch (step_) {
    case Step::kSingle: return "Aggregate";
    case Step::kPartial: return "Aggregate(PARTIAL)";
    case Step::kIntermediate: return "Aggregate(INTERMEDIATE)";
    case Step::kFinal: return "Aggregate(FINAL)";
  }
  return "Aggregate";
}

std::string AggregationNode::details() const {
  std::string text = "keys = [" + symbolNames(groupingKeys_) + "]";
  if (groupingSetCount_ > 1) {
    text += ", groupingSets = " + std::to_string(groupingSetCount_);
  }
  return text;
}

std::vector<std::string> AggregationNode::detailLines() const {
  std::vector<std::string> lines;
  for (const auto& output : aggregates_) {
    lines.push_back(output.symbol->name() + " := " + output.aggregate.toString());
  }
  return lines;
}

} // namespace presto::sql
