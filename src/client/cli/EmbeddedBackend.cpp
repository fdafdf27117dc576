#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "client/cli/StatementBackend.h"
#include "common/PrestoException.h"
#include "engine/LocalQueryRunner.h"
#include "server/protocol/QueryId.h"
#include "server/protocol/ValueJson.h"

namespace presto::cli {
namespace {

/// The engine's progress figures as the CLI shows them.
StatementStats statementStats(const engine::StatementProgress& progress, int64_t wallMillis) {
  StatementStats stats;
  stats.wallMillis = wallMillis;
  stats.nodes = progress.nodes;
  stats.processedRows = progress.processedRows;
  stats.processedBytes = progress.processedBytes;
  stats.totalSplits = progress.totalSplits;
  stats.queuedSplits = 0;
  stats.runningSplits = progress.runningSplits;
  stats.completedSplits = progress.completedSplits;
  stats.cpuMillis = progress.cpuNanos / 1'000'000;
  return stats;
}

int64_t millisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

/// Prints rows as the engine produces them; cancels when the user interrupts; passes progress on.
class PrintingListener : public engine::StatementListener {
 public:
  using ProgressCallback = std::function<void(const StatementStats&)>;

  PrintingListener(OutputFormat format, std::ostream& out, ProgressCallback progress)
      : format_(format), out_(out), progress_(std::move(progress)) {}

  void onColumns(const std::vector<std::string>& names, const std::vector<TypePtr>& types) override {
    std::vector<OutputColumn> columns;
    for (size_t i = 0; i < names.size(); ++i) {
      columns.push_back({names[i], types[i]->toString()});
    }
    printer_ = createOutputPrinter(format_, std::move(columns), out_);
  }

  void onPage(PagePtr page) override {
    auto rows = nlohmann::json::array();
    server::appendPageRows(*page, rows);
    rowCount_ += static_cast<int64_t>(rows.size());
    printer_->printRows(std::vector<nlohmann::json>(rows.begin(), rows.end()));
  }

  bool isCanceled() const override { return interruptRequested(); }

  void onProgress(const engine::StatementProgress& progress) override {
    lastStats_ = statementStats(progress, millisSince(start_));
    progress_(*lastStats_);
  }

  /// The last progress the engine reported (none for statements that ran no tasks).
  const std::optional<StatementStats>& lastStats() const { return lastStats_; }
  int64_t rowCount() const { return rowCount_; }
  bool hasColumns() const { return printer_ != nullptr; }

  void finish() {
    if (printer_) {
      printer_->finish();
    }
  }

 private:
  const OutputFormat format_;
  std::ostream& out_;
  const ProgressCallback progress_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::unique_ptr<OutputPrinter> printer_;
  std::optional<StatementStats> lastStats_;
  int64_t rowCount_ = 0;
};

class EmbeddedBackend : public StatementBackend {
 public:
  explicit EmbeddedBackend(const client::ClientSession& options)
      : session_(options.user, options.catalog.value_or("tpch"), options.schema.value_or("tiny")) {
    if (options.timeZone) {
      session_.setTimeZone(*options.timeZone);
    }
    for (const auto& [name, value] : options.properties) {
      session_.setProperty(name, value);
    }
  }

  StatementOutcome run(const std::string& sql, OutputFormat format, std::ostream& out) override {
    interruptRequested() = false;
    StatementOutcome outcome;
    outcome.queryId = ids_.next();
    auto start = std::chrono::steady_clock::now();
    PrintingListener listener(format, out, [this](const StatementStats& stats) { reportProgress("RUNNING", stats); });
    try {
      auto result = runner_.execute(session_, sql, outcome.queryId, &listener);
      outcome.state = "FINISHED";
      if (result.updateType) {
        outcome.updateType = result.updateType;
        outcome.updateCount = result.updateCount;
      } else {
        listener.finish();
      }
      // Only statements that read or wrote rows get a summary, as Presto shows none for USE or SET.
      if (listener.lastStats() && (!result.updateType || result.updateCount)) {
        outcome.stats = *listener.lastStats();
      } else if (listener.hasColumns() && !result.updateType) {
        outcome.stats.nodes = 1;
        outcome.stats.processedRows = listener.rowCount();
      } else if (result.updateCount) {
        outcome.stats.nodes = 1;
        outcome.stats.processedRows = *result.updateCount;
      }
    } catch (const PrestoException& error) {
      outcome.state = "FAILED";
      std::optional<std::pair<int32_t, int32_t>> location;
      if (error.location()) {
        location = std::make_pair(error.location()->line, error.location()->column);
      }
      outcome.failure = StatementFailure{error.what(), location};
    }
    outcome.stats.wallMillis = millisSince(start);
    return outcome;
  }

  std::optional<std::vector<std::vector<std::string>>> queryRows(const std::string& sql) override {
    try {
      // On a copy of the session, so that lookups never change the user's.
      sql::Session session = session_;
      auto result = runner_.execute(session, sql, ids_.next());
      std::vector<std::vector<std::string>> rows;
      for (const auto& page : result.pages) {
        auto json = nlohmann::json::array();
        server::appendPageRows(*page, json);
        for (const auto& row : json) {
          std::vector<std::string> values;
          for (size_t i = 0; i < row.size(); ++i) {
            values.push_back(formatValue(row[i], result.columnTypes[i]->toString()));
          }
          rows.push_back(std::move(values));
        }
      }
      return rows;
    } catch (const PrestoException&) {
      return std::nullopt;
    }
  }

  std::optional<std::string> catalog() const override { return session_.catalog(); }
  std::optional<std::string> schema() const override { return session_.schema(); }

  std::string banner() const override {
    std::string catalogs;
    for (const auto& name : runner_.catalogNames()) {
      catalogs += (catalogs.empty() ? "" : ", ") + name;
    }
    return "presto: no --server given; running the embedded engine in this process\n"
           "catalogs: " + catalogs + "; default catalog " + session_.catalog().value_or("(none)") + ", schema " +
           session_.schema().value_or("(none)") + "\n"
           "type 'help' for the commands, 'quit' to leave\n";
  }

 private:
  engine::LocalQueryRunner runner_;
  sql::Session session_;
  server::QueryIdGenerator ids_;
};

} // namespace

std::unique_ptr<StatementBackend> createEmbeddedBackend(client::ClientSession& session) {
  return std::make_unique<EmbeddedBackend>(session);
}

} // namespace presto::cli
