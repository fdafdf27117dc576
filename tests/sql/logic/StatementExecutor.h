#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "type/Type.h"

namespace presto::sql::logic {

/// A statement that succeeded, with its rows already rendered in the text of `.test` files
/// (ResultText.h).
struct ExecutedStatement {
  std::vector<std::string> columnNames;
  std::vector<TypePtr> columnTypes;
  /// One line per row, cells joined by `|`.
  std::vector<std::string> rows;
  /// Set when the rows could not be rendered; only records that check rows fail on it.
  std::optional<std::string> renderError;
  std::optional<int64_t> updateCount;
};

/// A statement that failed with a Presto error, as a client sees it.
struct StatementFailure {
  /// `DIVISION_BY_ZERO`, or `(not a PrestoException)` for anything else the engine threw.
  std::string errorName;
  /// The full message: `line 1:8: Column 'x' cannot be resolved` for errors with a location.
  std::string message;
  /// The message without the `line L:C: ` prefix.
  std::string rawMessage;
};

/// The statement could not be judged at all: it ran past its time limit, or the transport broke.
struct ExecutionProblem {
  std::string description;
};

using StatementOutcome = std::variant<ExecutedStatement, StatementFailure, ExecutionProblem>;

/// Where the records of a `.test` file run: the embedded engine (EmbeddedStatementExecutor) or a
/// coordinator over the client REST protocol (tests/integration). One executor serves one file,
/// statements in file order, with the session changes (USE, SET SESSION) of earlier statements in
/// effect for later ones.
class StatementExecutor {
 public:
  virtual ~StatementExecutor() = default;

  /// Runs `sql` to completion.
  virtual StatementOutcome execute(const std::string& sql) = 0;
};

} // namespace presto::sql::logic
