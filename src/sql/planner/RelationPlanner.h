#pragma once

#include <map>
#include <set>

#include "sql/analyzer/ExpressionAnalyzer.h"
#include "sql/planner/ProjectNode.h"

namespace presto::sql {

/// A planned relation: the plan and the fields (names and symbols) it makes visible. The plan's
/// outputs include every field's symbol.
struct RelationPlan {
  PlanNodePtr root;
  std::vector<Field> fields;
};

/// Analyzes and plans queries and relations (the DuckDB "binder" approach): names, types and
/// functions are resolved while the plan is built, so the analysis result is the typed plan
/// itself. One instance plans one statement. Each part lives in its own file: PlanQuery.cpp
/// (WITH, bodies, ORDER BY/LIMIT of non-SELECT bodies), PlanQuerySpecification.cpp (one SELECT
/// block), PlanAggregation.cpp, PlanWindow.cpp, PlanOrderBy.cpp, PlanRelation.cpp (FROM items),
/// PlanJoin.cpp, PlanSetOperation.cpp and PlanSubquery.cpp.
class RelationPlanner {
 public:
  RelationPlanner(AnalyzerContext& context, PlanNodeIdAllocator& ids) : context_(context), ids_(ids) {}

  /// Plans a query whose names may refer to `outerScope` (correlation); the plan outputs exactly
  /// the query's columns, in order.
  RelationPlan planQuery(const Query& query, const ScopePtr& outerScope);

  AnalyzerContext& context() { return context_; }
  PlanNodeIdAllocator& ids() { return ids_; }

  /// A Project over `source` that passes every output through and adds `assignments`.
  PlanNodePtr appendProjections(const PlanNodePtr& source, const std::vector<Assignment>& assignments);
  /// Symbols for expressions over `plan`'s outputs: plain symbols as they are, the others computed
  /// by one Project added on top of `plan`.
  std::vector<Symbol> toSymbols(PlanNodePtr& plan, const std::vector<RowExpressionPtr>& expressions, const std::string& hint);
  /// A Project that keeps exactly `symbols` (no node when the plan already outputs exactly those).
  PlanNodePtr restrictOutputs(const PlanNodePtr& plan, const std::vector<Symbol>& symbols);

 private:
  friend class SubqueryPlanner;

  // PlanQuery.cpp
  RelationPlan planQueryBody(const QueryBody& body, const ScopePtr& scope);
  ScopePtr declareWithQueries(const With& with, const ScopePtr& outerScope);
  RelationPlan planOrderAndLimit(RelationPlan plan, const Query& query, const ScopePtr& scope);

  // PlanQuerySpecification.cpp
  RelationPlan planQuerySpecification(const QuerySpecification& specification, const ScopePtr& outerScope);

  // PlanAggregation.cpp
  struct AggregationResult {
    std::vector<Substitution> substitutions;
    GroupingCheck grouping;
  };
  AggregationResult planAggregation(const QuerySpecification& specification, PlanNodePtr& current,
      const ScopePtr& sourceScope, const std::vector<std::shared_ptr<const FunctionCall>>& aggregates,
      const std::vector<ExpressionPtr>& selectExpressions);

  // PlanWindow.cpp
  void planWindowFunctions(const QuerySpecification& specification, PlanNodePtr& current,
      const std::vector<std::shared_ptr<const FunctionCall>>& windowCalls, ExpressionContext context,
      std::vector<Substitution>& substitutions);

  // PlanOrderBy.cpp
  std::vector<RowExpressionPtr> analyzeOrderBy(
      const std::vector<SortItemPtr>& orderBy, const std::vector<Symbol>& outputs, ExpressionContext context);
  std::vector<SortKey> toSortKeys(
      PlanNodePtr& current, const std::vector<RowExpressionPtr>& keys, const std::vector<SortItemPtr>& orderBy);
  PlanNodePtr planLimit(PlanNodePtr current, const std::vector<SortKey>& orderBy, const OffsetPtr& offset,
      const NodePtr& limit);

  // PlanRelation.cpp
  RelationPlan planRelation(const Relation& relation, const ScopePtr& outerScope);
  RelationPlan planTable(const Table& table, const ScopePtr& outerScope);
  RelationPlan planAliased(const AliasedRelation& aliased, const ScopePtr& outerScope);
  RelationPlan planValues(const Values& values, const ScopePtr& outerScope);
  RelationPlan planUnnest(const Unnest& unnest, RelationPlan left, const ScopePtr& outerScope);
  RelationPlan planLateral(const Lateral& lateral, RelationPlan left, const ScopePtr& outerScope);

  // PlanJoin.cpp
  RelationPlan planJoin(const Join& join, const ScopePtr& outerScope);
  RelationPlan planUsingJoin(const Join& join, RelationPlan left, RelationPlan right);

  // PlanSetOperation.cpp
  RelationPlan planSetOperation(const SetOperation& operation, const ScopePtr& outerScope);

  AnalyzerContext& context_;
  PlanNodeIdAllocator& ids_;
  /// The scope each WITH query was declared in (its body sees only earlier WITH queries).
  std::map<const WithQuery*, ScopePtr> withQueryScopes_;
};

/// The output name of a select item: its alias, the column name of an identifier or
/// dereference, or nullopt (an anonymous column, shown as `_colN`).
std::optional<std::string> selectItemName(const SingleColumn& column);

} // namespace presto::sql
