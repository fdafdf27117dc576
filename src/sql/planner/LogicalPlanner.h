#pragma once

#include <functional>

#include "sql/analyzer/AnalyzerContext.h"
#include "sql/metadata/SessionPropertyMetadata.h"
#include "sql/parser/ast/Ast.h"
#include "sql/planner/PlanNode.h"
#include "sql/planner/PlanPrinter.h"

namespace presto::sql {

/// Turns a parsed statement into a logical plan (analysis happens on the way; semantic errors are
/// thrown as PrestoExceptions with `line L:C:` locations):
///  - queries: Output over the query's plan;
///  - INSERT and CREATE TABLE AS: TableCommit over TableWriter over the (coerced) query;
///  - SHOW SCHEMAS/TABLES/COLUMNS and DESCRIBE: rewritten into queries over the catalog's
///    information_schema, as Presto's ShowQueriesRewrite; SHOW CATALOGS/FUNCTIONS/SESSION: queries
///    over VALUES built from the coordinator's own state (catalog list, function registry, session);
///  - EXECUTE: the prepared statement with its parameters bound;
///  - EXPLAIN: a single-row VALUES holding the plan text (column `Query Plan`): TYPE LOGICAL
///    (default) or DISTRIBUTED (through the distributed explainer), FORMAT TEXT (default) or JSON.
/// Session and DDL statements (USE, SET SESSION, CREATE TABLE, ...) are executed by the query
/// runner directly and are NOT_SUPPORTED here.
class LogicalPlanner {
 public:
  /// Rewrites a finished logical plan (the optimizer; the planner does not depend on it).
  using PlanOptimizerHook = std::function<PlanNodePtr(const PlanNodePtr& plan)>;
  /// Renders an optimized plan as EXPLAIN (TYPE DISTRIBUTED) does (exchanges and fragments live
  /// in the optimizer; the planner does not depend on it).
  using DistributedExplainHook = std::function<std::string(const PlanNodePtr& plan, ExplainFormat format)>;

  LogicalPlanner(const Session& session, const MetadataManager& metadata, const FunctionRegistry& functions)
      : session_(session), metadata_(metadata), functions_(functions) {}

  /// EXPLAIN prints the plan after `optimizer` (by default the unoptimized logical plan).
  void setOptimizer(PlanOptimizerHook optimizer) { optimizer_ = std::move(optimizer); }
  /// EXPLAIN (TYPE DISTRIBUTED) prints what `explainer` makes of the optimized plan; without it,
  /// that EXPLAIN type is NOT_SUPPORTED.
  void setDistributedExplainer(DistributedExplainHook explainer) { distributedExplainer_ = std::move(explainer); }
  /// Annotates the nodes of EXPLAIN's text (estimated rows) for an optimized plan.
  using EstimatesHook = std::function<PlanAnnotator(const PlanNodePtr& plan)>;
  void setEstimates(EstimatesHook estimates) { estimates_ = std::move(estimates); }
  /// The system session properties SHOW SESSION lists (with their values in the session).
  void setSessionProperties(std::vector<SessionPropertyMetadata> properties) {
    sessionProperties_ = std::move(properties);
  }

  PlanNodePtr plan(const Statement& statement);
  /// Parses and plans.
  PlanNodePtr plan(std::string_view sql);

  /// EXPLAIN (TYPE LOGICAL) text of a statement (optimized when an optimizer is set).
  std::string explain(const Statement& statement);
  std::string explain(std::string_view sql);

 private:
  PlanNodePtr planStatement(const Statement& statement, AnalyzerContext& context, PlanNodeIdAllocator& ids);
  PlanNodePtr planQuery(const Query& query, AnalyzerContext& context, PlanNodeIdAllocator& ids);
  PlanNodePtr planInsert(const Insert& insert, AnalyzerContext& context, PlanNodeIdAllocator& ids);
  PlanNodePtr planCreateTableAsSelect(const CreateTableAsSelect& create, AnalyzerContext& context, PlanNodeIdAllocator& ids);
  PlanNodePtr planExecute(const Execute& execute, AnalyzerContext& context, PlanNodeIdAllocator& ids);
  std::string explainText(const PlanNodePtr& plan) const;
  /// The EXPLAIN text of `plan` for the statement's options (TYPE and FORMAT).
  std::string explainText(const PlanNodePtr& plan, const Explain& explain) const;
  PlanNodePtr planExplain(const Explain& explain, AnalyzerContext& context, PlanNodeIdAllocator& ids);
  /// SHOW ... and DESCRIBE as SQL text over information_schema or VALUES (ShowQueriesRewrite.cpp).
  std::string rewriteShowStatement(const Statement& statement);

  const Session& session_;
  const MetadataManager& metadata_;
  const FunctionRegistry& functions_;
  PlanOptimizerHook optimizer_;
  DistributedExplainHook distributedExplainer_;
  EstimatesHook estimates_;
  std::vector<SessionPropertyMetadata> sessionProperties_;
};

} // namespace presto::sql
