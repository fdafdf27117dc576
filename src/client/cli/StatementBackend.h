#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/ClientSession.h"
#include "client/cli/OutputFormat.h"
#include "client/cli/StatementReport.h"

namespace presto::cli {

/// Where the CLI runs statements: a server over the REST protocol, or the embedded engine.
class StatementBackend {
 public:
  /// Told a running statement's state and statistics so far.
  using ProgressListener = std::function<void(const std::string& state, const StatementStats& stats)>;

  virtual ~StatementBackend() = default;
  /// Runs `sql`, printing its rows in `format` to `out`, and reports how it ended; the caller
  /// prints a failure or the update (printUpdate).
  virtual StatementOutcome run(const std::string& sql, OutputFormat format, std::ostream& out) = 0;
  /// Runs `sql` without printing anything and returns its rows, each value as the CLI prints it
  /// (NULL as `NULL`); nullopt when the statement fails. For the shell's own lookups (completion).
  virtual std::optional<std::vector<std::vector<std::string>>> queryRows(const std::string& sql) = 0;
  /// The session's current catalog and schema (for the shell's prompt and completion).
  virtual std::optional<std::string> catalog() const = 0;
  virtual std::optional<std::string> schema() const = 0;
  /// What the interactive shell says when it starts (empty: nothing).
  virtual std::string banner() const = 0;

  /// Statements run from now on report their progress to `listener` (none: empty).
  void setProgressListener(ProgressListener listener) { progressListener_ = std::move(listener); }

 protected:
  void reportProgress(const std::string& state, const StatementStats& stats) const {
    if (progressListener_) {
      progressListener_(state, stats);
    }
  }

 private:
  ProgressListener progressListener_;
};

/// Set (by the shell's SIGINT handler) to cancel the running statement; backends poll it and
/// clear it when a statement starts.
std::atomic<bool>& interruptRequested();

/// Statements sent to `session.server`.
std::unique_ptr<StatementBackend> createRemoteBackend(client::ClientSession& session);
/// Statements run in-process by the embedded engine (catalogs `tpch` and `memory`).
std::unique_ptr<StatementBackend> createEmbeddedBackend(client::ClientSession& session);

/// Prints `INSERT: 3 rows` (or just the update type) on stderr, as Presto's CLI, if the statement
/// was an update.
void printUpdate(const StatementOutcome& outcome);

} // namespace presto::cli
