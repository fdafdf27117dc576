#include "common/Check.h"
#include "common/PrestoException.h"
#include "engine/PlanTranslator.h"
#include "exec/plan/AggregationNodes.h"
#include "exec/plan/FilterProjectNode.h"
#include "exec/plan/JoinNodes.h"
#include "exec/plan/RowNodes.h"
#include "exec/plan/SortNodes.h"
#include "function/aggregate/AggregateFunction.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/GroupIdNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/OffsetNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/SortNode.h"
#include "sql/planner/UnnestNode.h"
#include "sql/planner/WindowNode.h"

namespace presto::engine {
namespace {

exec::JoinType joinType(sql::JoinNode::Type type) {
  switch (type) {
    case sql::JoinNode::Type::kInner: return exec::JoinType::kInner;
    case sql::JoinNode::Type::kLeft: return exec::JoinType::kLeft;
    case sql::JoinNode::Type::kRight: return exec::JoinType::kRight;
    case sql::JoinNode::Type::kFull: return exec::JoinType::kFull;
  }
  PRESTO_FAIL("unknown join type");
}

exec::WindowFrame::BoundType boundType(sql::WindowFrameSpec::BoundType type) {
  using Bound = sql::WindowFrameSpec::BoundType;
  switch (type) {
    case Bound::kUnboundedPreceding: return exec::WindowFrame::BoundType::kUnboundedPreceding;
    case Bound::kPreceding: return exec::WindowFrame::BoundType::kPreceding;
    case Bound::kCurrentRow: return exec::WindowFrame::BoundType::kCurrentRow;
    case Bound::kFollowing: return exec::WindowFrame::BoundType::kFollowing;
    case Bound::kUnboundedFollowing: return exec::WindowFrame::BoundType::kUnboundedFollowing;
  }
  PRESTO_FAIL("unknown frame bound");
}

exec::WindowFrame::Type frameType(sql::WindowFrameSpec::Type type) {
  switch (type) {
    case sql::WindowFrameSpec::Type::kRows: return exec::WindowFrame::Type::kRows;
    case sql::WindowFrameSpec::Type::kRange: return exec::WindowFrame::Type::kRange;
    case sql::WindowFrameSpec::Type::kGroups: return exec::WindowFrame::Type::kGroups;
  }
  PRESTO_FAIL("unknown frame type");
}

std::vector<std::string> symbolNamesOf(const std::vector<sql::Symbol>& symbols) {
  std::vector<std::string> names;
  for (const auto& symbol : symbols) {
    names.push_back(symbol->name());
  }
  return names;
}

} // namespace

PlanTranslator::Translated PlanTranslator::visitAggregation(const sql::PlanNode& node) {
  const auto& aggregation = *node.as<sql::AggregationNode>();
  auto input = visit(aggregation.source());
  // Arguments that are not plain symbols (constants) are computed by a projection below.
  std::vector<sql::Symbol> extraSymbols;
  std::vector<RowExpressionPtr> extraValues;
  std::vector<std::vector<int32_t>> arguments;
  for (const auto& output : aggregation.aggregates()) {
    if (!output.aggregate.orderBy.empty()) {
      throw PrestoException(errors::NOT_SUPPORTED, "Aggregates with ORDER BY are not supported yet");
    }
    std::vector<int32_t> channels;
    for (const auto& argument : output.aggregate.arguments) {
      if (argument->kind() == RowExpressionKind::kVariableReference) {
        channels.push_back(input.channel(std::static_pointer_cast<const VariableReferenceExpression>(argument)));
        continue;
      }
      auto symbol = std::make_shared<const VariableReferenceExpression>(
          "$argument" + std::to_string(extraSymbols.size()), argument->type());
      channels.push_back(static_cast<int32_t>(input.layout.size() + extraSymbols.size()));
      extraSymbols.push_back(symbol);
      extraValues.push_back(toChannels(argument, input));
    }
    arguments.push_back(std::move(channels));
  }
  if (!extraSymbols.empty()) {
    std::vector<RowExpressionPtr> projections;
    for (size_t i = 0; i < input.layout.size(); ++i) {
      projections.push_back(std::make_shared<InputReferenceExpression>(static_cast<int32_t>(i), input.layout[i]->type()));
    }
    projections.insert(projections.end(), extraValues.begin(), extraValues.end());
    auto layout = input.layout;
    layout.insert(layout.end(), extraSymbols.begin(), extraSymbols.end());
    input = {std::make_shared<exec::FilterProjectNode>(
                 nextId(node, "arguments"), input.node, nullptr, std::move(projections), symbolNamesOf(layout)),
        layout};
  }

  std::vector<exec::AggregateCall> calls;
  std::vector<std::string> names;
  bool splittable = true;
  for (size_t i = 0; i < aggregation.aggregates().size(); ++i) {
    const auto& output = aggregation.aggregates()[i];
    const auto& function = *output.aggregate.function;
    PRESTO_CHECK(function.entry->aggregateFactory != nullptr, "aggregate {} has no implementation", function.name());
    auto implementation =
        function.entry->aggregateFactory(FunctionBinding{function.argumentTypes, function.returnType, {}});
    exec::AggregateCall call;
    call.function = function.name();
    call.inputs = arguments[i];
    call.rawInputTypes = function.argumentTypes;
    call.intermediateType = implementation->intermediateType();
    call.resultType = implementation->resultType();
    call.mask = output.aggregate.filter ? input.channel(*output.aggregate.filter) : -1;
    call.distinct = output.aggregate.distinct;
    splittable &= !call.distinct;
    calls.push_back(std::move(call));
    names.push_back(output.symbol->name());
  }
  auto keys = channels(input, aggregation.groupingKeys());
  auto id = std::to_string(node.id());
  switch (aggregation.step()) {
    case sql::AggregationNode::Step::kPartial:
      return {std::make_shared<exec::AggregationNode>(id, input.node, exec::AggregationStep::kPartial, keys, calls, names),
          aggregation.outputSymbols()};
    case sql::AggregationNode::Step::kIntermediate:
    case sql::AggregationNode::Step::kFinal: {
      // Each aggregate's single argument is the partial step's intermediate column.
      auto step = aggregation.step() == sql::AggregationNode::Step::kFinal ? exec::AggregationStep::kFinal
                                                                          : exec::AggregationStep::kIntermediate;
      return {std::make_shared<exec::AggregationNode>(id, input.node, step, keys, calls, names),
          aggregation.outputSymbols()};
    }
    case sql::AggregationNode::Step::kSingle:
      break;
  }
  if (!splittable) {
    return {std::make_shared<exec::AggregationNode>(id, input.node, exec::AggregationStep::kSingle, keys, calls, names),
        aggregation.outputSymbols()};
  }
  // Partial aggregation where the rows are, final aggregation after the local repartition.
  auto partial = std::make_shared<exec::AggregationNode>(
      nextId(node, "partial"), input.node, exec::AggregationStep::kPartial, keys, calls, names);
  std::vector<int32_t> finalKeys;
  for (size_t i = 0; i < keys.size(); ++i) {
    finalKeys.push_back(static_cast<int32_t>(i));
  }
  std::vector<exec::AggregateCall> finalCalls = calls;
  for (size_t i = 0; i < finalCalls.size(); ++i) {
    finalCalls[i].inputs = {static_cast<int32_t>(keys.size() + i)};
    finalCalls[i].mask = -1;
  }
  return {std::make_shared<exec::AggregationNode>(id, partial, exec::AggregationStep::kFinal, finalKeys, finalCalls, names),
      aggregation.outputSymbols()};
}

PlanTranslator::Translated PlanTranslator::visitJoin(const sql::PlanNode& node) {
  const auto& join = *node.as<sql::JoinNode>();
  auto left = visit(join.left());
  auto right = visit(join.right());
  Translated output{nullptr, left.layout};
  output.layout.insert(output.layout.end(), right.layout.begin(), right.layout.end());
  RowExpressionPtr filter = join.filter() ? toChannels(join.filter(), {nullptr, output.layout}) : nullptr;
  auto id = std::to_string(node.id());
  if (join.criteria().empty()) {
    output.node = std::make_shared<exec::NestedLoopJoinNode>(id, joinType(join.type()), filter, left.node, right.node);
    return output;
  }
  std::vector<int32_t> leftKeys;
  std::vector<int32_t> rightKeys;
  for (const auto& clause : join.criteria()) {
    leftKeys.push_back(left.channel(clause.left));
    rightKeys.push_back(right.channel(clause.right));
  }
  output.node = std::make_shared<exec::HashJoinNode>(
      id, joinType(join.type()), false, leftKeys, rightKeys, filter, left.node, right.node);
  return output;
}

PlanTranslator::Translated PlanTranslator::visitSemiJoin(const sql::PlanNode& node) {
  const auto& semiJoin = *node.as<sql::SemiJoinNode>();
  auto source = visit(semiJoin.source());
  auto filtering = visit(semiJoin.filteringSource());
  if (semiJoin.sourceKeys().empty()) {
    throw PrestoException(errors::NOT_SUPPORTED, "Subqueries correlated only through inequalities are not supported yet");
  }
  auto layout = source.layout;
  layout.push_back(semiJoin.semiJoinOutput());
  // The probe side is the left input; the residual filter sees its columns first.
  const Translated& probe = semiJoin.hashesSource() ? filtering : source;
  const Translated& build = semiJoin.hashesSource() ? source : filtering;
  Translated both{nullptr, probe.layout};
  both.layout.insert(both.layout.end(), build.layout.begin(), build.layout.end());
  RowExpressionPtr filter = semiJoin.filter() ? toChannels(semiJoin.filter(), both) : nullptr;
  auto sourceKeys = channels(source, semiJoin.sourceKeys());
  auto filteringKeys = channels(filtering, semiJoin.filteringKeys());
  auto id = std::to_string(node.id());
  const auto& name = semiJoin.semiJoinOutput()->name();
  if (semiJoin.hashesSource()) {
    return {std::make_shared<exec::HashJoinNode>(id, exec::JoinType::kRightSemiProject, false, filteringKeys, sourceKeys,
                filter, filtering.node, source.node, name),
        layout};
  }
  return {std::make_shared<exec::HashJoinNode>(id, exec::JoinType::kLeftSemiProject, semiJoin.nullAware(), sourceKeys,
              filteringKeys, filter, source.node, filtering.node, name),
      layout};
}

PlanTranslator::Translated PlanTranslator::visitWindow(const sql::PlanNode& node) {
  const auto& window = *node.as<sql::WindowNode>();
  auto input = visit(window.source());
  std::vector<exec::WindowFunctionCall> calls;
  std::vector<std::string> names;
  auto offsetOf = [&](const std::optional<sql::Symbol>& symbol) -> int64_t {
    if (!symbol) {
      return 0;
    }
    auto value = constantOf(*symbol);
    if (!value || value->isNull()) {
      throw PrestoException(errors::NOT_SUPPORTED, "Window frame offsets must be constants");
    }
    return value->as<int64_t>();
  };
  for (const auto& function : window.functions()) {
    exec::WindowFunctionCall call;
    call.function = function.function->name();
    call.resultType = function.function->returnType;
    call.frame.type = frameType(function.frame.type);
    call.frame.startType = boundType(function.frame.startType);
    call.frame.startOffset = offsetOf(function.frame.startValue);
    call.frame.endType = boundType(function.frame.endType);
    call.frame.endOffset = offsetOf(function.frame.endValue);
    call.ignoreNulls = function.ignoreNulls;
    // ntile's bucket count, lag/lead's offset and nth_value's position are constants, and so is
    // lag/lead's default.
    size_t firstConstant = call.function == "ntile" ? 0 : 1;
    for (size_t i = 0; i < function.arguments.size(); ++i) {
      const auto& argument = function.arguments[i];
      if (i < firstConstant) {
        if (argument->kind() != RowExpressionKind::kVariableReference) {
          throw PrestoException(errors::NOT_SUPPORTED, "Window function arguments must be columns");
        }
        call.inputs.push_back(input.channel(std::static_pointer_cast<const VariableReferenceExpression>(argument)));
        continue;
      }
      auto value = constantOf(argument);
      if (i == 2 && value) {
        call.defaultValue = *value;
        continue;
      }
      if (i >= 2 || !value || value->isNull()) {
        throw PrestoException(errors::NOT_SUPPORTED,
            fmt::format("Argument {} of window function {} must be a non-null constant", i + 1, call.function));
      }
      call.constantArgument = value->as<int64_t>();
    }
    calls.push_back(std::move(call));
    names.push_back(function.output->name());
  }
  auto layout = input.layout;
  for (const auto& function : window.functions()) {
    layout.push_back(function.output);
  }
  return {std::make_shared<exec::WindowNode>(std::to_string(node.id()), input.node,
              channels(input, window.partitionBy()), sortKeys(input, window.orderBy()), std::move(calls),
              std::move(names)),
      layout};
}

PlanTranslator::Translated PlanTranslator::visitUnion(const sql::PlanNode& node) {
  const auto& setOperation = *node.as<sql::SetOperationNode>();
  PRESTO_CHECK(setOperation.kind() == sql::SetOperationNode::Kind::kUnion && !setOperation.distinct(),
      "{} must be rewritten by the optimizer", setOperation.name());
  std::vector<exec::PlanNodePtr> sources;
  for (size_t i = 0; i < setOperation.sources().size(); ++i) {
    auto source = visit(setOperation.sources()[i]);
    auto restricted = restrict(source, setOperation.inputs()[i], std::to_string(node.id()));
    // Every branch names its columns as the union's output.
    std::vector<RowExpressionPtr> projections;
    for (size_t column = 0; column < restricted.layout.size(); ++column) {
      projections.push_back(std::make_shared<InputReferenceExpression>(
          static_cast<int32_t>(column), setOperation.outputSymbols()[column]->type()));
    }
    sources.push_back(std::make_shared<exec::FilterProjectNode>(nextId(node, "branch" + std::to_string(i)),
        restricted.node, nullptr, std::move(projections), symbolNamesOf(setOperation.outputSymbols())));
  }
  return {std::make_shared<exec::LocalExchangeNode>(
              std::to_string(node.id()), exec::LocalExchangeKind::kRoundRobin, std::vector<int32_t>{}, std::move(sources)),
      setOperation.outputSymbols()};
}

PlanTranslator::Translated PlanTranslator::visitUnnest(const sql::PlanNode& node) {
  const auto& unnest = *node.as<sql::UnnestNode>();
  auto input = visit(unnest.source());
  std::vector<sql::Symbol> inputs;
  // The physical unnest outputs one column per array (a row element stays one column) and two
  // per map; arrays of rows are split into their fields by a projection above.
  std::vector<sql::Symbol> physicalLayout = unnest.replicate();
  std::vector<std::pair<size_t, const sql::UnnestNode::Mapping*>> rowArrays;
  for (const auto& mapping : unnest.mappings()) {
    inputs.push_back(mapping.input);
    bool arrayOfRows = mapping.input->type()->kind() == TypeKind::kArray && mapping.outputs.size() > 1;
    if (arrayOfRows) {
      rowArrays.push_back({physicalLayout.size(), &mapping});
      physicalLayout.push_back(std::make_shared<const VariableReferenceExpression>(
          mapping.input->name() + "$element", mapping.input->type()->childAt(0)));
    } else {
      physicalLayout.insert(physicalLayout.end(), mapping.outputs.begin(), mapping.outputs.end());
    }
  }
  if (unnest.ordinality()) {
    physicalLayout.push_back(*unnest.ordinality());
  }
  Translated result{std::make_shared<exec::UnnestNode>(std::to_string(node.id()), input.node,
                        channels(input, unnest.replicate()), channels(input, inputs), unnest.ordinality().has_value()),
      physicalLayout};
  if (rowArrays.empty()) {
    return result;
  }
  std::vector<RowExpressionPtr> projections;
  std::vector<sql::Symbol> layout;
  for (size_t i = 0; i < physicalLayout.size(); ++i) {
    auto it = std::find_if(rowArrays.begin(), rowArrays.end(), [&](const auto& entry) { return entry.first == i; });
    RowExpressionPtr column = std::make_shared<InputReferenceExpression>(static_cast<int32_t>(i), physicalLayout[i]->type());
    if (it == rowArrays.end()) {
      projections.push_back(column);
      layout.push_back(physicalLayout[i]);
      continue;
    }
    for (size_t field = 0; field < it->second->outputs.size(); ++field) {
      const auto& output = it->second->outputs[field];
      projections.push_back(std::make_shared<SpecialFormExpression>(SpecialForm::kDereference, output->type(),
          std::vector<RowExpressionPtr>{column, std::make_shared<ConstantExpression>(
                                                    Value(static_cast<int32_t>(field)), INTEGER())}));
      layout.push_back(output);
    }
  }
  return {std::make_shared<exec::FilterProjectNode>(
              nextId(node, "fields"), result.node, nullptr, std::move(projections), symbolNamesOf(layout)),
      layout};
}

PlanTranslator::Translated PlanTranslator::visitGroupId(const sql::PlanNode& node) {
  const auto& groupId = *node.as<sql::GroupIdNode>();
  auto input = visit(groupId.source());
  std::vector<int32_t> keys;
  for (const auto& column : groupId.groupingColumns()) {
    keys.push_back(input.channel(column.input));
  }
  std::vector<std::vector<int32_t>> sets;
  for (const auto& set : groupId.groupingSets()) {
    std::vector<int32_t> channels;
    for (const auto& symbol : set) {
      for (const auto& column : groupId.groupingColumns()) {
        if (sql::sameSymbol(column.output, symbol)) {
          channels.push_back(input.channel(column.input));
        }
      }
    }
    sets.push_back(std::move(channels));
  }
  return {std::make_shared<exec::GroupIdNode>(std::to_string(node.id()), input.node, keys, sets,
              channels(input, groupId.aggregationArguments()), groupId.groupIdSymbol()->name()),
      groupId.outputSymbols()};
}

PlanTranslator::Translated PlanTranslator::visitRowNode(const sql::PlanNode& node) {
  auto input = visit(node.source());
  auto id = std::to_string(node.id());
  if (const auto* sort = node.as<sql::SortNode>()) {
    return {std::make_shared<exec::OrderByNode>(id, input.node, sortKeys(input, sort->orderBy())), input.layout};
  }
  if (const auto* topN = node.as<sql::TopNNode>()) {
    return {std::make_shared<exec::TopNNode>(id, input.node, sortKeys(input, topN->orderBy()), topN->count()),
        input.layout};
  }
  if (const auto* limit = node.as<sql::LimitNode>()) {
    return {std::make_shared<exec::LimitNode>(id, input.node, limit->count()), input.layout};
  }
  if (const auto* offset = node.as<sql::OffsetNode>()) {
    return {std::make_shared<exec::OffsetNode>(id, input.node, offset->count()), input.layout};
  }
  if (node.as<sql::EnforceSingleRowNode>()) {
    return {std::make_shared<exec::EnforceSingleRowNode>(id, input.node), input.layout};
  }
  const auto* markDistinct = node.as<sql::MarkDistinctNode>();
  PRESTO_CHECK(markDistinct != nullptr, "no translation for {}", node.name());
  auto layout = input.layout;
  layout.push_back(markDistinct->marker());
  return {std::make_shared<exec::MarkDistinctNode>(
              id, input.node, channels(input, markDistinct->distinctSymbols()), markDistinct->marker()->name()),
      layout};
}

} // namespace presto::engine
