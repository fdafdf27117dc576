#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>

namespace presto::cli {

/// What a backend knows about a statement's execution when it is over. Counters a backend does
/// not know stay unset (the embedded engine reports wall time and rows only).
struct StatementStats {
  int64_t wallMillis = 0;
  int64_t processedRows = 0;
  std::optional<int64_t> processedBytes;
  std::optional<int32_t> nodes;
  std::optional<int64_t> totalSplits;
  std::optional<int64_t> queuedSplits;
  std::optional<int64_t> runningSplits;
  std::optional<int64_t> completedSplits;
  std::optional<int64_t> cpuMillis;
};

/// Why a statement failed: the message as Presto prints it (`line 1:8: ...` for errors about
/// the SQL text) and the 1-based line and column of the offending text when there is one.
struct StatementFailure {
  std::string message;
  std::optional<std::pair<int32_t, int32_t>> location;
};

/// The end of one statement: its query id, final state (`FINISHED`, `FAILED`), the failure if it
/// failed, its statistics, and for INSERT, DDL and session statements the update type (`INSERT`,
/// `CREATE TABLE`) and row count.
struct StatementOutcome {
  std::string queryId;
  std::string state;
  std::optional<StatementFailure> failure;
  StatementStats stats;
  std::optional<std::string> updateType;
  std::optional<int64_t> updateCount;

  bool succeeded() const { return !failure; }
};

/// Prints `Query <id> failed: <message>`; with `sql` (interactive mode) and a location, then the
/// offending line as `LINE 1: SELECT ...` and a caret under the position, as Presto's CLI does
/// when it does not color its output.
void printFailure(std::ostream& out, const StatementOutcome& outcome, const std::string* sql = nullptr);

/// Prints the summary Presto's interactive CLI shows after a statement, as far as the statistics
/// are known: a blank line, `Query <id>, FINISHED, 1 node`, `Splits: 17 total, 17 done (100.00%)`,
/// `CPU Time: 0.1s total, ...`, `0.25 [25 rows, 2.17KB] [100 rows/s, 8.68KB/s]` and a blank line.
void printSummary(std::ostream& out, const StatementOutcome& outcome);

/// Presto's count abbreviations: `999`, `1.23K`, `12.3M`, `123B` (three significant digits).
std::string formatCount(int64_t count);
/// Presto's data sizes in powers of 1024: `512B`, `2.17KB`, `1.5MB`.
std::string formatDataSize(double bytes);
/// A final wall time: seconds with two decimals under a minute (`0.25`), else `m:ss`.
std::string formatFinalTime(int64_t millis);

} // namespace presto::cli
