// Runs every `.test` file under tests/sql/ (format: docs/dev/sql-logic-tests.md) against the
// embedded engine, one GoogleTest case per file, each file on a fresh LocalQueryRunner.

#include <gtest/gtest.h>

#include "EmbeddedStatementExecutor.h"
#include "SqlTestFileRunner.h"

#ifndef PRESTO_SQL_TEST_DIR
#error "PRESTO_SQL_TEST_DIR must name the directory holding the .test files"
#endif

namespace presto::sql::logic {
namespace {

class SqlLogicTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SqlLogicTest, file) {
  EmbeddedStatementExecutor executor(statementTimeout());
  runSqlTestFile(PRESTO_SQL_TEST_DIR, GetParam(), executor, ExecutionMode::kEmbedded);
}

INSTANTIATE_TEST_SUITE_P(Files, SqlLogicTest, ::testing::ValuesIn(findSqlTestFiles(PRESTO_SQL_TEST_DIR)),
    [](const ::testing::TestParamInfo<std::string>& info) { return sqlTestNameOf(info.param); });

} // namespace
} // namespace presto::sql::logic
