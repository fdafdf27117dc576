#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exec/plan/AggregationNodes.h"
#include "exec/plan/ExchangeNode.h"
#include "exec/plan/FilterProjectNode.h"
#include "exec/plan/JoinNodes.h"
#include "exec/plan/RowNodes.h"
#include "exec/plan/SortNodes.h"
#include "exec/plan/SourceNodes.h"
#include "exec/plan/TableWriterNode.h"
#include "function/FunctionRegistry.h"
#include "type/Value.h"

namespace presto::exec::test {

/// The builtin function registry, built once for all tests.
std::shared_ptr<const FunctionRegistry> testFunctions();

/// A page of `types` from rows of values (Value::null() for NULL).
PagePtr makePage(const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows);
/// A page from columns.
PagePtr makePage(std::vector<VectorPtr> columns);
/// Splits `rows` into pages of at most `pageRows` rows.
std::vector<PagePtr> makePages(
    const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows, size_t pageRows);

/// Hands out plan node ids ("0", "1", ...) shared by the builders of one plan.
class PlanNodeIdGenerator {
 public:
  std::string next() { return std::to_string(next_++); }

 private:
  int32_t next_ = 0;
};

/// A fluent builder of physical plans for tests: each call adds a node on top of the current one.
///
///   auto plan = PlanBuilder().values(pages).filter(gt(field(0), constant(10))).limit(5).planNode();
///
/// Expressions are built with field()/constant()/call() against the current output columns.
class PlanBuilder {
 public:
  explicit PlanBuilder(std::shared_ptr<PlanNodeIdGenerator> ids = std::make_shared<PlanNodeIdGenerator>())
      : ids_(std::move(ids)) {}

  PlanBuilder& values(const std::vector<PagePtr>& pages, bool parallel = false, int32_t repeatTimes = 1);
  PlanBuilder& tableScan(const std::string& catalog, connector::TableHandlePtr table,
      std::vector<connector::ColumnHandlePtr> columns);
  PlanBuilder& filter(RowExpressionPtr predicate);
  PlanBuilder& project(std::vector<RowExpressionPtr> projections, std::vector<std::string> names = {});
  PlanBuilder& filterProject(RowExpressionPtr predicate, std::vector<RowExpressionPtr> projections);
  /// Aggregates described as `name(channels...)` over the current columns: see aggregate().
  /// `preGroupedKeys`: keys the input is already grouped on (all keys: streaming aggregation).
  PlanBuilder& aggregation(AggregationStep step, std::vector<int32_t> keys, std::vector<AggregateCall> aggregates,
      std::vector<int32_t> preGroupedKeys = {});
  PlanBuilder& singleAggregation(
      std::vector<int32_t> keys, std::vector<AggregateCall> aggregates, std::vector<int32_t> preGroupedKeys = {}) {
    return aggregation(AggregationStep::kSingle, std::move(keys), std::move(aggregates), std::move(preGroupedKeys));
  }
  /// Partial aggregation, then a local repartition, then the final step.
  PlanBuilder& partialFinalAggregation(std::vector<int32_t> keys, std::vector<AggregateCall> aggregates);
  PlanBuilder& groupId(std::vector<int32_t> keys, std::vector<std::vector<int32_t>> sets, std::vector<int32_t> passThrough);
  PlanBuilder& hashJoin(JoinType type, std::vector<int32_t> leftKeys, std::vector<int32_t> rightKeys,
      PlanNodePtr right, RowExpressionPtr filter = nullptr, bool nullAware = false);
  PlanBuilder& nestedLoopJoin(JoinType type, PlanNodePtr right, RowExpressionPtr filter = nullptr);
  PlanBuilder& orderBy(std::vector<SortKey> keys);
  PlanBuilder& topN(std::vector<SortKey> keys, int64_t count);
  PlanBuilder& limit(int64_t count);
  PlanBuilder& offset(int64_t count);
  PlanBuilder& distinctLimit(std::vector<int32_t> keys, int64_t limit);
  PlanBuilder& markDistinct(std::vector<int32_t> keys);
  PlanBuilder& enforceSingleRow();
  PlanBuilder& assignUniqueId(int32_t taskUniqueId = 1);
  PlanBuilder& unnest(std::vector<int32_t> replicated, std::vector<int32_t> unnested, bool withOrdinality = false);
  PlanBuilder& rowNumber(std::vector<int32_t> partitionKeys, std::optional<int64_t> maxRows = std::nullopt);
  PlanBuilder& topNRowNumber(std::vector<int32_t> partitionKeys, std::vector<SortKey> sortKeys, int64_t limit);
  PlanBuilder& window(std::vector<int32_t> partitionKeys, std::vector<SortKey> sortKeys,
      std::vector<WindowFunctionCall> functions);
  /// Reads other tasks' output buffers (RemoteSplits added to the task for this node's id).
  PlanBuilder& exchange(TypePtr outputType, bool singleDriver = false);
  PlanBuilder& localExchange(LocalExchangeKind kind, std::vector<int32_t> keys, std::vector<PlanNodePtr> sources);
  PlanBuilder& tableWriter(const std::string& catalog, connector::InsertTableHandlePtr handle);
  PlanBuilder& tableCommit(TableCommitNode::CommitFunction commit);
  /// Adds any node built by `make(id, currentNode)`.
  PlanBuilder& addNode(const std::function<PlanNodePtr(std::string, PlanNodePtr)>& make);

  /// Column `channel` of the current output.
  RowExpressionPtr field(int32_t channel) const;
  static RowExpressionPtr constant(const Value& value, TypePtr type);
  /// A resolved call of a builtin function or operator (`$operator$add`...).
  static RowExpressionPtr call(const std::string& name, std::vector<RowExpressionPtr> arguments);

  const std::shared_ptr<PlanNodeIdGenerator>& ids() const { return ids_; }
  const PlanNodePtr& planNode() const { return node_; }
  std::string nextId() { return ids_->next(); }

 private:
  std::shared_ptr<PlanNodeIdGenerator> ids_;
  PlanNodePtr node_;
};

/// An aggregate call `function(inputs...)` with the types the test aggregates use; `type` is the
/// raw input type (ignored for count(*)).
AggregateCall aggregate(const std::string& function, std::vector<int32_t> inputs, TypePtr inputType,
    int32_t mask = -1, bool distinct = false);
/// An aggregate call typed by the function registry's aggregate `function(inputTypes...)`.
AggregateCall registryAggregate(const std::string& function, std::vector<int32_t> inputs, std::vector<TypePtr> inputTypes);
/// The same aggregate reading its intermediate column at `channel` (for final steps).
AggregateCall finalAggregate(const AggregateCall& partial, int32_t channel);

} // namespace presto::exec::test
