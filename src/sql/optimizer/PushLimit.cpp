#include "sql/optimizer/OptimizerRules.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SetOperationNode.h"

namespace presto::sql {
namespace {

class PushLimitThroughProject : public Rule {
 public:
  std::string name() const override { return "push_limit_through_project"; }
  bool matches(const PlanNode& node) const override { return node.as<LimitNode>() && node.source()->as<ProjectNode>(); }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto& project = node->source();
    auto limit = std::make_shared<LimitNode>(context.nextId(), project->source(), node->as<LimitNode>()->count());
    return replaceSources(project, {limit});
  }
};

bool isUnion(const PlanNode& node) {
  auto setOperation = node.as<SetOperationNode>();
  return setOperation && setOperation->kind() == SetOperationNode::Kind::kUnion;
}

class PushLimitIntoUnion : public Rule {
 public:
  std::string name() const override { return "push_limit_into_union"; }
  bool matches(const PlanNode& node) const override { return node.as<LimitNode>() && isUnion(*node.source()); }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    auto count = node->as<LimitNode>()->count();
    const auto& unionNode = node->source();
    bool changed = false;
    std::vector<PlanNodePtr> sources;
    for (const auto& source : unionNode->sources()) {
      auto limit = source->as<LimitNode>();
      if (limit && limit->count() <= count) {
        sources.push_back(source);
        continue;
      }
      sources.push_back(std::make_shared<LimitNode>(context.nextId(), source, count));
      changed = true;
    }
    if (!changed) {
      return nullptr;
    }
    return std::make_shared<LimitNode>(node->id(), replaceSources(unionNode, std::move(sources)), count);
  }
};

} // namespace

RulePtr makePushLimitThroughProjectRule() {
  return std::make_unique<PushLimitThroughProject>();
}

RulePtr makePushLimitIntoUnionRule() {
  return std::make_unique<PushLimitIntoUnion>();
}

} // namespace presto::sql
