#include "sql/optimizer/CardinalityEstimator.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/SemiJoinNode.h"

namespace presto::sql {
namespace {

/// The symbols of the semi join's source side it reads: its source keys and the source-side
/// symbols of its residual filter.
SymbolNames sourceSymbolsRead(const SemiJoinNode& semiJoin) {
  auto names = namesOf(semiJoin.sourceKeys());
  if (semiJoin.filter()) {
    auto filtering = namesOf(semiJoin.filteringSource()->outputSymbols());
    for (const auto& name : referencedSymbols(*semiJoin.filter())) {
      if (filtering.count(name) == 0) {
        names.insert(name);
      }
    }
  }
  return names;
}

/// A semi join's output depends only on the source row's own values, so below an inner join it
/// can be computed on the input holding those values when that input has no more rows than the
/// join: fewer rows probe the filtering side, and a filter on the output then reaches that input
/// (so the join order sees the smaller input).
class PushSemiJoinThroughJoin : public Rule {
 public:
  std::string name() const override { return "push_semi_join_through_join"; }
  bool matches(const PlanNode& node) const override {
    auto join = node.as<SemiJoinNode>() ? node.source()->as<JoinNode>() : nullptr;
    return join && join->type() == JoinNode::Type::kInner;
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* semiJoin = node->as<SemiJoinNode>();
    const auto* join = node->source()->as<JoinNode>();
    auto read = sourceSymbolsRead(*semiJoin);
    auto pushInto = [&](const PlanNodePtr& input) -> PlanNodePtr {
      return std::make_shared<SemiJoinNode>(context.nextId(), input, semiJoin->filteringSource(),
          semiJoin->sourceKeys(), semiJoin->filteringKeys(), semiJoin->filter(), semiJoin->nullAware(),
          semiJoin->semiJoinOutput());
    };
    PlanNodePtr left = join->left();
    PlanNodePtr right = join->right();
    PlanNodePtr* target = nullptr;
    if (containsAll(namesOf(left->outputSymbols()), read)) {
      target = &left;
    } else if (containsAll(namesOf(right->outputSymbols()), read)) {
      target = &right;
    } else {
      return nullptr;
    }
    // Below the join the semi join probes the input's rows instead of the join's: worth it only
    // when the join does not reduce them (it does when it filters through a small table).
    CardinalityEstimator estimator(context);
    if (estimator.rows(*target) > estimator.rows(node->source())) {
      return nullptr;
    }
    *target = pushInto(*target);
    return std::make_shared<JoinNode>(join->id(), JoinNode::Type::kInner, std::move(left), std::move(right),
        join->criteria(), join->filter());
  }
};

} // namespace

RulePtr makePushSemiJoinThroughJoinRule() {
  return std::make_unique<PushSemiJoinThroughJoin>();
}

} // namespace presto::sql
