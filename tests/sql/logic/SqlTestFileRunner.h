#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "StatementExecutor.h"

namespace presto::sql::logic {

/// Where a runner is: records marked `# skip cluster: reason` are skipped only on a cluster.
enum class ExecutionMode { kEmbedded, kCluster };

/// Paths of every `.test` file below `root`, relative to it, sorted.
std::vector<std::string> findSqlTestFiles(const std::string& root);

/// The GoogleTest name of a file: its relative path without `.test`, with every character that is
/// not a letter or digit replaced by `_` (`joins/inner_outer.test` -> `joins_inner_outer`).
std::string sqlTestNameOf(const std::string& relativePath);

/// How long one statement may run before its record fails; PRESTO_SQL_TEST_TIMEOUT_SECONDS
/// overrides the default of 120 seconds.
std::chrono::seconds statementTimeout();

/// Parses `root/relativePath` and runs its records in order on `executor`, reporting every record
/// that does not produce what it expects as a GoogleTest failure naming `file:line`.
void runSqlTestFile(
    const std::string& root, const std::string& relativePath, StatementExecutor& executor, ExecutionMode mode);

} // namespace presto::sql::logic
