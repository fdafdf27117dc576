#include "exec/plan/FilterProjectNode.h"

namespace presto::exec {
namespace {

TypePtr projectionType(const std::vector<RowExpressionPtr>& projections, std::vector<std::string> names) {
  std::vector<TypePtr> types;
  for (const auto& projection : projections) {
    types.push_back(projection->type());
  }
  return makeRowType(std::move(names), std::move(types));
}

} // namespace

FilterProjectNode::FilterProjectNode(std::string id, PlanNodePtr source, RowExpressionPtr filter,
    std::vector<RowExpressionPtr> projections, std::vector<std::string> names)
    : SingleSourceNode(std::move(id), projectionType(projections, std::move(names)), std::move(source)),
      filter_(std::move(filter)), projections_(std::move(projections)) {}

std::string FilterProjectNode::details() const {
  std::string text = filter_ ? "filter: " + filter_->toString() + " " : "";
  text += "project: [";
  for (size_t i = 0; i < projections_.size(); ++i) {
    text += (i ? ", " : "") + projections_[i]->toString();
  }
  return text + "]";
}

} // namespace presto::exec
