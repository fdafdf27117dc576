#include <optional>

#include "sql/optimizer/CardinalityEstimator.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/TableScanNode.h"

namespace presto::sql {
namespace {

/// A plan whose output values in `symbol` include every non-NULL value of some symbol elsewhere.
struct KeySource {
  PlanNodePtr plan;
  Symbol symbol;
};

/// Plans that are cheap to run twice: a table scan under filters and projections.
bool isScanChain(const PlanNode& node) {
  if (node.as<TableScanNode>()) {
    return true;
  }
  return (node.as<FilterNode>() || node.as<ProjectNode>()) && isScanChain(*node.source());
}

bool outputs(const PlanNode& node, const Symbol& symbol) {
  for (const auto& output : node.outputSymbols()) {
    if (sameSymbol(output, symbol)) {
      return true;
    }
  }
  return false;
}

/// A scan chain producing a superset of the values `symbol` takes in `node`'s output: found by
/// following the symbol down through projections, filters (which only remove rows), inner joins
/// (either side of a key equality), the preserved side of outer joins and semi-join filters
/// (whose passing keys are among the subquery's keys).
std::optional<KeySource> findKeySource(const PlanNodePtr& node, const Symbol& symbol) {
  if (isScanChain(*node)) {
    return outputs(*node, symbol) ? std::optional<KeySource>(KeySource{node, symbol}) : std::nullopt;
  }
  if (const auto* filter = node->as<FilterNode>()) {
    auto marker = asSymbol(filter->predicate());
    const auto* semiJoin = filter->source()->as<SemiJoinNode>();
    if (marker && semiJoin && sameSymbol(marker, semiJoin->semiJoinOutput())) {
      for (size_t i = 0; i < semiJoin->sourceKeys().size(); ++i) {
        if (sameSymbol(semiJoin->sourceKeys()[i], symbol)) {
          if (auto found = findKeySource(semiJoin->filteringSource(), semiJoin->filteringKeys()[i])) {
            return found;
          }
        }
      }
    }
    return findKeySource(filter->source(), symbol);
  }
  if (const auto* project = node->as<ProjectNode>()) {
    for (const auto& assignment : project->assignments()) {
      auto source = asSymbol(assignment.expression);
      if (sameSymbol(assignment.symbol, symbol) && source) {
        return findKeySource(project->source(), source);
      }
    }
    return std::nullopt;
  }
  if (const auto* semiJoin = node->as<SemiJoinNode>()) {
    return outputs(*semiJoin->source(), symbol) ? findKeySource(semiJoin->source(), symbol) : std::nullopt;
  }
  const auto* join = node->as<JoinNode>();
  if (join == nullptr) {
    return std::nullopt;
  }
  // The side a symbol comes from holds all its non-NULL values, whatever the join type; through a
  // key equality the other side holds them too, for inner joins.
  const bool fromLeft = outputs(*join->left(), symbol);
  if (auto found = findKeySource(fromLeft ? join->left() : join->right(), symbol)) {
    return found;
  }
  if (join->type() != JoinNode::Type::kInner) {
    return std::nullopt;
  }
  for (const auto& clause : join->criteria()) {
    if (sameSymbol(clause.left, symbol)) {
      if (auto found = findKeySource(join->right(), clause.right)) {
        return found;
      }
    } else if (sameSymbol(clause.right, symbol)) {
      if (auto found = findKeySource(join->left(), clause.left)) {
        return found;
      }
    }
  }
  return std::nullopt;
}

/// A copy of a scan chain with new node ids and new symbols (recorded in `renamed`), so that it
/// can run beside the original.
PlanNodePtr copyScanChain(const PlanNodePtr& node, OptimizerContext& context, SymbolMapping& renamed) {
  auto fresh = [&](const Symbol& symbol) {
    auto copy = context.newSymbol(symbol->name(), symbol->type());
    renamed[symbol->name()] = copy;
    return copy;
  };
  if (const auto* scan = node->as<TableScanNode>()) {
    std::vector<Symbol> outputs;
    for (const auto& symbol : scan->outputSymbols()) {
      outputs.push_back(fresh(symbol));
    }
    return std::make_shared<TableScanNode>(context.nextId(), scan->table(), outputs, scan->columns(), scan->constraint());
  }
  auto source = copyScanChain(node->source(), context, renamed);
  if (const auto* filter = node->as<FilterNode>()) {
    return std::make_shared<FilterNode>(context.nextId(), source, substituteSymbols(filter->predicate(), renamed));
  }
  const auto* project = node->as<ProjectNode>();
  std::vector<Assignment> assignments;
  for (const auto& assignment : project->assignments()) {
    auto expression = substituteSymbols(assignment.expression, renamed);
    assignments.push_back({fresh(assignment.symbol), expression});
  }
  return std::make_shared<ProjectNode>(context.nextId(), source, std::move(assignments));
}

/// Whether the aggregation's input is already reduced by a semi join on `key`.
bool alreadyReduced(const AggregationNode& aggregation, const Symbol& key) {
  const auto* project = aggregation.source()->as<ProjectNode>();
  const auto* filter = project ? project->source()->as<FilterNode>() : nullptr;
  const auto* semiJoin = filter ? filter->source()->as<SemiJoinNode>() : nullptr;
  return semiJoin && semiJoin->sourceKeys().size() == 1 && sameSymbol(semiJoin->sourceKeys()[0], key);
}

/// A join whose build side aggregates by a key it joins on uses only the groups whose key the
/// probe side has. When a scan chain yields a superset of those probe keys and is estimated well
/// below the groups, the aggregation's input is first reduced by a semi join against that chain,
/// run a second time. The aggregation then builds only the groups the join can use (q17 and q20:
/// a correlated subquery aggregates all of lineitem for the few parts the outer query keeps).
/// Filtering on a grouping key removes whole groups, so the groups kept are unchanged.
class ReduceAggregationInput : public Rule {
 public:
  std::string name() const override { return "reduce_aggregation_input"; }
  bool matches(const PlanNode& node) const override {
    const auto* join = node.as<JoinNode>();
    if (!join || join->criteria().empty() ||
        (join->type() != JoinNode::Type::kInner && join->type() != JoinNode::Type::kLeft)) {
      return false;
    }
    const auto* aggregation = join->right()->as<AggregationNode>();
    return aggregation && aggregation->step() == AggregationNode::Step::kSingle && !aggregation->groupIdSymbol() &&
        aggregation->groupingSetCount() == 1;
  }
  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* join = node->as<JoinNode>();
    const auto* aggregation = join->right()->as<AggregationNode>();
    for (const auto& clause : join->criteria()) {
      bool grouped = false;
      for (const auto& key : aggregation->groupingKeys()) {
        grouped |= sameSymbol(key, clause.right);
      }
      if (!grouped || alreadyReduced(*aggregation, clause.right)) {
        continue;
      }
      auto source = findKeySource(join->left(), clause.left);
      if (!source) {
        continue;
      }
      CardinalityEstimator estimator(context);
      if (estimator.rows(source->plan) * kMinReduction > estimator.rows(join->right())) {
        continue;
      }
      return withReducedAggregation(*join, *aggregation, clause.right, *source, context);
    }
    return nullptr;
  }

 private:
  /// The key source must be estimated at this many times fewer rows than the groups.
  static constexpr double kMinReduction = 4;

  static PlanNodePtr withReducedAggregation(const JoinNode& join, const AggregationNode& aggregation,
      const Symbol& key, const KeySource& source, OptimizerContext& context) {
    SymbolMapping renamed;
    auto keys = copyScanChain(source.plan, context, renamed);
    auto keyCopy = asSymbol(renamed.at(source.symbol->name()));
    auto input = aggregation.source();
    auto marker = context.newSymbol("reduce", BOOLEAN());
    auto semiJoin = std::make_shared<SemiJoinNode>(
        context.nextId(), input, keys, std::vector<Symbol>{key}, std::vector<Symbol>{keyCopy}, nullptr, false, marker);
    auto filter = std::make_shared<FilterNode>(context.nextId(), semiJoin, marker);
    std::vector<Assignment> identity;
    for (const auto& symbol : input->outputSymbols()) {
      identity.push_back({symbol, symbol});
    }
    auto reduced = std::make_shared<ProjectNode>(context.nextId(), filter, std::move(identity));
    auto newAggregation = std::make_shared<AggregationNode>(aggregation.id(), reduced, aggregation.groupingKeys(),
        aggregation.aggregates(), aggregation.step());
    return std::make_shared<JoinNode>(join.id(), join.type(), join.left(), newAggregation, join.criteria(),
        join.filter(), join.distribution());
  }
};

} // namespace

RulePtr makeReduceAggregationInputRule() {
  return std::make_unique<ReduceAggregationInput>();
}

} // namespace presto::sql
