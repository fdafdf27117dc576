#include "exec/LocalPlanner.h"

#include <algorithm>
#include <atomic>

#include "common/Check.h"
#include "exec/HashJoinBridge.h"
#include "exec/LocalExchange.h"
#include "exec/Task.h"
#include "exec/operators/EnforceSingleRowOperator.h"
#include "exec/operators/ExchangeOperator.h"
#include "exec/operators/FilterProjectOperator.h"
#include "exec/operators/GroupIdOperator.h"
#include "exec/operators/HashBuildOperator.h"
#include "exec/operators/HashProbeOperator.h"
#include "exec/operators/HashAggregationOperator.h"
#include "exec/operators/LimitOperator.h"
#include "exec/operators/LocalExchangeOperators.h"
#include "exec/operators/MarkDistinctOperator.h"
#include "exec/operators/OrderByOperator.h"
#include "exec/operators/PartitionedOutputOperator.h"
#include "exec/operators/RowNumberOperator.h"
#include "exec/operators/StreamingAggregationOperator.h"
#include "exec/operators/TableScanOperator.h"
#include "exec/operators/TableWriterOperator.h"
#include "exec/operators/UnnestOperator.h"
#include "exec/operators/ValuesOperator.h"
#include "exec/operators/WindowOperator.h"
#include "exec/plan/AggregationNodes.h"
#include "exec/plan/ExchangeNode.h"
#include "exec/plan/FilterProjectNode.h"
#include "exec/plan/JoinNodes.h"
#include "exec/plan/RowNodes.h"
#include "exec/plan/SortNodes.h"
#include "exec/plan/SourceNodes.h"
#include "exec/plan/TableWriterNode.h"

namespace presto::exec {

std::vector<DriverFactory> LocalPlanner::plan(const PlanNodePtr& root, Task& task) {
  LocalPlanner planner(task);
  size_t output = planner.planNode(root);
  auto types = root->outputTypes();
  planner.append(output, [id = root->id(), types](DriverContext* context, int32_t operatorId) {
    return std::make_unique<PartitionedOutputOperator>(context, operatorId, id, types);
  }, root->id());
  for (size_t i = 0; i < planner.pipelines_.size(); ++i) {
    planner.pipelines_[i].pipelineId = static_cast<int32_t>(i);
  }
  return std::move(planner.pipelines_);
}

LocalPlanner::LocalPlanner(Task& task) : task_(task), concurrency_(std::max(1, task.config().concurrency)) {}

size_t LocalPlanner::newPipeline(int32_t numDrivers, OperatorFactory source, const std::string& planNodeId) {
  DriverFactory factory;
  factory.numDrivers = numDrivers;
  factory.operators.push_back(std::move(source));
  factory.planNodeIds.push_back(planNodeId);
  pipelines_.push_back(std::move(factory));
  return pipelines_.size() - 1;
}

void LocalPlanner::append(size_t pipeline, OperatorFactory factory, const std::string& planNodeId) {
  pipelines_[pipeline].operators.push_back(std::move(factory));
  pipelines_[pipeline].planNodeIds.push_back(planNodeId);
}

size_t LocalPlanner::addExchange(size_t pipeline, LocalExchangeKind kind, const std::vector<int32_t>& keys,
    const std::vector<TypePtr>& types, const std::string& id) {
  int32_t consumers = kind == LocalExchangeKind::kGather ? 1 : concurrency_;
  auto exchange = std::make_shared<LocalExchange>(kind, keys, consumers, numDrivers(pipeline),
      task_.config().maxLocalExchangeBytes, task_.pool()->addChild("local-exchange." + id));
  task_.addLocalExchange(id, exchange);
  append(pipeline, [id, types, exchange](DriverContext* context, int32_t operatorId) {
    return std::make_unique<LocalExchangeSinkOperator>(context, operatorId, id, types, exchange);
  }, id);
  return newPipeline(consumers, [id, types, exchange](DriverContext* context, int32_t operatorId) {
    return std::make_unique<LocalExchangeSourceOperator>(context, operatorId, id, types, exchange);
  }, id);
}

size_t LocalPlanner::gather(size_t pipeline, const PlanNode& node) {
  if (numDrivers(pipeline) == 1) {
    return pipeline;
  }
  return addExchange(pipeline, LocalExchangeKind::kGather, {}, node.sources()[0]->outputTypes(), node.id() + ".gather");
}

size_t LocalPlanner::repartition(size_t pipeline, const PlanNode& node, const std::vector<int32_t>& keys) {
  if (numDrivers(pipeline) == 1) {
    return pipeline;
  }
  if (keys.empty()) {
    return gather(pipeline, node);
  }
  return addExchange(
      pipeline, LocalExchangeKind::kRepartition, keys, node.sources()[0]->outputTypes(), node.id() + ".repartition");
}

size_t LocalPlanner::planNode(const PlanNodePtr& node) {
  const auto& id = node->id();
  auto types = node->outputTypes();

  if (auto values = std::dynamic_pointer_cast<const ValuesNode>(node)) {
    return newPipeline(values->parallel() ? concurrency_ : 1, [values](DriverContext* context, int32_t operatorId) {
      return std::make_unique<ValuesOperator>(context, operatorId, values);
    }, id);
  }
  if (auto scan = std::dynamic_pointer_cast<const TableScanNode>(node)) {
    return newPipeline(concurrency_, [scan](DriverContext* context, int32_t operatorId) {
      return std::make_unique<TableScanOperator>(context, operatorId, scan);
    }, id);
  }
  if (auto remote = std::dynamic_pointer_cast<const ExchangeNode>(node)) {
    return newPipeline(remote->singleDriver() ? 1 : concurrency_, [remote](DriverContext* context, int32_t operatorId) {
      return std::make_unique<ExchangeOperator>(context, operatorId, remote);
    }, id);
  }
  if (auto exchange = std::dynamic_pointer_cast<const LocalExchangeNode>(node)) {
    int32_t producers = 0;
    std::vector<size_t> sources;
    for (const auto& source : exchange->sources()) {
      sources.push_back(planNode(source));
      producers += numDrivers(sources.back());
    }
    int32_t consumers = exchange->kind() == LocalExchangeKind::kGather ? 1 : concurrency_;
    auto queue = std::make_shared<LocalExchange>(exchange->kind(), exchange->keys(), consumers, producers,
        task_.config().maxLocalExchangeBytes, task_.pool()->addChild("local-exchange." + id));
    task_.addLocalExchange(id, queue);
    for (auto source : sources) {
      append(source, [id, types, queue](DriverContext* context, int32_t operatorId) {
        return std::make_unique<LocalExchangeSinkOperator>(context, operatorId, id, types, queue);
      }, id);
    }
    return newPipeline(consumers, [id, types, queue](DriverContext* context, int32_t operatorId) {
      return std::make_unique<LocalExchangeSourceOperator>(context, operatorId, id, types, queue);
    }, id);
  }
  if (std::dynamic_pointer_cast<const HashJoinNode>(node) || std::dynamic_pointer_cast<const NestedLoopJoinNode>(node)) {
    return planJoin(node);
  }

  PRESTO_CHECK(node->sources().size() == 1, "cannot plan {} with {} sources", node->name(), node->sources().size());
  size_t pipeline = planNode(node->sources()[0]);

  if (auto filterProject = std::dynamic_pointer_cast<const FilterProjectNode>(node)) {
    append(pipeline, [filterProject](DriverContext* context, int32_t operatorId) {
      return std::make_unique<FilterProjectOperator>(context, operatorId, filterProject);
    }, id);
    return pipeline;
  }
  if (auto limit = std::dynamic_pointer_cast<const LimitNode>(node)) {
    auto count = limit->count();
    auto factory = [id, types, count](DriverContext* context, int32_t operatorId) {
      return std::make_unique<LimitOperator>(context, operatorId, id, types, count);
    };
    if (numDrivers(pipeline) > 1) {
      append(pipeline, factory, id);
      pipeline = gather(pipeline, *node);
    }
    append(pipeline, factory, id);
    return pipeline;
  }
  if (auto offset = std::dynamic_pointer_cast<const OffsetNode>(node)) {
    pipeline = gather(pipeline, *node);
    append(pipeline, [id, types, count = offset->count()](DriverContext* context, int32_t operatorId) {
      return std::make_unique<OffsetOperator>(context, operatorId, id, types, count);
    }, id);
    return pipeline;
  }
  if (std::dynamic_pointer_cast<const EnforceSingleRowNode>(node)) {
    pipeline = gather(pipeline, *node);
    append(pipeline, [id, types](DriverContext* context, int32_t operatorId) {
      return std::make_unique<EnforceSingleRowOperator>(context, operatorId, id, types);
    }, id);
    return pipeline;
  }
  if (auto assign = std::dynamic_pointer_cast<const AssignUniqueIdNode>(node)) {
    auto counter = std::make_shared<std::atomic<int64_t>>(0);
    append(pipeline, [id, types, counter, taskId = assign->taskUniqueId()](DriverContext* context, int32_t operatorId) {
      return std::make_unique<AssignUniqueIdOperator>(context, operatorId, id, types, taskId, counter);
    }, id);
    return pipeline;
  }
  if (auto result = planAggregation(node, pipeline); result != SIZE_MAX) {
    return result;
  }
  if (auto result = planWindowLike(node, pipeline); result != SIZE_MAX) {
    return result;
  }
  PRESTO_FAIL("no operator for plan node {}", node->name());
}

size_t LocalPlanner::planJoin(const PlanNodePtr& node) {
  const auto& id = node->id();
  auto types = node->outputTypes();
  HashProbeOperator::Spec spec;
  std::vector<int32_t> buildKeys;
  const auto& left = node->sources()[0];
  const auto& right = node->sources()[1];
  if (auto hashJoin = std::dynamic_pointer_cast<const HashJoinNode>(node)) {
    spec.joinType = hashJoin->joinType();
    spec.nullAware = hashJoin->isNullAware();
    spec.probeKeys = hashJoin->leftKeys();
    spec.filter = hashJoin->filter();
    buildKeys = hashJoin->rightKeys();
  } else {
    auto loopJoin = std::dynamic_pointer_cast<const NestedLoopJoinNode>(node);
    spec.joinType = loopJoin->joinType();
    spec.filter = loopJoin->filter();
  }
  spec.probeTypes = left->outputTypes();
  spec.buildTypes = right->outputTypes();

  size_t build = planNode(right);
  if (buildKeys.empty() && numDrivers(build) > 1) {
    // A nested-loop join's build side is small: gather it rather than merge partial builds.
    build = addExchange(build, LocalExchangeKind::kGather, {}, spec.buildTypes, id + ".build-gather");
  }
  size_t probe = planNode(left);
  // Several build drivers each build a partition of the table, when probe and build keys hash
  // alike (same types).
  int32_t numPartitions = 1;
  if (!buildKeys.empty() && numDrivers(build) > 1) {
    bool sameKeyTypes = true;
    for (size_t i = 0; i < buildKeys.size(); ++i) {
      sameKeyTypes &= spec.probeTypes.at(static_cast<size_t>(spec.probeKeys[i]))->equals(
          *spec.buildTypes.at(static_cast<size_t>(buildKeys[i])));
    }
    numPartitions = sameKeyTypes ? numDrivers(build) : 1;
  }
  auto bridge = std::make_shared<HashJoinBridge>(spec.buildTypes, buildKeys, numDrivers(build), numDrivers(probe),
      task_.pool()->addChild("join-bridge." + id), numPartitions, task_.config().minPartitionedJoinBuildRows);
  task_.addJoinBridge(id, bridge);
  append(build, [id, buildTypes = spec.buildTypes, bridge](DriverContext* context, int32_t operatorId) {
    return std::make_unique<HashBuildOperator>(context, operatorId, id, buildTypes, bridge);
  }, id);
  append(probe, [id, types, spec, bridge](DriverContext* context, int32_t operatorId) {
    return std::make_unique<HashProbeOperator>(context, operatorId, id, types, spec, bridge);
  }, id);
  return probe;
}

bool LocalPlanner::canStream(const AggregationNode& aggregation, int32_t numDrivers) {
  const auto& keys = aggregation.groupingKeys();
  if (keys.empty()) {
    return false;
  }
  for (const auto& call : aggregation.aggregates()) {
    if (call.distinct) {
      return false;
    }
  }
  const auto& preGrouped = aggregation.preGroupedKeys();
  for (auto key : keys) {
    if (std::find(preGrouped.begin(), preGrouped.end(), key) == preGrouped.end()) {
      return false;
    }
  }
  // Each driver sees a grouped stream, but a group may reach several drivers: only a partial
  // step (whose groups the final step merges) tolerates that; otherwise one driver must see all.
  return aggregation.step() == AggregationStep::kPartial || numDrivers == 1;
}

size_t LocalPlanner::planAggregation(const PlanNodePtr& node, size_t pipeline) {
  const auto& id = node->id();
  auto types = node->outputTypes();
  if (auto aggregation = std::dynamic_pointer_cast<const AggregationNode>(node)) {
    if (canStream(*aggregation, numDrivers(pipeline))) {
      append(pipeline, [aggregation](DriverContext* context, int32_t operatorId) {
        return std::make_unique<StreamingAggregationOperator>(context, operatorId, aggregation);
      }, id);
      return pipeline;
    }
    if (aggregation->step() != AggregationStep::kPartial) {
      pipeline = repartition(pipeline, *node, aggregation->groupingKeys());
    }
    append(pipeline, [aggregation](DriverContext* context, int32_t operatorId) {
      return std::make_unique<HashAggregationOperator>(context, operatorId, aggregation);
    }, id);
    return pipeline;
  }
  if (auto groupId = std::dynamic_pointer_cast<const GroupIdNode>(node)) {
    append(pipeline, [groupId](DriverContext* context, int32_t operatorId) {
      return std::make_unique<GroupIdOperator>(context, operatorId, groupId);
    }, id);
    return pipeline;
  }
  if (auto markDistinct = std::dynamic_pointer_cast<const MarkDistinctNode>(node)) {
    pipeline = repartition(pipeline, *node, markDistinct->keys());
    std::vector<TypePtr> keyTypes;
    for (auto key : markDistinct->keys()) {
      keyTypes.push_back(types.at(static_cast<size_t>(key)));
    }
    append(pipeline, [id, types, keys = markDistinct->keys(), keyTypes](DriverContext* context, int32_t operatorId) {
      return std::make_unique<MarkDistinctOperator>(context, operatorId, id, types, keys, keyTypes);
    }, id);
    return pipeline;
  }
  if (auto distinctLimit = std::dynamic_pointer_cast<const DistinctLimitNode>(node)) {
    auto limit = distinctLimit->limit();
    if (numDrivers(pipeline) > 1) {
      append(pipeline, [id, types, keys = distinctLimit->keys(), limit](DriverContext* context, int32_t operatorId) {
        return std::make_unique<DistinctLimitOperator>(context, operatorId, id, types, keys, limit);
      }, id);
      pipeline = addExchange(pipeline, LocalExchangeKind::kGather, {}, types, id + ".gather");
    }
    std::vector<int32_t> keys = distinctLimit->keys();
    if (pipelines_[pipeline].operators.size() == 1 && pipelines_[pipeline].planNodeIds[0] == id + ".gather") {
      keys.clear();
      for (size_t i = 0; i < types.size(); ++i) {
        keys.push_back(static_cast<int32_t>(i));
      }
    }
    append(pipeline, [id, types, keys, limit](DriverContext* context, int32_t operatorId) {
      return std::make_unique<DistinctLimitOperator>(context, operatorId, id, types, keys, limit);
    }, id);
    return pipeline;
  }
  return SIZE_MAX;
}

size_t LocalPlanner::planWindowLike(const PlanNodePtr& node, size_t pipeline) {
  const auto& id = node->id();
  auto types = node->outputTypes();
  auto inputTypes = node->sources()[0]->outputTypes();
  if (auto orderBy = std::dynamic_pointer_cast<const OrderByNode>(node)) {
    pipeline = gather(pipeline, *node);
    append(pipeline, [id, types, keys = orderBy->keys()](DriverContext* context, int32_t operatorId) {
      return std::make_unique<OrderByOperator>(context, operatorId, id, types, keys);
    }, id);
    return pipeline;
  }
  if (auto topN = std::dynamic_pointer_cast<const TopNNode>(node)) {
    auto factory = [id, types, keys = topN->keys(), count = topN->count()](DriverContext* context, int32_t operatorId) {
      return std::make_unique<TopNOperator>(context, operatorId, id, types, keys, count);
    };
    if (numDrivers(pipeline) > 1) {
      append(pipeline, factory, id);
      pipeline = gather(pipeline, *node);
    }
    append(pipeline, factory, id);
    return pipeline;
  }
  if (auto rowNumber = std::dynamic_pointer_cast<const RowNumberNode>(node)) {
    pipeline = repartition(pipeline, *node, rowNumber->partitionKeys());
    std::vector<TypePtr> keyTypes;
    for (auto key : rowNumber->partitionKeys()) {
      keyTypes.push_back(inputTypes.at(static_cast<size_t>(key)));
    }
    append(pipeline, [id, types, keys = rowNumber->partitionKeys(), keyTypes, max = rowNumber->maxRowsPerPartition()](
        DriverContext* context, int32_t operatorId) {
      return std::make_unique<RowNumberOperator>(context, operatorId, id, types, keys, keyTypes, max);
    }, id);
    return pipeline;
  }
  if (auto topNRowNumber = std::dynamic_pointer_cast<const TopNRowNumberNode>(node)) {
    pipeline = repartition(pipeline, *node, topNRowNumber->partitionKeys());
    append(pipeline, [id, types, inputTypes, topNRowNumber](DriverContext* context, int32_t operatorId) {
      return std::make_unique<TopNRowNumberOperator>(context, operatorId, id, types, inputTypes,
          topNRowNumber->partitionKeys(), topNRowNumber->sortKeys(), topNRowNumber->limit(),
          topNRowNumber->generateRowNumber());
    }, id);
    return pipeline;
  }
  if (auto window = std::dynamic_pointer_cast<const WindowNode>(node)) {
    pipeline = repartition(pipeline, *node, window->partitionKeys());
    append(pipeline, [window](DriverContext* context, int32_t operatorId) {
      return std::make_unique<WindowOperator>(context, operatorId, window);
    }, id);
    return pipeline;
  }
  if (auto unnest = std::dynamic_pointer_cast<const UnnestNode>(node)) {
    append(pipeline, [unnest](DriverContext* context, int32_t operatorId) {
      return std::make_unique<UnnestOperator>(context, operatorId, unnest);
    }, id);
    return pipeline;
  }
  if (auto writer = std::dynamic_pointer_cast<const TableWriterNode>(node)) {
    append(pipeline, [writer](DriverContext* context, int32_t operatorId) {
      return std::make_unique<TableWriterOperator>(context, operatorId, writer);
    }, id);
    return pipeline;
  }
  if (auto commit = std::dynamic_pointer_cast<const TableCommitNode>(node)) {
    pipeline = gather(pipeline, *node);
    append(pipeline, [commit](DriverContext* context, int32_t operatorId) {
      return std::make_unique<TableCommitOperator>(context, operatorId, commit);
    }, id);
    return pipeline;
  }
  return SIZE_MAX;
}

} // namespace presto::exec
