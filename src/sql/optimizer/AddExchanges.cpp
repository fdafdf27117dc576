#include "sql/optimizer/AddExchanges.h"

#include <algorithm>
#include <charconv>

#include "common/Check.h"
#include "sql/optimizer/CoordinatorTables.h"
#include "sql/optimizer/JoinDistribution.h"
#include "sql/optimizer/OptimizerContext.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/optimizer/SplitAggregation.h"
#include "sql/optimizer/SymbolReferences.h"
#include "sql/optimizer/TaskDistribution.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/ExchangeNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/GroupIdNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/SortNode.h"
#include "sql/planner/TableWriterNode.h"
#include "sql/planner/UnnestNode.h"
#include "sql/planner/ValuesNode.h"
#include "sql/planner/WindowNode.h"

namespace presto::sql {
namespace {

/// A rewritten subtree and how its rows are spread over tasks.
struct Placed {
  PlanNodePtr node;
  TaskDistribution distribution;
};


bool sameSymbols(const std::vector<Symbol>& left, const std::vector<Symbol>& right) {
  if (left.size() != right.size()) {
    return false;
  }
  for (size_t i = 0; i < left.size(); ++i) {
    if (!sameSymbol(left[i], right[i])) {
      return false;
    }
  }
  return true;
}

/// Where each hash key of `distribution` sits in `keys`, for its first key set that is a subset
/// of them.
std::optional<std::vector<size_t>> keyPositions(const TaskDistribution& distribution, const std::vector<Symbol>& keys) {
  if (!distribution.isHashed()) {
    return std::nullopt;
  }
  for (const auto& hashKeys : distribution.keySets) {
    std::vector<size_t> positions;
    for (const auto& key : hashKeys) {
      size_t position = 0;
      while (position < keys.size() && !sameSymbol(keys[position], key)) {
        ++position;
      }
      if (position == keys.size()) {
        break;
      }
      positions.push_back(position);
    }
    if (positions.size() == hashKeys.size()) {
      return positions;
    }
  }
  return std::nullopt;
}

std::vector<Symbol> atPositions(const std::vector<Symbol>& keys, const std::vector<size_t>& positions) {
  std::vector<Symbol> selected;
  for (auto position : positions) {
    selected.push_back(keys[position]);
  }
  return selected;
}

/// `distribution` with each hash key renamed through `rename`; a key set with a key that has no
/// name there (null) is dropped.
template <typename Rename>
TaskDistribution renamed(const TaskDistribution& distribution, Rename&& rename) {
  if (!distribution.isHashed()) {
    return distribution;
  }
  TaskDistribution result{TaskDistribution::Kind::kHashed, {}};
  for (const auto& keys : distribution.keySets) {
    std::vector<Symbol> renamedKeys;
    for (const auto& key : keys) {
      if (auto symbol = rename(key)) {
        renamedKeys.push_back(symbol);
      }
    }
    if (renamedKeys.size() == keys.size()) {
      result.keySets.push_back(std::move(renamedKeys));
    }
  }
  return result.keySets.empty() ? TaskDistribution::arbitrary() : result;
}

/// Both inputs of a join-like node and the distribution they share.
struct PlacedPair {
  Placed left;
  Placed right;
  TaskDistribution distribution;
};

class ExchangePlacer {
 public:
  ExchangePlacer(OptimizerContext& context, int32_t partitionCount)
      : context_(context), partitionCount_(partitionCount) {}

  /// Places `node`'s subtree; `preferred` is how the consumer would like the rows (a hint that
  /// lets a UNION ALL exchange partition for its consumer).
  Placed place(const PlanNodePtr& node, const TaskDistribution& preferred) {
    if (auto scan = node->as<TableScanNode>()) {
      return {node, readsCoordinatorTable(*scan) ? TaskDistribution::single() : TaskDistribution::arbitrary()};
    }
    if (node->as<ValuesNode>()) {
      return {node, TaskDistribution::single()};
    }
    if (auto aggregation = node->as<AggregationNode>()) {
      return placeAggregation(node, *aggregation);
    }
    if (auto join = node->as<JoinNode>()) {
      return placeJoin(node, *join, preferred);
    }
    if (auto semiJoin = node->as<SemiJoinNode>()) {
      return placeSemiJoin(node, *semiJoin, preferred);
    }
    if (auto setOperation = node->as<SetOperationNode>();
        setOperation && setOperation->kind() == SetOperationNode::Kind::kUnion) {
      return placeUnion(*setOperation, preferred.restrictedTo(node->outputSymbols()));
    }
    if (auto project = node->as<ProjectNode>()) {
      return placeProject(node, *project, preferred);
    }
    if (node->as<TopNNode>() || node->as<LimitNode>()) {
      return placeInTwoSteps(node);
    }
    if (auto window = node->as<WindowNode>()) {
      return placeGrouped(node, TaskDistribution::groupedBy(window->partitionBy()));
    }
    if (auto markDistinct = node->as<MarkDistinctNode>()) {
      return placeGrouped(node, TaskDistribution::groupedBy(markDistinct->distinctSymbols()));
    }
    if (node->as<FilterNode>() || node->as<UnnestNode>() || node->as<GroupIdNode>() || node->as<TableWriterNode>()) {
      return placeStreaming(node, preferred);
    }
    // Output, Sort, Offset, EnforceSingleRow, TableCommit: one task sees every row.
    return placeGrouped(node, TaskDistribution::single());
  }

 private:
  /// `placed` itself when it already meets `required`, else under an exchange delivering it.
  Placed enforce(const Placed& placed, const TaskDistribution& required) {
    if (placed.distribution.satisfies(required)) {
      return placed;
    }
    if (required.isSingle()) {
      return {exchange(ExchangeNode::Type::kGather, placed.node), required};
    }
    return {exchange(ExchangeNode::Type::kRepartition, placed.node, required.keys()), required};
  }

  PlanNodePtr exchange(ExchangeNode::Type type, const PlanNodePtr& source, std::vector<Symbol> keys = {}) {
    int32_t count = type == ExchangeNode::Type::kRepartition ? partitionCount_ : 1;
    return ExchangeNode::of(context_.nextId(), type, source, std::move(keys), count);
  }

  /// Nodes that work row by row (or write rows) where their input is.
  Placed placeStreaming(const PlanNodePtr& node, const TaskDistribution& preferred) {
    auto source = place(node->source(), preferred.restrictedTo(node->source()->outputSymbols()));
    return {replaceSources(node, {source.node}), source.distribution.restrictedTo(node->outputSymbols())};
  }

  /// Nodes needing every source distributed as `required`.
  Placed placeGrouped(const PlanNodePtr& node, const TaskDistribution& required) {
    std::vector<PlanNodePtr> sources;
    TaskDistribution distribution = required;
    for (const auto& source : node->sources()) {
      auto placed = enforce(place(source, required), required);
      sources.push_back(placed.node);
      distribution = placed.distribution;
    }
    return {replaceSources(node, std::move(sources)), distribution.restrictedTo(node->outputSymbols())};
  }

  Placed placeProject(const PlanNodePtr& node, const ProjectNode& project, const TaskDistribution& preferred) {
    auto inputOf = [&](const Symbol& output) -> Symbol {
      for (const auto& assignment : project.assignments()) {
        if (sameSymbol(assignment.symbol, output)) {
          return asSymbol(assignment.expression);
        }
      }
      return nullptr;
    };
    auto outputOf = [&](const Symbol& input) -> Symbol {
      for (const auto& assignment : project.assignments()) {
        if (auto symbol = asSymbol(assignment.expression); symbol && sameSymbol(symbol, input)) {
          return assignment.symbol;
        }
      }
      return nullptr;
    };
    auto source = place(project.source(), renamed(preferred, inputOf));
    return {replaceSources(node, {source.node}), renamed(source.distribution, outputOf)};
  }

  /// TopN and Limit: a partial copy in every task, then the final one after a GATHER.
  Placed placeInTwoSteps(const PlanNodePtr& node) {
    auto source = place(node->source(), TaskDistribution::single());
    if (source.distribution.isSingle()) {
      return {replaceSources(node, {source.node}), source.distribution};
    }
    PlanNodePtr partial;
    if (auto topN = node->as<TopNNode>()) {
      partial = std::make_shared<TopNNode>(context_.nextId(), source.node, topN->count(), topN->orderBy());
    } else {
      partial = std::make_shared<LimitNode>(context_.nextId(), source.node, node->as<LimitNode>()->count());
    }
    return {replaceSources(node, {exchange(ExchangeNode::Type::kGather, partial)}), TaskDistribution::single()};
  }

  Placed placeAggregation(const PlanNodePtr& node, const AggregationNode& aggregation) {
    auto required = TaskDistribution::groupedBy(aggregation.groupingKeys());
    if (auto unionNode = aggregation.source()->as<SetOperationNode>();
        unionNode && unionNode->kind() == SetOperationNode::Kind::kUnion) {
      if (auto split = splitAggregation(aggregation, context_)) {
        return placeAggregationOverUnion(aggregation, *unionNode, *split, required);
      }
    }
    auto source = place(aggregation.source(), required);
    if (source.distribution.satisfies(required)) {
      return {replaceSources(node, {source.node}), source.distribution.restrictedTo(node->outputSymbols())};
    }
    auto split = splitAggregation(aggregation, context_);
    if (!split) {
      return {replaceSources(node, {enforce(source, required).node}), required};
    }
    auto partial = makePartialAggregation(aggregation, source.node, std::move(split->partial), context_);
    auto exchanged = enforce({partial, source.distribution.restrictedTo(partial->outputSymbols())}, required);
    return {makeFinalAggregation(aggregation, exchanged.node, std::move(split->final)), required};
  }

  /// A partial aggregation in every input of the union, the union as the aggregation's exchange.
  Placed placeAggregationOverUnion(const AggregationNode& aggregation, const SetOperationNode& unionNode,
      AggregationSplit split, const TaskDistribution& required) {
    std::vector<Symbol> outputs = aggregation.groupingKeys();
    for (const auto& partial : split.partial) {
      outputs.push_back(partial.symbol);
    }
    std::vector<PlanNodePtr> sources;
    std::vector<std::vector<Symbol>> inputs;
    for (size_t i = 0; i < unionNode.sources().size(); ++i) {
      SymbolMapping mapping;
      for (size_t column = 0; column < unionNode.outputSymbols().size(); ++column) {
        mapping[unionNode.outputSymbols()[column]->name()] = unionNode.inputs()[i][column];
      }
      auto inputOf = [&](const Symbol& symbol) { return asSymbol(substituteSymbols(symbol, mapping)); };
      std::vector<Symbol> keys;
      for (const auto& key : aggregation.groupingKeys()) {
        keys.push_back(inputOf(key));
      }
      std::vector<AggregationNode::Output> partials;
      inputs.push_back(keys);
      for (const auto& partial : split.partial) {
        Aggregate aggregate = partial.aggregate;
        for (auto& argument : aggregate.arguments) {
          argument = substituteSymbols(argument, mapping);
        }
        if (aggregate.filter) {
          aggregate.filter = inputOf(*aggregate.filter);
        }
        partials.push_back({context_.newSymbol(partial.symbol->name(), partial.symbol->type()), std::move(aggregate)});
        inputs.back().push_back(partials.back().symbol);
      }
      auto source = place(unionNode.sources()[i], renamed(required, inputOf)).node;
      sources.push_back(std::make_shared<AggregationNode>(
          context_.nextId(), source, std::move(keys), std::move(partials), AggregationNode::Step::kPartial));
    }
    auto type = required.isSingle() ? ExchangeNode::Type::kGather : ExchangeNode::Type::kRepartition;
    auto exchange = std::make_shared<ExchangeNode>(context_.nextId(), type, std::move(sources), std::move(outputs),
        std::move(inputs), required.isSingle() ? std::vector<Symbol>{} : required.keys(),
        required.isSingle() ? 1 : partitionCount_);
    return {makeFinalAggregation(aggregation, exchange, std::move(split.final)), required};
  }

  Placed placeJoin(const PlanNodePtr& node, const JoinNode& join, const TaskDistribution& preferred) {
    auto distribution = join.distribution().value_or(
        join.criteria().empty() ? JoinNode::Distribution::kBroadcast : JoinNode::Distribution::kPartitioned);
    if (distribution == JoinNode::Distribution::kBroadcast) {
      auto pair = placeBroadcast(join.left(), join.right(), preferred);
      return {replaceSources(node, {pair.left.node, pair.right.node}), pair.distribution};
    }
    std::vector<Symbol> leftKeys;
    std::vector<Symbol> rightKeys;
    for (const auto& clause : join.criteria()) {
      leftKeys.push_back(clause.left);
      rightKeys.push_back(clause.right);
    }
    auto pair = placeCoPartitioned(join.left(), leftKeys, join.right(), rightKeys);
    // Outer joins output NULL keys for the unmatched rows of a preserved side, in any task.
    auto output = pair.distribution;
    if (output.isHashed() && join.type() != JoinNode::Type::kInner) {
      output = join.type() == JoinNode::Type::kLeft ? TaskDistribution::hashed(output.keys())
                                                    : TaskDistribution::arbitrary();
    }
    return {replaceSources(node, {pair.left.node, pair.right.node}), output};
  }

  Placed placeSemiJoin(const PlanNodePtr& node, const SemiJoinNode& semiJoin, const TaskDistribution& preferred) {
    auto choice = context_.session().property(kJoinDistributionType).value_or("AUTOMATIC");
    bool partitioned = choice == "PARTITIONED" && !semiJoin.nullAware() && !semiJoin.sourceKeys().empty();
    auto pair = partitioned
        ? placeCoPartitioned(semiJoin.source(), semiJoin.sourceKeys(), semiJoin.filteringSource(),
              semiJoin.filteringKeys())
        : placeBroadcast(semiJoin.source(), semiJoin.filteringSource(), preferred);
    return {replaceSources(node, {pair.left.node, pair.right.node}), pair.distribution.restrictedTo(node->outputSymbols())};
  }

  /// The probe side stays where it is; the build side is replicated to every task of it.
  PlacedPair placeBroadcast(const PlanNodePtr& probe, const PlanNodePtr& build, const TaskDistribution& preferred) {
    auto left = place(probe, preferred.restrictedTo(probe->outputSymbols()));
    auto right = place(build, TaskDistribution::arbitrary());
    if (!left.distribution.isSingle() || !right.distribution.isSingle()) {
      right = {exchange(ExchangeNode::Type::kReplicate, right.node), left.distribution};
    }
    return {left, right, left.distribution};
  }

  /// Both sides hashed alike on corresponding keys; a side already hashed on some of the keys
  /// decides which, so that it needs no exchange.
  PlacedPair placeCoPartitioned(const PlanNodePtr& leftNode, const std::vector<Symbol>& leftKeys,
      const PlanNodePtr& rightNode, const std::vector<Symbol>& rightKeys) {
    auto left = place(leftNode, TaskDistribution::groupedBy(leftKeys));
    auto right = place(rightNode, TaskDistribution::groupedBy(rightKeys));
    if (leftKeys.empty() || (left.distribution.isSingle() && right.distribution.isSingle())) {
      left = enforce(left, TaskDistribution::single());
      right = enforce(right, TaskDistribution::single());
      return {left, right, TaskDistribution::single()};
    }
    auto positions = keyPositions(left.distribution, leftKeys);
    if (!positions) {
      positions = keyPositions(right.distribution, rightKeys);
    }
    if (!positions) {
      positions.emplace();
      for (size_t i = 0; i < leftKeys.size(); ++i) {
        positions->push_back(i);
      }
    }
    left = hashedExactlyOn(left, atPositions(leftKeys, *positions));
    right = hashedExactlyOn(right, atPositions(rightKeys, *positions));
    auto both = left.distribution;
    both.keySets.push_back(right.distribution.keys());
    return {left, right, both};
  }

  /// `placed` hashed on exactly `keys` in this order (so that two sides hash alike).
  Placed hashedExactlyOn(const Placed& placed, const std::vector<Symbol>& keys) {
    const auto& keySets = placed.distribution.keySets;
    bool hashed = placed.distribution.isHashed() &&
        std::any_of(keySets.begin(), keySets.end(), [&](const auto& hashKeys) { return sameSymbols(hashKeys, keys); });
    if (hashed) {
      return {placed.node, TaskDistribution::hashed(keys)};
    }
    return {exchange(ExchangeNode::Type::kRepartition, placed.node, keys), TaskDistribution::hashed(keys)};
  }

  /// UNION ALL as an exchange with one source per input, each projected to its input symbols.
  Placed placeUnion(const SetOperationNode& unionNode, const TaskDistribution& preferred) {
    bool repartition = preferred.isHashed();
    std::vector<PlanNodePtr> sources;
    for (size_t i = 0; i < unionNode.sources().size(); ++i) {
      const auto& inputs = unionNode.inputs()[i];
      auto inputOf = [&](const Symbol& output) -> Symbol {
        for (size_t column = 0; column < inputs.size(); ++column) {
          if (sameSymbol(unionNode.outputSymbols()[column], output)) {
            return inputs[column];
          }
        }
        return nullptr;
      };
      auto source = place(unionNode.sources()[i], renamed(preferred, inputOf)).node;
      sources.push_back(projectedTo(source, inputs));
    }
    auto type = repartition ? ExchangeNode::Type::kRepartition : ExchangeNode::Type::kGather;
    auto node = std::make_shared<ExchangeNode>(context_.nextId(), type, std::move(sources), unionNode.outputSymbols(),
        unionNode.inputs(), repartition ? preferred.keys() : std::vector<Symbol>{}, repartition ? partitionCount_ : 1);
    return {node, repartition ? preferred : TaskDistribution::single()};
  }

  /// `node` outputting exactly `symbols` (a projection when its outputs differ).
  PlanNodePtr projectedTo(const PlanNodePtr& node, const std::vector<Symbol>& symbols) {
    if (sameSymbols(node->outputSymbols(), symbols)) {
      return node;
    }
    std::vector<Assignment> assignments;
    for (const auto& symbol : symbols) {
      assignments.push_back({symbol, symbol});
    }
    return std::make_shared<ProjectNode>(context_.nextId(), node, std::move(assignments));
  }

  OptimizerContext& context_;
  const int32_t partitionCount_;
};

} // namespace

int32_t hashPartitionCountOf(const Session& session) {
  auto value = session.property(kHashPartitionCount);
  if (!value) {
    return kDefaultHashPartitionCount;
  }
  int32_t count = 0;
  const char* end = value->data() + value->size();
  auto [parsedEnd, error] = std::from_chars(value->data(), end, count);
  PRESTO_USER_CHECK(error == std::errc() && parsedEnd == end && count > 0, errors::INVALID_SESSION_PROPERTY,
      "{} must be a positive integer: {}", kHashPartitionCount, *value);
  return count;
}

PlanNodePtr addExchanges(const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata,
    const FunctionRegistry& functions) {
  OptimizerContext context(plan, session, metadata, functions);
  ExchangePlacer placer(context, hashPartitionCountOf(session));
  return placer.place(plan, TaskDistribution::single()).node;
}

} // namespace presto::sql
