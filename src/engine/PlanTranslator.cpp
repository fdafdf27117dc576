#include "engine/PlanTranslator.h"

#include "common/Check.h"
#include "common/PrestoException.h"
#include "exec/plan/ExchangeNode.h"
#include "exec/plan/FilterProjectNode.h"
#include "exec/plan/JoinNodes.h"
#include "exec/plan/RowNodes.h"
#include "exec/plan/SourceNodes.h"
#include "expression/ConstantFolder.h"
#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/GroupIdNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/OffsetNode.h"
#include "sql/planner/OutputNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/RemoteSourceNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/SortNode.h"
#include "sql/planner/TableScanNode.h"
#include "sql/planner/TableWriterNode.h"
#include "sql/planner/UnnestNode.h"
#include "sql/planner/ValuesNode.h"
#include "sql/planner/WindowNode.h"
#include "vector/VectorValues.h"

namespace presto::engine {
namespace {

RowExpressionPtr replaceSymbols(const RowExpressionPtr& expression,
    const std::function<RowExpressionPtr(const VariableReferenceExpression&)>& replace,
    std::vector<std::string>& shadowed) {
  switch (expression->kind()) {
    case RowExpressionKind::kVariableReference: {
      const auto* variable = expression->as<VariableReferenceExpression>();
      if (std::find(shadowed.begin(), shadowed.end(), variable->name()) != shadowed.end()) {
        return expression;
      }
      return replace(*variable);
    }
    case RowExpressionKind::kConstant:
    case RowExpressionKind::kInputReference:
      return expression;
    default:
      break;
  }
  size_t shadowedBefore = shadowed.size();
  if (expression->kind() == RowExpressionKind::kLambda) {
    const auto& names = expression->as<LambdaDefinitionExpression>()->parameterNames();
    shadowed.insert(shadowed.end(), names.begin(), names.end());
  }
  std::vector<RowExpressionPtr> arguments;
  bool changed = false;
  for (const auto& argument : expression->arguments()) {
    arguments.push_back(replaceSymbols(argument, replace, shadowed));
    changed |= arguments.back() != argument;
  }
  shadowed.resize(shadowedBefore);
  return changed ? sql::withArguments(*expression, std::move(arguments)) : expression;
}

std::vector<std::string> namesOf(const std::vector<sql::Symbol>& symbols) {
  std::vector<std::string> names;
  for (const auto& symbol : symbols) {
    names.push_back(symbol->name());
  }
  return names;
}

bool sameSymbols(const std::vector<sql::Symbol>& left, const std::vector<sql::Symbol>& right) {
  return std::equal(left.begin(), left.end(), right.begin(), right.end(),
      [](const auto& a, const auto& b) { return sql::sameSymbol(a, b); });
}

} // namespace

int32_t PlanTranslator::Translated::channel(const sql::Symbol& symbol) const {
  for (size_t i = 0; i < layout.size(); ++i) {
    if (sql::sameSymbol(layout[i], symbol)) {
      return static_cast<int32_t>(i);
    }
  }
  PRESTO_FAIL("symbol {} is not produced by {}", symbol->name(), node->name());
}

PhysicalPlan PlanTranslator::translate(const sql::DistributedPlan& plan) {
  plan_ = PhysicalPlan{};
  insertHandle_ = {};
  // Symbols are unique in a plan: constants projected in a producer fragment (frame offsets)
  // are known to the consumers translated after it.
  constants_.clear();
  plan_.fragments.resize(plan.fragments.size());
  plan_.rootFragment = plan.rootFragment;
  auto tasksOf = [&](const sql::PlanFragment& fragment) {
    return fragment.partitioning == sql::PlanFragment::Partitioning::kHash ? plan.hashPartitionCount : 1;
  };
  // Fragments are numbered from the root down: translating the highest ids first visits a
  // TableWriter before the TableCommit that needs its insert handle.
  for (auto it = plan.fragments.rbegin(); it != plan.fragments.rend(); ++it) {
    FragmentOutput output{it->id == plan.rootFragment, 1};
    // The consumer is the fragment reading this one.
    for (const auto& consumer : plan.fragments) {
      const auto& sources = consumer.sourceFragments;
      if (std::find(sources.begin(), sources.end(), it->id) != sources.end()) {
        output.consumerTasks = tasksOf(consumer);
      }
    }
    plan_.fragments[static_cast<size_t>(it->id)] = translateOne(*it, tasksOf(*it), output);
  }
  plan_.distributed = plan;
  return std::move(plan_);
}

PhysicalPlan PlanTranslator::translateFragment(const sql::PlanFragment& fragment, const FragmentOutput& output) {
  plan_ = PhysicalPlan{};
  insertHandle_ = {};
  constants_.clear();
  plan_.fragments.push_back(translateOne(fragment, 1, output));
  return std::move(plan_);
}

PhysicalFragment PlanTranslator::translateOne(
    const sql::PlanFragment& fragment, int32_t taskCount, const FragmentOutput& output) {
  fragment_ = PhysicalFragment{};
  fragment_.id = fragment.id;
  fragment_.taskCount = taskCount;
  auto translated = visit(fragment.root);
  if (!output.isRoot) {
    translated = restrict(translated, fragment.outputLayout, std::to_string(fragment.root->id()));
    switch (fragment.output.kind) {
      case sql::OutputPartitioning::Kind::kGather:
        fragment_.outputKind = exec::OutputBufferKind::kArbitrary;
        fragment_.outputBuffers = 1;
        break;
      case sql::OutputPartitioning::Kind::kHash:
        fragment_.outputKind = exec::OutputBufferKind::kPartitioned;
        fragment_.outputBuffers = output.consumerTasks;
        fragment_.partitionChannels = channels(translated, fragment.output.keys);
        break;
      case sql::OutputPartitioning::Kind::kBroadcast:
        fragment_.outputKind = exec::OutputBufferKind::kBroadcast;
        fragment_.outputBuffers = output.consumerTasks;
        break;
    }
  }
  fragment_.root = translated.node;
  return std::move(fragment_);
}

PlanTranslator::Translated PlanTranslator::visitOutput(const sql::PlanNode& node) {
  const auto& output = *node.as<sql::OutputNode>();
  auto restricted = restrict(visit(output.source()), output.outputSymbols(), std::to_string(output.id()));
  std::vector<RowExpressionPtr> projections;
  for (size_t i = 0; i < restricted.layout.size(); ++i) {
    projections.push_back(std::make_shared<InputReferenceExpression>(static_cast<int32_t>(i), restricted.layout[i]->type()));
  }
  // The root names its columns as the query does.
  auto root = std::make_shared<exec::FilterProjectNode>(
      std::to_string(output.id()) + ".output", restricted.node, nullptr, std::move(projections), output.columnNames());
  plan_.columnNames = output.columnNames();
  plan_.columnTypes = root->outputTypes();
  return {root, restricted.layout};
}

PlanTranslator::Translated PlanTranslator::visitRemoteSource(const sql::PlanNode& node) {
  const auto& remote = *node.as<sql::RemoteSourceNode>();
  std::vector<TypePtr> types;
  for (const auto& symbol : remote.outputSymbols()) {
    types.push_back(symbol->type());
  }
  auto id = std::to_string(node.id());
  fragment_.remoteInputs.push_back(
      {id, remote.sourceFragmentIds(), remote.exchangeType() != sql::ExchangeNode::Type::kGather});
  return {std::make_shared<exec::ExchangeNode>(id, exec::makeRowType(namesOf(remote.outputSymbols()), types)),
      remote.outputSymbols()};
}

PlanTranslator::Translated PlanTranslator::visit(const sql::PlanNodePtr& node) {
  if (node->as<sql::OutputNode>()) {
    return visitOutput(*node);
  }
  if (node->as<sql::RemoteSourceNode>()) {
    return visitRemoteSource(*node);
  }
  if (node->as<sql::TableScanNode>()) {
    return visitTableScan(*node);
  }
  if (node->as<sql::ValuesNode>()) {
    return visitValues(*node);
  }
  if (node->as<sql::FilterNode>() || node->as<sql::ProjectNode>()) {
    return visitFilterProject(*node);
  }
  if (node->as<sql::AggregationNode>()) {
    return visitAggregation(*node);
  }
  if (node->as<sql::JoinNode>()) {
    return visitJoin(*node);
  }
  if (node->as<sql::SemiJoinNode>()) {
    return visitSemiJoin(*node);
  }
  if (node->as<sql::WindowNode>()) {
    return visitWindow(*node);
  }
  if (node->as<sql::SetOperationNode>()) {
    return visitUnion(*node);
  }
  if (node->as<sql::UnnestNode>()) {
    return visitUnnest(*node);
  }
  if (node->as<sql::GroupIdNode>()) {
    return visitGroupId(*node);
  }
  if (node->as<sql::TableWriterNode>()) {
    return visitTableWriter(*node);
  }
  if (node->as<sql::TableFinishNode>()) {
    return visitTableFinish(*node);
  }
  if (node->as<sql::SortNode>() || node->as<sql::TopNNode>() || node->as<sql::LimitNode>() ||
      node->as<sql::OffsetNode>() || node->as<sql::EnforceSingleRowNode>() || node->as<sql::MarkDistinctNode>()) {
    return visitRowNode(*node);
  }
  throw PrestoException(errors::NOT_SUPPORTED, fmt::format("{} is not supported yet", node->name()));
}

PlanTranslator::Translated PlanTranslator::visitTableScan(const sql::PlanNode& node) {
  const auto& scan = *node.as<sql::TableScanNode>();
  const auto& table = *scan.table();
  std::string catalog = table.name.catalog;
  // information_schema and other routed connectors get their own key.
  auto registered = plan_.connectors.find(catalog);
  if (registered != plan_.connectors.end() && registered->second != table.connector) {
    catalog += "$" + table.name.schema;
  }
  plan_.connectors[catalog] = table.connector;
  std::vector<TypePtr> types;
  for (const auto& symbol : scan.outputSymbols()) {
    types.push_back(symbol->type());
  }
  auto id = std::to_string(node.id());
  auto physical = std::make_shared<exec::TableScanNode>(id, exec::makeRowType(namesOf(scan.outputSymbols()), types),
      catalog, table.handle, scan.columns(), scan.constraint());
  fragment_.scans.push_back({id, table.connector, table.handle, catalog});
  return {physical, scan.outputSymbols()};
}

PlanTranslator::Translated PlanTranslator::visitValues(const sql::PlanNode& node) {
  const auto& values = *node.as<sql::ValuesNode>();
  const auto& symbols = values.outputSymbols();
  std::vector<TypePtr> types;
  std::vector<std::vector<Value>> columns(symbols.size());
  for (const auto& symbol : symbols) {
    types.push_back(symbol->type());
  }
  for (const auto& row : values.rows()) {
    for (size_t i = 0; i < row.size(); ++i) {
      columns[i].push_back(evaluateConstant(row[i], functions_));
    }
  }
  std::vector<VectorPtr> vectors;
  for (size_t i = 0; i < symbols.size(); ++i) {
    vectors.push_back(vectorFromValues(types[i], columns[i]));
  }
  auto page = std::make_shared<Page>(static_cast<vector_size_t>(values.rows().size()), std::move(vectors));
  std::vector<PagePtr> pages;
  if (page->numRows() > 0) {
    pages.push_back(page);
  }
  return {std::make_shared<exec::ValuesNode>(std::to_string(node.id()), exec::makeRowType(namesOf(symbols), types),
              std::move(pages)),
      symbols};
}

PlanTranslator::Translated PlanTranslator::visitFilterProject(const sql::PlanNode& node) {
  // A Project over a Filter becomes one FilterProject.
  const sql::PlanNode* project = node.as<sql::ProjectNode>() ? &node : nullptr;
  const sql::PlanNode* filter = project ? project->source().get() : &node;
  if (filter->as<sql::FilterNode>() == nullptr) {
    filter = nullptr;
  }
  auto input = visit(filter ? filter->source() : node.source());
  RowExpressionPtr predicate = filter ? toChannels(filter->as<sql::FilterNode>()->predicate(), input) : nullptr;
  std::vector<RowExpressionPtr> projections;
  std::vector<sql::Symbol> layout;
  if (project) {
    for (const auto& assignment : project->as<sql::ProjectNode>()->assignments()) {
      if (assignment.expression->kind() == RowExpressionKind::kConstant) {
        constants_[assignment.symbol->name()] = {assignment.expression, fragment_.id};
      }
      projections.push_back(toChannels(assignment.expression, input));
      layout.push_back(assignment.symbol);
    }
  } else {
    for (size_t i = 0; i < input.layout.size(); ++i) {
      projections.push_back(std::make_shared<InputReferenceExpression>(static_cast<int32_t>(i), input.layout[i]->type()));
    }
    layout = input.layout;
  }
  return {std::make_shared<exec::FilterProjectNode>(
              std::to_string(node.id()), input.node, predicate, std::move(projections), namesOf(layout)),
      layout};
}

RowExpressionPtr PlanTranslator::toChannels(const RowExpressionPtr& expression, const Translated& input) const {
  std::vector<std::string> shadowed;
  return replaceSymbols(expression, [&](const VariableReferenceExpression& variable) -> RowExpressionPtr {
    for (size_t i = 0; i < input.layout.size(); ++i) {
      if (input.layout[i]->name() == variable.name()) {
        return std::make_shared<InputReferenceExpression>(static_cast<int32_t>(i), variable.type());
      }
    }
    PRESTO_FAIL("expression references {}, which its input does not produce", variable.name());
  }, shadowed);
}

PlanTranslator::Translated PlanTranslator::restrict(
    const Translated& input, const std::vector<sql::Symbol>& symbols, const std::string& id) {
  if (sameSymbols(input.layout, symbols)) {
    return input;
  }
  std::vector<RowExpressionPtr> projections;
  for (const auto& symbol : symbols) {
    projections.push_back(std::make_shared<InputReferenceExpression>(input.channel(symbol), symbol->type()));
  }
  return {std::make_shared<exec::FilterProjectNode>(id + ".restrict." + std::to_string(extraIds_++), input.node,
              nullptr, std::move(projections), namesOf(symbols)),
      symbols};
}

std::vector<int32_t> PlanTranslator::channels(const Translated& input, const std::vector<sql::Symbol>& symbols) const {
  std::vector<int32_t> result;
  for (const auto& symbol : symbols) {
    result.push_back(input.channel(symbol));
  }
  return result;
}

std::vector<exec::SortKey> PlanTranslator::sortKeys(const Translated& input, const std::vector<sql::SortKey>& keys) const {
  std::vector<exec::SortKey> result;
  for (const auto& key : keys) {
    result.push_back({input.channel(key.symbol), {key.ascending, key.nullsFirst}});
  }
  return result;
}

std::optional<Value> PlanTranslator::constantOf(const RowExpressionPtr& expression) {
  RowExpressionPtr value = expression;
  if (expression->kind() == RowExpressionKind::kVariableReference) {
    auto it = constants_.find(expression->as<VariableReferenceExpression>()->name());
    if (it == constants_.end()) {
      return std::nullopt;
    }
    value = it->second.first;
    fragment_.usesOtherFragmentsConstants |= it->second.second != fragment_.id;
  }
  if (value->kind() != RowExpressionKind::kConstant) {
    return std::nullopt;
  }
  return value->as<ConstantExpression>()->value();
}

std::string PlanTranslator::nextId(const sql::PlanNode& node, const std::string& suffix) {
  return std::to_string(node.id()) + "." + suffix;
}

} // namespace presto::engine
