#pragma once

#include <atomic>
#include <memory>
#include <mutex>

#include "connector/spi/CatalogManager.h"
#include "connector/system/RuntimeInfo.h"
#include "engine/LocalQueryRunner.h"
#include "engine/PlanTranslator.h"
#include "engine/QueryScheduler.h"
#include "engine/RemoteTaskFactory.h"
#include "exec/OperatorStats.h"
#include "exec/TaskExecutor.h"
#include "exec/TaskRegistry.h"
#include "exec/aggregation/Aggregate.h"
#include "function/FunctionRegistry.h"
#include "sql/metadata/MetadataManager.h"
#include "sql/parser/ast/Ast.h"

namespace presto::engine {

/// The embedded engine's state: catalogs, metadata, functions, the task executor, the node's
/// memory pool and the history of its queries (for `system.runtime.queries`).
class LocalQueryRunnerImpl : public connector::RuntimeInfoSource {
 public:
  explicit LocalQueryRunnerImpl(LocalQueryRunnerOptions options);
  ~LocalQueryRunnerImpl() override;

  StatementResult execute(sql::Session& session, const std::string& sql, std::optional<std::string> queryId,
      StatementListener* listener);

  /// Plans and optimizes a statement and cuts it into fragments.
  sql::DistributedPlan distributedPlan(
      const sql::Session& session, const sql::Statement& statement, sql::PlanNodePtr* logical);
  ExecutionServices executionServices() const;

  std::vector<connector::NodeInfo> nodes() const override;
  std::vector<connector::QueryInfoRow> queries() const override;
  std::vector<connector::TaskInfoRow> tasks() const override;

  sql::Session session;
  std::unique_ptr<connector::CatalogManager> catalogs;
  /// Replaces this runner's own runtime information (a coordinator's).
  std::shared_ptr<const connector::RuntimeInfoSource> runtimeInfo;
  /// The cluster queries run on (a coordinator's); null: everything runs in this process.
  std::shared_ptr<RemoteTaskFactory> remoteTasks;
  /// The running tasks of this process, for in-process exchanges between them and the results
  /// endpoints of a coordinator.
  const std::shared_ptr<exec::TaskRegistry> taskRegistry = std::make_shared<exec::TaskRegistry>();

 private:
  StatementResult executeStatement(sql::Session& session, const sql::Statement& statement, const std::string& queryId,
      StatementListener* listener);
  /// Statements with a plan: queries, INSERT, CREATE TABLE AS, EXPLAIN, SHOW, EXECUTE.
  StatementResult runPlanned(const sql::Session& session, const sql::Statement& statement, const std::string& queryId,
      StatementListener* listener);
  /// USE, SET/RESET SESSION, PREPARE, DEALLOCATE PREPARE (SessionStatements.cpp).
  StatementResult executeSessionStatement(sql::Session& session, const sql::Statement& statement);
  /// CREATE/DROP SCHEMA, CREATE/DROP TABLE, DELETE (DataDefinitionStatements.cpp).
  StatementResult executeDataDefinition(const sql::Session& session, const sql::Statement& statement);
  /// EXPLAIN ANALYZE: runs the statement and renders its plan with what each operator did.
  StatementResult explainAnalyze(const sql::Session& session, const sql::Explain& explain, const std::string& queryId);
  /// Plans, optimizes and translates a statement.
  PhysicalPlan physicalPlan(const sql::Session& session, const sql::Statement& statement, sql::PlanNodePtr* logical);
  /// Runs a plan (runTasks with the session's task concurrency); a failure undoes its writes.
  TaskStatistics runPlan(const sql::Session& session, const PhysicalPlan& plan, const std::string& queryId,
      const std::function<void(PagePtr)>& consume, StatementListener* listener);
  /// Runs the fragments of a physical plan as tasks (QueryScheduler: in this process, or on the
  /// cluster's workers where there is one), handing the root task's output pages to `consume`;
  /// cancels every task with USER_CANCELED when `listener` says so, and fails with the first task
  /// failure. Returns the statistics of this process's tasks.
  TaskStatistics runTasks(const sql::Session& session, const PhysicalPlan& plan, const std::string& queryId,
      int32_t concurrency, const std::function<void(PagePtr)>& consume, StatementListener* listener);

  void recordQuery(const std::string& queryId, const sql::Session& session, const std::string& sql,
      const std::string& state, int64_t created, std::optional<int64_t> end);

  const LocalQueryRunnerOptions options_;
  connector::ConnectorRegistry connectorRegistry_;
  std::unique_ptr<sql::MetadataManager> metadata_;
  std::shared_ptr<FunctionRegistry> functions_;
  std::shared_ptr<const exec::AggregateResolver> aggregates_;
  std::unique_ptr<exec::TaskExecutor> executor_;
  MemoryPoolPtr nodePool_;
  std::atomic<int64_t> nextQueryId_{0};
  mutable std::mutex historyMutex_;
  std::vector<connector::QueryInfoRow> history_;
};

/// `result` = true, the answer of statements without rows.
StatementResult updateResult(std::string updateType, std::optional<int64_t> updateCount = std::nullopt);

} // namespace presto::engine
