#include "utils/PlanBuilder.h"

#include "common/Check.h"
#include "function/BuiltinFunctions.h"
#include "function/aggregate/AggregateFunction.h"
#include "vector/VectorValues.h"

namespace presto::exec::test {

std::shared_ptr<const FunctionRegistry> testFunctions() {
  static const auto registry = [] {
    auto result = std::make_shared<FunctionRegistry>();
    registerBuiltinFunctions(*result);
    return result;
  }();
  return registry;
}

PagePtr makePage(const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows) {
  std::vector<VectorPtr> columns;
  for (size_t column = 0; column < types.size(); ++column) {
    std::vector<Value> values;
    values.reserve(rows.size());
    for (const auto& row : rows) {
      values.push_back(row.at(column));
    }
    columns.push_back(vectorFromValues(types[column], values));
  }
  return std::make_shared<Page>(static_cast<vector_size_t>(rows.size()), std::move(columns));
}

PagePtr makePage(std::vector<VectorPtr> columns) {
  return std::make_shared<Page>(std::move(columns));
}

std::vector<PagePtr> makePages(
    const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows, size_t pageRows) {
  std::vector<PagePtr> pages;
  for (size_t start = 0; start < rows.size(); start += pageRows) {
    std::vector<std::vector<Value>> chunk(
        rows.begin() + static_cast<ptrdiff_t>(start), rows.begin() + static_cast<ptrdiff_t>(std::min(rows.size(), start + pageRows)));
    pages.push_back(makePage(types, chunk));
  }
  if (pages.empty()) {
    pages.push_back(makePage(types, {}));
  }
  return pages;
}

PlanBuilder& PlanBuilder::values(const std::vector<PagePtr>& pages, bool parallel, int32_t repeatTimes) {
  PRESTO_CHECK(!pages.empty(), "values() needs at least one page to know the types");
  std::vector<std::string> names;
  std::vector<TypePtr> types;
  for (size_t i = 0; i < pages[0]->numColumns(); ++i) {
    names.push_back("c" + std::to_string(i));
    types.push_back(pages[0]->column(i)->type());
  }
  node_ = std::make_shared<ValuesNode>(nextId(), makeRowType(names, types), pages, repeatTimes, parallel);
  return *this;
}

PlanBuilder& PlanBuilder::tableScan(
    const std::string& catalog, connector::TableHandlePtr table, std::vector<connector::ColumnHandlePtr> columns) {
  std::vector<std::string> names;
  std::vector<TypePtr> types;
  for (const auto& column : columns) {
    names.push_back(column->name());
    types.push_back(column->type());
  }
  node_ = std::make_shared<TableScanNode>(nextId(), makeRowType(names, types), catalog, std::move(table),
      std::move(columns), connector::TupleDomain::all());
  return *this;
}

PlanBuilder& PlanBuilder::exchange(TypePtr outputType, bool singleDriver) {
  node_ = std::make_shared<ExchangeNode>(nextId(), std::move(outputType), singleDriver);
  return *this;
}

PlanBuilder& PlanBuilder::filter(RowExpressionPtr predicate) {
  std::vector<RowExpressionPtr> identity;
  for (int32_t i = 0; i < static_cast<int32_t>(node_->outputTypes().size()); ++i) {
    identity.push_back(field(i));
  }
  node_ = std::make_shared<FilterProjectNode>(
      nextId(), node_, std::move(predicate), std::move(identity), node_->outputRowType().names());
  return *this;
}

PlanBuilder& PlanBuilder::project(std::vector<RowExpressionPtr> projections, std::vector<std::string> names) {
  if (names.empty()) {
    for (size_t i = 0; i < projections.size(); ++i) {
      names.push_back("p" + std::to_string(i));
    }
  }
  node_ = std::make_shared<FilterProjectNode>(nextId(), node_, nullptr, std::move(projections), std::move(names));
  return *this;
}

PlanBuilder& PlanBuilder::filterProject(RowExpressionPtr predicate, std::vector<RowExpressionPtr> projections) {
  std::vector<std::string> names;
  for (size_t i = 0; i < projections.size(); ++i) {
    names.push_back("p" + std::to_string(i));
  }
  node_ = std::make_shared<FilterProjectNode>(
      nextId(), node_, std::move(predicate), std::move(projections), std::move(names));
  return *this;
}

PlanBuilder& PlanBuilder::aggregation(AggregationStep step, std::vector<int32_t> keys,
    std::vector<AggregateCall> aggregates, std::vector<int32_t> preGroupedKeys) {
  std::vector<std::string> names;
  for (size_t i = 0; i < aggregates.size(); ++i) {
    names.push_back("a" + std::to_string(i));
  }
  node_ = std::make_shared<AggregationNode>(nextId(), node_, step, std::move(keys), std::move(aggregates), names,
      std::move(preGroupedKeys));
  return *this;
}

PlanBuilder& PlanBuilder::partialFinalAggregation(std::vector<int32_t> keys, std::vector<AggregateCall> aggregates) {
  aggregation(AggregationStep::kPartial, keys, aggregates);
  std::vector<int32_t> finalKeys;
  for (size_t i = 0; i < keys.size(); ++i) {
    finalKeys.push_back(static_cast<int32_t>(i));
  }
  std::vector<AggregateCall> finals;
  for (size_t i = 0; i < aggregates.size(); ++i) {
    finals.push_back(finalAggregate(aggregates[i], static_cast<int32_t>(keys.size() + i)));
  }
  return aggregation(AggregationStep::kFinal, finalKeys, finals);
}

PlanBuilder& PlanBuilder::groupId(
    std::vector<int32_t> keys, std::vector<std::vector<int32_t>> sets, std::vector<int32_t> passThrough) {
  node_ = std::make_shared<GroupIdNode>(nextId(), node_, std::move(keys), std::move(sets), std::move(passThrough), "group_id");
  return *this;
}

PlanBuilder& PlanBuilder::hashJoin(JoinType type, std::vector<int32_t> leftKeys, std::vector<int32_t> rightKeys,
    PlanNodePtr right, RowExpressionPtr filter, bool nullAware) {
  node_ = std::make_shared<HashJoinNode>(nextId(), type, nullAware, std::move(leftKeys), std::move(rightKeys),
      std::move(filter), node_, std::move(right));
  return *this;
}

PlanBuilder& PlanBuilder::nestedLoopJoin(JoinType type, PlanNodePtr right, RowExpressionPtr filter) {
  node_ = std::make_shared<NestedLoopJoinNode>(nextId(), type, std::move(filter), node_, std::move(right));
  return *this;
}

PlanBuilder& PlanBuilder::orderBy(std::vector<SortKey> keys) {
  node_ = std::make_shared<OrderByNode>(nextId(), node_, std::move(keys));
  return *this;
}

PlanBuilder& PlanBuilder::topN(std::vector<SortKey> keys, int64_t count) {
  node_ = std::make_shared<TopNNode>(nextId(), node_, std::move(keys), count);
  return *this;
}

PlanBuilder& PlanBuilder::limit(int64_t count) {
  node_ = std::make_shared<LimitNode>(nextId(), node_, count);
  return *this;
}

PlanBuilder& PlanBuilder::offset(int64_t count) {
  node_ = std::make_shared<OffsetNode>(nextId(), node_, count);
  return *this;
}

PlanBuilder& PlanBuilder::distinctLimit(std::vector<int32_t> keys, int64_t limit) {
  node_ = std::make_shared<DistinctLimitNode>(nextId(), node_, std::move(keys), limit);
  return *this;
}

PlanBuilder& PlanBuilder::markDistinct(std::vector<int32_t> keys) {
  node_ = std::make_shared<MarkDistinctNode>(nextId(), node_, std::move(keys), "is_distinct");
  return *this;
}

PlanBuilder& PlanBuilder::enforceSingleRow() {
  node_ = std::make_shared<EnforceSingleRowNode>(nextId(), node_);
  return *this;
}

PlanBuilder& PlanBuilder::assignUniqueId(int32_t taskUniqueId) {
  node_ = std::make_shared<AssignUniqueIdNode>(nextId(), node_, "unique", taskUniqueId);
  return *this;
}

PlanBuilder& PlanBuilder::unnest(std::vector<int32_t> replicated, std::vector<int32_t> unnested, bool withOrdinality) {
  node_ = std::make_shared<UnnestNode>(nextId(), node_, std::move(replicated), std::move(unnested), withOrdinality);
  return *this;
}

PlanBuilder& PlanBuilder::rowNumber(std::vector<int32_t> partitionKeys, std::optional<int64_t> maxRows) {
  node_ = std::make_shared<RowNumberNode>(nextId(), node_, std::move(partitionKeys), maxRows);
  return *this;
}

PlanBuilder& PlanBuilder::topNRowNumber(std::vector<int32_t> partitionKeys, std::vector<SortKey> sortKeys, int64_t limit) {
  node_ = std::make_shared<TopNRowNumberNode>(nextId(), node_, std::move(partitionKeys), std::move(sortKeys), limit, true);
  return *this;
}

PlanBuilder& PlanBuilder::window(
    std::vector<int32_t> partitionKeys, std::vector<SortKey> sortKeys, std::vector<WindowFunctionCall> functions) {
  std::vector<std::string> names;
  for (size_t i = 0; i < functions.size(); ++i) {
    names.push_back("w" + std::to_string(i));
  }
  node_ = std::make_shared<WindowNode>(
      nextId(), node_, std::move(partitionKeys), std::move(sortKeys), std::move(functions), std::move(names));
  return *this;
}

PlanBuilder& PlanBuilder::localExchange(
    LocalExchangeKind kind, std::vector<int32_t> keys, std::vector<PlanNodePtr> sources) {
  node_ = std::make_shared<LocalExchangeNode>(nextId(), kind, std::move(keys), std::move(sources));
  return *this;
}

PlanBuilder& PlanBuilder::tableWriter(const std::string& catalog, connector::InsertTableHandlePtr handle) {
  node_ = std::make_shared<TableWriterNode>(nextId(), node_, catalog, std::move(handle));
  return *this;
}

PlanBuilder& PlanBuilder::tableCommit(TableCommitNode::CommitFunction commit) {
  node_ = std::make_shared<TableCommitNode>(nextId(), node_, std::move(commit));
  return *this;
}

PlanBuilder& PlanBuilder::addNode(const std::function<PlanNodePtr(std::string, PlanNodePtr)>& make) {
  node_ = make(nextId(), node_);
  return *this;
}

RowExpressionPtr PlanBuilder::field(int32_t channel) const {
  PRESTO_CHECK(node_ != nullptr, "field() needs a source node");
  return std::make_shared<InputReferenceExpression>(
      channel, node_->outputTypes().at(static_cast<size_t>(channel)));
}

RowExpressionPtr PlanBuilder::constant(const Value& value, TypePtr type) {
  return std::make_shared<ConstantExpression>(value, std::move(type));
}

RowExpressionPtr PlanBuilder::call(const std::string& name, std::vector<RowExpressionPtr> arguments) {
  std::vector<TypePtr> types;
  for (const auto& argument : arguments) {
    types.push_back(argument->type());
  }
  auto function = testFunctions()->resolve(name, types);
  return std::make_shared<CallExpression>(function, std::move(arguments));
}

AggregateCall aggregate(
    const std::string& function, std::vector<int32_t> inputs, TypePtr inputType, int32_t mask, bool distinct) {
  AggregateCall call;
  call.function = function;
  call.inputs = std::move(inputs);
  call.mask = mask;
  call.distinct = distinct;
  if (!call.inputs.empty()) {
    call.rawInputTypes.push_back(inputType);
  }
  if (function == "count") {
    call.intermediateType = BIGINT();
    call.resultType = BIGINT();
  } else if (function == "avg") {
    call.intermediateType = ROW({"sum", "count"}, {DOUBLE(), BIGINT()});
    call.resultType = DOUBLE();
  } else if (function == "sum") {
    auto type = inputType->kind() == TypeKind::kDouble || inputType->kind() == TypeKind::kReal ? DOUBLE() : BIGINT();
    call.intermediateType = type;
    call.resultType = type;
  } else {
    call.intermediateType = inputType;
    call.resultType = inputType;
  }
  return call;
}

AggregateCall registryAggregate(const std::string& function, std::vector<int32_t> inputs, std::vector<TypePtr> inputTypes) {
  auto resolved = testFunctions()->resolve(function, inputTypes, FunctionKind::kAggregate);
  auto implementation =
      resolved->entry->aggregateFactory(FunctionBinding{resolved->argumentTypes, resolved->returnType, {}});
  AggregateCall call;
  call.function = function;
  call.inputs = std::move(inputs);
  call.rawInputTypes = std::move(inputTypes);
  call.intermediateType = implementation->intermediateType();
  call.resultType = implementation->resultType();
  return call;
}

AggregateCall finalAggregate(const AggregateCall& partial, int32_t channel) {
  AggregateCall result = partial;
  result.inputs = {channel};
  result.mask = -1;
  return result;
}

} // namespace presto::exec::test
