#include "engine/LocalQueryRunner.h"

#include <chrono>

#include <fmt/format.h>

#include "common/Config.h"
#include "connector/memory/MemoryConnector.h"
#include "connector/system/InformationSchema.h"
#include "connector/system/SystemConnector.h"
#include "connector/tpch/TpchConnector.h"
#include "engine/LocalQueryRunnerImpl.h"
#include "engine/SessionProperties.h"
#include "exec/aggregation/RegistryAggregateResolver.h"
#include "function/BuiltinFunctions.h"
#include "sql/optimizer/AddExchanges.h"
#include "sql/optimizer/DistributedPlanPrinter.h"
#include "sql/optimizer/PlanEstimates.h"
#include "sql/optimizer/PlanFragmenter.h"
#include "sql/optimizer/PlanOptimizer.h"
#include "sql/parser/SqlParser.h"
#include "sql/planner/LogicalPlanner.h"
#include "vector/VectorValues.h"

namespace presto::engine {
namespace {

int64_t nowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool isPlannedStatement(sql::NodeKind kind) {
  switch (kind) {
    case sql::NodeKind::kQuery:
    case sql::NodeKind::kInsert:
    case sql::NodeKind::kCreateTableAsSelect:
    case sql::NodeKind::kExplain:
    case sql::NodeKind::kExecute:
    case sql::NodeKind::kShowCatalogs:
    case sql::NodeKind::kShowSchemas:
    case sql::NodeKind::kShowTables:
    case sql::NodeKind::kShowColumns:
    case sql::NodeKind::kShowFunctions:
    case sql::NodeKind::kShowSession:
      return true;
    default:
      return false;
  }
}

bool isSessionStatement(sql::NodeKind kind) {
  return kind == sql::NodeKind::kUse || kind == sql::NodeKind::kSetSession || kind == sql::NodeKind::kResetSession ||
      kind == sql::NodeKind::kPrepare || kind == sql::NodeKind::kDeallocate;
}

} // namespace

int64_t StatementResult::rowCount() const {
  int64_t rows = 0;
  for (const auto& page : pages) {
    rows += page->numRows();
  }
  return rows;
}

StatementResult updateResult(std::string updateType, std::optional<int64_t> updateCount) {
  StatementResult result;
  result.columnNames = {"result"};
  result.columnTypes = {BOOLEAN()};
  result.pages = {std::make_shared<Page>(std::vector<VectorPtr>{makeConstant(BOOLEAN(), Value(true), 1)})};
  result.updateType = std::move(updateType);
  result.updateCount = updateCount;
  return result;
}

LocalQueryRunnerImpl::LocalQueryRunnerImpl(LocalQueryRunnerOptions options)
    : session("user", "tpch", "tiny"), options_(std::move(options)) {
  nodePool_ = MemoryPool::createRoot("node");
  connectorRegistry_.add(std::make_shared<tpch::TpchConnectorFactory>());
  connectorRegistry_.add(std::make_shared<memory::MemoryConnectorFactory>());
  catalogs = std::make_unique<connector::CatalogManager>(
      connectorRegistry_, connector::ConnectorContext{options_.nodeId, nodePool_->addChild("connectors")});
  if (options_.catalogDirectory) {
    catalogs->loadCatalogs(*options_.catalogDirectory);
  } else {
    for (const auto& [name, properties] : options_.catalogs) {
      std::string text;
      for (const auto& [key, value] : properties) {
        text += key + "=" + value + "\n";
      }
      catalogs->createCatalog(name, PropertiesFile::parse(text, name + ".properties"));
    }
  }
  // The system connector reads this runner's query history; it lives no longer than the runner.
  std::shared_ptr<const connector::RuntimeInfoSource> runtime(std::shared_ptr<void>(), this);
  metadata_ = std::make_unique<sql::MetadataManager>(*catalogs, connector::createSystemConnector(*catalogs, runtime),
      [](const std::string& catalog, connector::ConnectorPtr target) -> connector::ConnectorPtr {
        return connector::createInformationSchemaConnector(catalog, std::move(target));
      });
  functions_ = makeBuiltinRegistry();
  aggregates_ = std::make_shared<exec::RegistryAggregateResolver>(functions_);
  executor_ = std::make_unique<exec::TaskExecutor>();
}

LocalQueryRunnerImpl::~LocalQueryRunnerImpl() = default;

StatementResult LocalQueryRunnerImpl::execute(sql::Session& session, const std::string& sql,
    std::optional<std::string> givenQueryId, StatementListener* listener) {
  auto queryId = givenQueryId.value_or(fmt::format("local_{:05d}", nextQueryId_++));
  int64_t created = nowMillis();
  recordQuery(queryId, session, sql, "RUNNING", created, std::nullopt);
  try {
    // Properties set by the client (X-Presto-Session, --session) are checked like SET SESSION's.
    for (const auto& [name, value] : session.properties()) {
      validateSessionProperty(name, value);
    }
    auto statement = sql::parseStatement(sql);
    auto result = executeStatement(session, *statement, queryId, listener);
    if (listener != nullptr && !result.updateType && !result.pages.empty()) {
      // Rows computed whole (EXPLAIN ANALYZE) reach a listener like streamed ones.
      listener->onColumns(result.columnNames, result.columnTypes);
      for (auto& page : result.pages) {
        listener->onPage(std::move(page));
      }
      result.pages.clear();
    }
    recordQuery(queryId, session, sql, "FINISHED", created, nowMillis());
    return result;
  } catch (const PrestoException&) {
    recordQuery(queryId, session, sql, "FAILED", created, nowMillis());
    throw;
  } catch (const std::exception& error) {
    // A bug, not the user's fault; it fails the statement, never the process that runs it.
    recordQuery(queryId, session, sql, "FAILED", created, nowMillis());
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR, std::string("Internal error: ") + error.what());
  }
}

StatementResult LocalQueryRunnerImpl::executeStatement(
    sql::Session& session, const sql::Statement& statement, const std::string& queryId, StatementListener* listener) {
  auto kind = statement.kind();
  if (kind == sql::NodeKind::kExplain && statement.as<sql::Explain>().analyze) {
    sql::Session querySession = session;
    querySession.setStartTime(nowMillis());
    return explainAnalyze(querySession, statement.as<sql::Explain>(), queryId);
  }
  if (isPlannedStatement(kind)) {
    sql::Session querySession = session;
    querySession.setStartTime(nowMillis());
    return runPlanned(querySession, statement, queryId, listener);
  }
  if (isSessionStatement(kind)) {
    return executeSessionStatement(session, statement);
  }
  return executeDataDefinition(session, statement);
}

StatementResult LocalQueryRunnerImpl::runPlanned(const sql::Session& session, const sql::Statement& statement,
    const std::string& queryId, StatementListener* listener) {
  auto physical = physicalPlan(session, statement, nullptr);
  StatementResult result;
  result.columnNames = physical.columnNames;
  result.columnTypes = physical.columnTypes;
  bool isWrite = statement.kind() == sql::NodeKind::kInsert || statement.kind() == sql::NodeKind::kCreateTableAsSelect;
  // Writes report their row count as an update; their (one-row) output is not streamed.
  bool stream = listener != nullptr && !isWrite;
  if (stream) {
    listener->onColumns(result.columnNames, result.columnTypes);
  }
  runPlan(session, physical, queryId, [&](PagePtr page) {
    if (stream) {
      listener->onPage(std::move(page));
    } else {
      result.pages.push_back(std::move(page));
    }
  }, listener);
  if (isWrite) {
    int64_t rows = 0;
    for (const auto& page : result.pages) {
      for (vector_size_t row = 0; row < page->numRows(); ++row) {
        rows += valueAt(*page->column(0), row).as<int64_t>();
      }
    }
    result.updateType = statement.kind() == sql::NodeKind::kInsert ? "INSERT" : "CREATE TABLE";
    result.updateCount = rows;
  }
  return result;
}

TaskStatistics LocalQueryRunnerImpl::runPlan(const sql::Session& session, const PhysicalPlan& plan,
    const std::string& queryId, const std::function<void(PagePtr)>& consume, StatementListener* listener) {
  auto concurrency = session.property("task_concurrency");
  try {
    return runTasks(session, plan, queryId, concurrency ? std::stoi(*concurrency) : options_.concurrency, consume, listener);
  } catch (...) {
    for (const auto& undo : plan.onFailure) {
      try {
        undo();
      } catch (...) {
        // The original error is the one to report.
      }
    }
    throw;
  }
}

PhysicalPlan LocalQueryRunnerImpl::physicalPlan(
    const sql::Session& session, const sql::Statement& statement, sql::PlanNodePtr* logical) {
  return PlanTranslator(*metadata_, *functions_).translate(distributedPlan(session, statement, logical));
}

sql::DistributedPlan LocalQueryRunnerImpl::distributedPlan(
    const sql::Session& session, const sql::Statement& statement, sql::PlanNodePtr* logical) {
  sql::LogicalPlanner planner(session, *metadata_, *functions_);
  planner.setSessionProperties(systemSessionProperties());
  planner.setOptimizer([&](const sql::PlanNodePtr& plan) {
    return sql::optimizePlan(plan, session, *metadata_, *functions_);
  });
  planner.setDistributedExplainer([&](const sql::PlanNodePtr& plan, sql::ExplainFormat format) {
    return sql::explainDistributed(plan, format, session, *metadata_, *functions_);
  });
  planner.setEstimates([&](const sql::PlanNodePtr& plan) {
    return sql::rowEstimates(plan, session, *metadata_, *functions_);
  });
  auto optimized = sql::optimizePlan(planner.plan(statement), session, *metadata_, *functions_);
  if (logical != nullptr) {
    *logical = optimized;
  }
  return sql::fragmentPlan(sql::addExchanges(optimized, session, *metadata_, *functions_));
}

ExecutionServices LocalQueryRunnerImpl::executionServices() const {
  return {metadata_.get(), functions_, aggregates_, executor_.get(), nodePool_, options_.concurrency,
      options_.maxQueryMemoryBytes};
}

std::vector<connector::NodeInfo> LocalQueryRunnerImpl::nodes() const {
  if (runtimeInfo) {
    return runtimeInfo->nodes();
  }
  return {{options_.nodeId, "embedded://" + options_.nodeId, "0.1", true, "active"}};
}

std::vector<connector::QueryInfoRow> LocalQueryRunnerImpl::queries() const {
  if (runtimeInfo) {
    return runtimeInfo->queries();
  }
  std::lock_guard<std::mutex> lock(historyMutex_);
  return history_;
}

std::vector<connector::TaskInfoRow> LocalQueryRunnerImpl::tasks() const {
  return runtimeInfo ? runtimeInfo->tasks() : std::vector<connector::TaskInfoRow>{};
}

void LocalQueryRunnerImpl::recordQuery(const std::string& queryId, const sql::Session& session,
    const std::string& sql, const std::string& state, int64_t created, std::optional<int64_t> end) {
  std::lock_guard<std::mutex> lock(historyMutex_);
  for (auto& row : history_) {
    if (row.queryId == queryId) {
      row.state = state;
      row.end = end;
      return;
    }
  }
  connector::QueryInfoRow row;
  row.nodeId = options_.nodeId;
  row.queryId = queryId;
  row.state = state;
  row.user = session.user();
  row.query = sql;
  row.created = created;
  row.started = created;
  row.end = end;
  history_.push_back(std::move(row));
  // Keep the most recent queries only.
  constexpr size_t kMaxHistory = 100;
  if (history_.size() > kMaxHistory) {
    history_.erase(history_.begin());
  }
}

LocalQueryRunner::LocalQueryRunner(LocalQueryRunnerOptions options)
    : impl_(std::make_unique<LocalQueryRunnerImpl>(std::move(options))) {}

LocalQueryRunner::~LocalQueryRunner() = default;

StatementResult LocalQueryRunner::execute(const std::string& sql) {
  return impl_->execute(impl_->session, sql, std::nullopt, nullptr);
}

StatementResult LocalQueryRunner::execute(sql::Session& session, const std::string& sql) {
  return impl_->execute(session, sql, std::nullopt, nullptr);
}

StatementResult LocalQueryRunner::execute(
    sql::Session& session, const std::string& sql, const std::string& queryId, StatementListener* listener) {
  return impl_->execute(session, sql, queryId, listener);
}

sql::DistributedPlan LocalQueryRunner::planDistributed(const sql::Session& session, const std::string& sql) {
  return impl_->distributedPlan(session, *sql::parseStatement(sql), nullptr);
}

ExecutionServices LocalQueryRunner::executionServices() {
  return impl_->executionServices();
}

sql::Session& LocalQueryRunner::session() {
  return impl_->session;
}

std::vector<std::string> LocalQueryRunner::catalogNames() const {
  return impl_->catalogs->catalogNames();
}

void LocalQueryRunner::setRemoteTaskFactory(std::shared_ptr<RemoteTaskFactory> factory) {
  impl_->remoteTasks = std::move(factory);
}

std::shared_ptr<exec::TaskRegistry> LocalQueryRunner::taskRegistry() const {
  return impl_->taskRegistry;
}

void LocalQueryRunner::setRuntimeInfo(std::shared_ptr<const connector::RuntimeInfoSource> runtimeInfo) {
  impl_->runtimeInfo = std::move(runtimeInfo);
}

} // namespace presto::engine
