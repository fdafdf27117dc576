#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "client/ClientSession.h"
#include "client/cli/OutputFormat.h"

namespace presto::cli {

/// Where the CLI runs statements: a server over the REST protocol, or the embedded engine.
/// `run` prints the statement's rows (or its update line) and returns false after printing the
/// failure as `Query <id> failed: <message>` on stderr.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual bool run(const std::string& sql, OutputFormat format) = 0;
  /// The session's current schema (for the shell's prompt).
  virtual std::optional<std::string> schema() const = 0;
  /// What the interactive shell says when it starts (empty: nothing).
  virtual std::string banner() const = 0;
};

/// Set (by the shell's SIGINT handler) to cancel the running statement; backends poll it and
/// clear it when a statement starts.
std::atomic<bool>& interruptRequested();

/// Statements sent to `session.server`.
std::unique_ptr<StatementBackend> createRemoteBackend(client::ClientSession& session);
/// Statements run in-process by the embedded engine (catalogs `tpch` and `memory`).
std::unique_ptr<StatementBackend> createEmbeddedBackend(client::ClientSession& session);

/// Prints `INSERT: 3 rows` (or just the update type) on stderr, as Presto's CLI.
void printUpdate(const std::string& updateType, const std::optional<int64_t>& updateCount);

} // namespace presto::cli
