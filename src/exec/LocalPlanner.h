#pragma once

#include <vector>

#include "exec/Driver.h"
#include "exec/plan/RowNodes.h"

namespace presto::exec {

class AggregationNode;
class Task;

/// Turns a fragment's plan tree into pipelines (driver factories). A pipeline is a chain of
/// operators from a source (scan, values, local exchange source) to a sink (the task's output
/// buffer, a local exchange sink, a join build). Pipelines meet at local exchanges and join
/// bridges, which the planner creates and registers in the task.
///
/// Pipelines starting at a table scan, a remote exchange (unless it asks for a single driver) or a
/// non-gathering local exchange run as `task.concurrency` drivers. A node that needs to see all rows of a group together gets a
/// local repartition by its keys in front of it; a node that needs every row (ORDER BY, final
/// LIMIT, global aggregation) gets a local gather into a single driver, preceded by a partial
/// step where one exists (LIMIT, TopN, DISTINCT LIMIT). An aggregation whose input is already
/// grouped on all its grouping keys streams (StreamingAggregationOperator) instead of hashing.
class LocalPlanner {
 public:
  static std::vector<DriverFactory> plan(const PlanNodePtr& root, Task& task);

 private:
  explicit LocalPlanner(Task& task);

  /// Plans `node` and returns the index of the pipeline that produces its output.
  size_t planNode(const PlanNodePtr& node);
  size_t planJoin(const PlanNodePtr& node);
  size_t planAggregation(const PlanNodePtr& node, size_t pipeline);
  /// Whether `aggregation`, fed by a pipeline of `numDrivers` drivers, can run as a streaming
  /// aggregation: every grouping key pre-grouped, no DISTINCT aggregate, and either a partial
  /// step or a single driver (a repartition would interleave the groups).
  static bool canStream(const AggregationNode& aggregation, int32_t numDrivers);
  size_t planWindowLike(const PlanNodePtr& node, size_t pipeline);

  /// Starts a pipeline whose first operator comes from `source`.
  size_t newPipeline(int32_t numDrivers, OperatorFactory source, const std::string& planNodeId);
  void append(size_t pipeline, OperatorFactory factory, const std::string& planNodeId);
  int32_t numDrivers(size_t pipeline) const { return pipelines_[pipeline].numDrivers; }

  /// Ends `pipeline` in a local exchange and returns the pipeline reading from it.
  size_t addExchange(size_t pipeline, LocalExchangeKind kind, const std::vector<int32_t>& keys,
      const std::vector<TypePtr>& types, const std::string& id);
  /// A single-driver pipeline carrying `pipeline`'s rows (itself if it has one driver).
  size_t gather(size_t pipeline, const PlanNode& node);
  /// Pipeline(s) in which rows with equal `keys` meet in the same driver.
  size_t repartition(size_t pipeline, const PlanNode& node, const std::vector<int32_t>& keys);

  Task& task_;
  const int32_t concurrency_;
  std::vector<DriverFactory> pipelines_;
};

} // namespace presto::exec
