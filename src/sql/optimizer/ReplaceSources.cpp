#include "sql/optimizer/ReplaceSources.h"

#include "common/Check.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/GroupIdNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/OffsetNode.h"
#include "sql/planner/OutputNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/SortNode.h"
#include "sql/planner/TableWriterNode.h"
#include "sql/planner/UnnestNode.h"
#include "sql/planner/WindowNode.h"

namespace presto::sql {
namespace {

PlanNodePtr rebuildSingleSource(const PlanNode& node, const PlanNodePtr& source) {
  auto id = node.id();
  if (auto filter = node.as<FilterNode>()) {
    return std::make_shared<FilterNode>(id, source, filter->predicate());
  }
  if (auto project = node.as<ProjectNode>()) {
    return std::make_shared<ProjectNode>(id, source, project->assignments());
  }
  if (auto aggregation = node.as<AggregationNode>()) {
    return std::make_shared<AggregationNode>(id, source, aggregation->groupingKeys(), aggregation->aggregates(),
        aggregation->step(), aggregation->groupIdSymbol(), aggregation->groupingSetCount());
  }
  if (auto limit = node.as<LimitNode>()) {
    return std::make_shared<LimitNode>(id, source, limit->count());
  }
  if (auto offset = node.as<OffsetNode>()) {
    return std::make_shared<OffsetNode>(id, source, offset->count());
  }
  if (auto sort = node.as<SortNode>()) {
    return std::make_shared<SortNode>(id, source, sort->orderBy());
  }
  if (auto topN = node.as<TopNNode>()) {
    return std::make_shared<TopNNode>(id, source, topN->count(), topN->orderBy());
  }
  if (node.as<EnforceSingleRowNode>()) {
    return std::make_shared<EnforceSingleRowNode>(id, source);
  }
  if (auto markDistinct = node.as<MarkDistinctNode>()) {
    return std::make_shared<MarkDistinctNode>(id, source, markDistinct->marker(), markDistinct->distinctSymbols());
  }
  if (auto window = node.as<WindowNode>()) {
    return std::make_shared<WindowNode>(id, source, window->partitionBy(), window->orderBy(), window->functions());
  }
  if (auto unnest = node.as<UnnestNode>()) {
    return std::make_shared<UnnestNode>(id, source, unnest->replicate(), unnest->mappings(), unnest->ordinality());
  }
  if (auto groupId = node.as<GroupIdNode>()) {
    return std::make_shared<GroupIdNode>(id, source, groupId->groupingSets(), groupId->groupingColumns(),
        groupId->aggregationArguments(), groupId->groupIdSymbol());
  }
  if (auto output = node.as<OutputNode>()) {
    return std::make_shared<OutputNode>(id, source, output->columnNames(), output->outputSymbols());
  }
  if (auto writer = node.as<TableWriterNode>()) {
    return std::make_shared<TableWriterNode>(id, source, writer->target(), writer->columns(), writer->columnNames(),
        writer->outputSymbols()[0], writer->outputSymbols()[1]);
  }
  if (auto finish = node.as<TableFinishNode>()) {
    return std::make_shared<TableFinishNode>(id, source, finish->target(), finish->outputSymbols()[0]);
  }
  PRESTO_FAIL("Cannot replace the source of plan node {}", node.name());
}

PlanNodePtr rebuildTwoSources(const PlanNode& node, const PlanNodePtr& left, const PlanNodePtr& right) {
  auto id = node.id();
  if (auto join = node.as<JoinNode>()) {
    return std::make_shared<JoinNode>(
        id, join->type(), left, right, join->criteria(), join->filter(), join->distribution());
  }
  if (auto semiJoin = node.as<SemiJoinNode>()) {
    return std::make_shared<SemiJoinNode>(id, left, right, semiJoin->sourceKeys(), semiJoin->filteringKeys(),
        semiJoin->filter(), semiJoin->nullAware(), semiJoin->semiJoinOutput(), semiJoin->hashesSource());
  }
  if (auto apply = node.as<ApplyNode>()) {
    return std::make_shared<ApplyNode>(id, left, right, apply->correlation(), apply->predicates());
  }
  if (auto lateral = node.as<LateralJoinNode>()) {
    return std::make_shared<LateralJoinNode>(id, left, right, lateral->correlation(), lateral->type());
  }
  PRESTO_FAIL("Cannot replace the sources of plan node {}", node.name());
}

} // namespace

PlanNodePtr replaceSources(const PlanNodePtr& node, std::vector<PlanNodePtr> sources) {
  PRESTO_CHECK(sources.size() == node->sources().size(), "Wrong number of sources for {}", node->name());
  if (sources == node->sources()) {
    return node;
  }
  if (auto setOperation = node->as<SetOperationNode>()) {
    return std::make_shared<SetOperationNode>(node->id(), setOperation->kind(), setOperation->distinct(),
        std::move(sources), setOperation->outputSymbols(), setOperation->inputs());
  }
  if (sources.size() == 1) {
    return rebuildSingleSource(*node, sources[0]);
  }
  PRESTO_CHECK(sources.size() == 2, "Unexpected number of sources for {}", node->name());
  return rebuildTwoSources(*node, sources[0], sources[1]);
}

} // namespace presto::sql
