#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace presto::sql::logic {

/// What a record expects from its statement.
enum class RecordKind {
  /// `statement ok`: the statement succeeds; its rows, if any, are ignored.
  kStatementOk,
  /// `statement count N`: the statement succeeds and reports N updated rows.
  kStatementCount,
  /// `statement error NAME[: message]`: the statement fails with that Presto error.
  kStatementError,
  /// `query [options]`: the statement returns exactly the rows listed after `----`.
  kQuery,
};

/// One record of a `.test` file: a statement and what it must produce.
struct SqlTestRecord {
  RecordKind kind = RecordKind::kStatementOk;
  /// 1-based line of the record's header (`statement ...` / `query ...`).
  int32_t line = 0;
  std::string sql;

  /// kStatementCount: the expected update count.
  int64_t expectedCount = 0;

  /// kStatementError: the error name (`DIVISION_BY_ZERO`) and an optional prefix of the full message
  /// (`line 1:8: Column 'x' cannot be resolved`).
  std::string errorName;
  std::optional<std::string> errorMessagePrefix;

  /// kQuery options: compare rows as sorted sets (`rowsort`), check the column names (`colnames`)
  /// and the column types (`types`), which then precede the rows after `----` as one line each.
  bool rowSort = false;
  bool checkColumnNames = false;
  bool checkColumnTypes = false;
  std::optional<std::string> expectedColumnNames;
  std::optional<std::string> expectedColumnTypes;
  std::vector<std::string> expectedRows;

  /// Set by a `# skip: reason` line right before the record: the record is not run.
  std::optional<std::string> skipReason;
  /// Set by a `# skip cluster: reason` line right before the record: the record is not run against
  /// a multi-process cluster (tests/integration), only on the embedded engine.
  std::optional<std::string> clusterSkipReason;
};

/// Parses the text of a `.test` file (format: docs/dev/sql-logic-tests.md). Malformed records are
/// reported as std::runtime_error naming `path:line`.
std::vector<SqlTestRecord> parseSqlTestFile(const std::string& path, const std::string& text);

} // namespace presto::sql::logic
