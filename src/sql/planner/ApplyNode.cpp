#include "sql/planner/ApplyNode.h"

namespace presto::sql {

std::string SubqueryPredicate::toString() const {
  switch (kind) {
    case Kind::kExists: return output->name() + " := EXISTS";
    case Kind::kIn: return output->name() + " := " + value->name() + " IN " + subqueryValue->name();
    case Kind::kAll:
    case Kind::kAny:
      return output->name() + " := " + value->name() + " " + std::string(comparisonOperatorText(comparison)) +
          (kind == Kind::kAll ? " ALL " : " ANY ") + subqueryValue->name();
  }
  return output->name();
}

namespace {

std::vector<Symbol> applyOutputs(const PlanNodePtr& input, const std::vector<SubqueryPredicate>& predicates) {
  auto outputs = input->outputSymbols();
  for (const auto& predicate : predicates) {
    outputs.push_back(predicate.output);
  }
  return outputs;
}

std::vector<Symbol> lateralOutputs(const PlanNodePtr& input, const PlanNodePtr& subquery) {
  auto outputs = input->outputSymbols();
  outputs.insert(outputs.end(), subquery->outputSymbols().begin(), subquery->outputSymbols().end());
  return outputs;
}

} // namespace

ApplyNode::ApplyNode(PlanNodeId id, PlanNodePtr input, PlanNodePtr subquery, std::vector<Symbol> correlation,
    std::vector<SubqueryPredicate> predicates)
    : PlanNode(id, {input, subquery}, applyOutputs(input, predicates)),
      correlation_(std::move(correlation)),
      predicates_(std::move(predicates)) {}

std::vector<std::string> ApplyNode::detailLines() const {
  std::vector<std::string> lines;
  for (const auto& predicate : predicates_) {
    lines.push_back(predicate.toString());
  }
  return lines;
}

LateralJoinNode::LateralJoinNode(
    PlanNodeId id, PlanNodePtr input, PlanNodePtr subquery, std::vector<Symbol> correlation, Type type)
    : PlanNode(id, {input, subquery}, lateralOutputs(input, subquery)), correlation_(std::move(correlation)), type_(type) {}

std::string LateralJoinNode::details() const {
  return std::string(type_ == Type::kInner ? "type = INNER" : "type = LEFT") + ", correlation = [" +
      symbolNames(correlation_) + "]";
}

} // namespace presto::sql
