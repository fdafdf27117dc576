#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connector/system/RuntimeInfo.h"
#include "engine/ExecutionServices.h"
#include "sql/metadata/Session.h"
#include "type/Type.h"
#include "vector/Page.h"

namespace presto::sql {
struct DistributedPlan;
}

namespace presto::exec {
class TaskRegistry;
}

namespace presto::engine {

/// What one statement produced: result columns and pages for queries; for statements without rows
/// (DDL, INSERT, SET SESSION, USE) an update type such as `INSERT` or `CREATE TABLE`, the row
/// count where there is one, and (as Presto) a single boolean column `result` = true for DDL.
struct StatementResult {
  std::vector<std::string> columnNames;
  std::vector<TypePtr> columnTypes;
  std::vector<PagePtr> pages;
  std::optional<std::string> updateType;
  std::optional<int64_t> updateCount;

  int64_t rowCount() const;
};

/// Receives a statement's rows as they are produced (instead of collecting them in the result).
/// How far a running statement got, summed over its tasks. As in Presto's query statistics, every
/// driver counts as a split; processed rows and bytes are what the table scans produced.
struct StatementProgress {
  int32_t nodes = 1;
  int64_t totalSplits = 0;
  int64_t runningSplits = 0;
  int64_t completedSplits = 0;
  int64_t cpuNanos = 0;
  int64_t processedRows = 0;
  int64_t processedBytes = 0;
  int64_t peakMemoryBytes = 0;
};

class StatementListener {
 public:
  virtual ~StatementListener() = default;
  /// The result columns, before the first page.
  virtual void onColumns(const std::vector<std::string>& names, const std::vector<TypePtr>& types) = 0;
  /// A page of results. May block to slow the statement down to the consumer's pace.
  virtual void onPage(PagePtr page) = 0;
  /// Polled while the statement runs: once true, the statement is canceled and fails with
  /// USER_CANCELED.
  virtual bool isCanceled() const { return false; }
  /// Called about every 250 ms while the statement's tasks run, and once when they are done.
  virtual void onProgress(const StatementProgress& /*progress*/) {}
};

/// Which catalogs the embedded engine mounts, and how it runs.
struct LocalQueryRunnerOptions {
  /// catalog name -> properties (`connector.name` plus the connector's own), as in
  /// `etc/catalog/NAME.properties`.
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> catalogs = {
      {"tpch", {{"connector.name", "tpch"}, {"tpch.column-naming", "STANDARD"}}},
      {"memory", {{"connector.name", "memory"}}},
  };
  /// When set, the catalogs are the `*.properties` files of this directory instead.
  std::optional<std::string> catalogDirectory;
  /// This node's id (`node.id`).
  std::string nodeId = "local";
  /// Drivers per pipeline (`task.concurrency`).
  int32_t concurrency = 2;
  /// Memory limit of one query (`query.max-memory-per-node`).
  int64_t maxQueryMemoryBytes = 8LL << 30;
};

class LocalQueryRunnerImpl;
class RemoteTaskFactory;

/// The embedded single-node engine: parses, plans, optimizes and runs statements in-process
/// through the same plan fragments and tasks a cluster uses. Holds a session that USE,
/// SET SESSION, RESET SESSION, PREPARE and DEALLOCATE PREPARE change for the following
/// statements. Errors are thrown as PrestoExceptions with Presto error codes and `line L:C:`
/// locations. Thread-safe: statements may run concurrently (each on a copy of the session taken
/// when it starts).
class LocalQueryRunner {
 public:
  explicit LocalQueryRunner(LocalQueryRunnerOptions options = {});
  ~LocalQueryRunner();

  /// Runs `sql` to completion on the runner's session.
  StatementResult execute(const std::string& sql);
  /// Runs `sql` on `session`, applying its session changes to `session`.
  StatementResult execute(sql::Session& session, const std::string& sql);
  /// The same under a query id chosen by the caller (as `system.runtime.queries` shows it); with a
  /// listener, rows go to the listener as they are produced and the result holds none.
  StatementResult execute(sql::Session& session, const std::string& sql, const std::string& queryId,
      StatementListener* listener = nullptr);

  /// The distributed plan of the query `sql` on `session`, as execute() would run it: what a
  /// coordinator schedules on workers.
  sql::DistributedPlan planDistributed(const sql::Session& session, const std::string& sql);
  /// This engine's catalogs, functions, executor and memory, for a worker whose tasks run on it.
  ExecutionServices executionServices();

  /// The session statements run in (default catalog `tpch`, schema `tiny`).
  sql::Session& session();

  /// Catalog names (the `system` catalog excluded), sorted.
  std::vector<std::string> catalogNames() const;
  /// Where `system.runtime.*` tables read nodes, queries and tasks from; by default this runner's
  /// own recent statements.
  void setRuntimeInfo(std::shared_ptr<const connector::RuntimeInfoSource> runtimeInfo);
  /// Makes this engine a coordinator: queries run the fragments any node can run on the
  /// factory's workers. Set before the first statement.
  void setRemoteTaskFactory(std::shared_ptr<RemoteTaskFactory> factory);
  /// The tasks running in this process (their output buffers are served to other nodes).
  std::shared_ptr<exec::TaskRegistry> taskRegistry() const;

 private:
  std::unique_ptr<LocalQueryRunnerImpl> impl_;
};

} // namespace presto::engine
