#include "sql/optimizer/ExpressionSimplifier.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::sql {
namespace {

class SimplifyExpressions : public Rule {
 public:
  std::string name() const override { return "simplify_expressions"; }
  bool matches(const PlanNode& node) const override {
    return node.as<FilterNode>() || node.as<ProjectNode>() || (node.as<JoinNode>() && node.as<JoinNode>()->filter());
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto& functions = context.functions();
    if (auto filter = node->as<FilterNode>()) {
      auto predicate = simplifyExpression(filter->predicate(), functions);
      return predicate == filter->predicate() ? nullptr
                                              : std::make_shared<FilterNode>(node->id(), node->source(), predicate);
    }
    if (auto join = node->as<JoinNode>()) {
      auto predicate = simplifyExpression(join->filter(), functions);
      if (predicate == join->filter()) {
        return nullptr;
      }
      return std::make_shared<JoinNode>(node->id(), join->type(), join->left(), join->right(), join->criteria(),
          isBooleanConstant(*predicate, true) ? nullptr : predicate, join->distribution());
    }
    bool changed = false;
    std::vector<Assignment> assignments;
    for (const auto& assignment : node->as<ProjectNode>()->assignments()) {
      assignments.push_back({assignment.symbol, simplifyExpression(assignment.expression, functions)});
      changed = changed || assignments.back().expression != assignment.expression;
    }
    return changed ? std::make_shared<ProjectNode>(node->id(), node->source(), std::move(assignments)) : nullptr;
  }
};

class RemoveTrivialFilters : public Rule {
 public:
  std::string name() const override { return "remove_trivial_filters"; }
  bool matches(const PlanNode& node) const override {
    return node.as<FilterNode>() && node.as<FilterNode>()->predicate()->kind() == RowExpressionKind::kConstant;
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    if (isBooleanConstant(*node->as<FilterNode>()->predicate(), true)) {
      return node->source();
    }
    return std::make_shared<ValuesNode>(
        context.nextId(), node->outputSymbols(), std::vector<std::vector<RowExpressionPtr>>{});
  }
};

} // namespace

RulePtr makeSimplifyExpressionsRule() {
  return std::make_unique<SimplifyExpressions>();
}

RulePtr makeRemoveTrivialFiltersRule() {
  return std::make_unique<RemoveTrivialFilters>();
}

} // namespace presto::sql
