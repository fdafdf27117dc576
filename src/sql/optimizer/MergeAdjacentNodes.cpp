#include <algorithm>
#include <map>

#include "sql/optimizer/Conjuncts.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SortNode.h"

namespace presto::sql {
namespace {

class MergeFilters : public Rule {
 public:
  std::string name() const override { return "merge_filters"; }
  bool matches(const PlanNode& node) const override {
    return node.as<FilterNode>() && node.source()->as<FilterNode>();
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* lower = node->source()->as<FilterNode>();
    auto conjuncts = extractConjuncts(lower->predicate());
    auto upper = extractConjuncts(node->as<FilterNode>()->predicate());
    conjuncts.insert(conjuncts.end(), upper.begin(), upper.end());
    return std::make_shared<FilterNode>(context.nextId(), lower->source(), ExpressionFactory::andOf(conjuncts));
  }
};

bool isTrivial(const RowExpression& expression) {
  return expression.kind() == RowExpressionKind::kVariableReference || expression.kind() == RowExpressionKind::kConstant;
}

void countReferences(const RowExpression& expression, std::map<std::string, int32_t>& counts) {
  if (expression.kind() == RowExpressionKind::kVariableReference) {
    ++counts[expression.as<VariableReferenceExpression>()->name()];
    return;
  }
  for (const auto& argument : expression.arguments()) {
    countReferences(*argument, counts);
  }
}

class MergeProjections : public Rule {
 public:
  std::string name() const override { return "merge_projections"; }
  bool matches(const PlanNode& node) const override {
    return node.as<ProjectNode>() && node.source()->as<ProjectNode>();
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* upper = node->as<ProjectNode>();
    const auto* lower = node->source()->as<ProjectNode>();
    std::map<std::string, int32_t> counts;
    for (const auto& assignment : upper->assignments()) {
      countReferences(*assignment.expression, counts);
    }
    SymbolMapping inlined;
    for (const auto& assignment : lower->assignments()) {
      const auto& expression = *assignment.expression;
      if (!expression.isDeterministic() || (!isTrivial(expression) && counts[assignment.symbol->name()] > 1)) {
        return nullptr;
      }
      inlined.emplace(assignment.symbol->name(), assignment.expression);
    }
    std::vector<Assignment> assignments;
    for (const auto& assignment : upper->assignments()) {
      assignments.push_back({assignment.symbol, substituteSymbols(assignment.expression, inlined)});
    }
    return std::make_shared<ProjectNode>(context.nextId(), lower->source(), std::move(assignments));
  }
};

class RemoveIdentityProjections : public Rule {
 public:
  std::string name() const override { return "remove_identity_projections"; }
  bool matches(const PlanNode& node) const override { return node.as<ProjectNode>() != nullptr; }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext&) const override {
    const auto& outputs = node->outputSymbols();
    const auto& sourceOutputs = node->source()->outputSymbols();
    if (outputs.size() != sourceOutputs.size()) {
      return nullptr;
    }
    const auto& assignments = node->as<ProjectNode>()->assignments();
    for (size_t i = 0; i < assignments.size(); ++i) {
      auto symbol = asSymbol(assignments[i].expression);
      if (!symbol || !sameSymbol(symbol, assignments[i].symbol) || !sameSymbol(symbol, sourceOutputs[i])) {
        return nullptr;
      }
    }
    return node->source();
  }
};

class MergeLimits : public Rule {
 public:
  std::string name() const override { return "merge_limits"; }
  bool matches(const PlanNode& node) const override {
    return node.as<LimitNode>() &&
        (node.source()->as<LimitNode>() || node.source()->as<TopNNode>() || node.source()->as<SortNode>());
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    auto count = node->as<LimitNode>()->count();
    const auto& source = node->source();
    if (auto limit = source->as<LimitNode>()) {
      return std::make_shared<LimitNode>(context.nextId(), limit->source(), std::min(count, limit->count()));
    }
    if (auto topN = source->as<TopNNode>()) {
      return std::make_shared<TopNNode>(context.nextId(), topN->source(), std::min(count, topN->count()), topN->orderBy());
    }
    const auto* sort = source->as<SortNode>();
    return std::make_shared<TopNNode>(context.nextId(), sort->source(), count, sort->orderBy());
  }
};

} // namespace

RulePtr makeMergeFiltersRule() {
  return std::make_unique<MergeFilters>();
}

RulePtr makeMergeProjectionsRule() {
  return std::make_unique<MergeProjections>();
}

RulePtr makeRemoveIdentityProjectionsRule() {
  return std::make_unique<RemoveIdentityProjections>();
}

RulePtr makeMergeLimitsRule() {
  return std::make_unique<MergeLimits>();
}

} // namespace presto::sql
