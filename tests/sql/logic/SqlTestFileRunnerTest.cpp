// The record checks, over an executor that replays canned outcomes instead of running SQL.

#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "SqlTestFileRunner.h"

namespace presto::sql::logic {
namespace {

namespace fs = std::filesystem;

class CannedExecutor : public StatementExecutor {
 public:
  explicit CannedExecutor(std::map<std::string, StatementOutcome> outcomes) : outcomes_(std::move(outcomes)) {}

  StatementOutcome execute(const std::string& sql) override {
    executed.push_back(sql);
    return outcomes_.at(sql);
  }

  std::vector<std::string> executed;

 private:
  std::map<std::string, StatementOutcome> outcomes_;
};

ExecutedStatement rowsOf(std::vector<std::string> rows) {
  ExecutedStatement result;
  result.columnNames = {"a"};
  result.columnTypes = {BIGINT()};
  result.rows = std::move(rows);
  return result;
}

class SqlTestFileRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("sql-test-runner-" + std::to_string(::getpid()));
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& text) { std::ofstream(root_ / "x.test") << text; }

  void run(CannedExecutor& executor, ExecutionMode mode) {
    runSqlTestFile(root_.string(), "x.test", executor, mode);
  }

  fs::path root_;
};

TEST_F(SqlTestFileRunnerTest, passesMatchingOutcomes) {
  write("query rowsort\nSELECT a\n----\n2\n1\n\nstatement count 3\nINSERT 3\n\nstatement error DIVISION_BY_ZERO: "
        "Division by zero\nSELECT 1 / 0\n");
  ExecutedStatement inserted;
  inserted.updateCount = 3;
  CannedExecutor executor({{"SELECT a", rowsOf({"1", "2"})}, {"INSERT 3", inserted},
      {"SELECT 1 / 0", StatementFailure{"DIVISION_BY_ZERO", "Division by zero", "Division by zero"}}});
  run(executor, ExecutionMode::kCluster);
  EXPECT_EQ(executor.executed.size(), 3u);
}

TEST_F(SqlTestFileRunnerTest, reportsWrongRowsErrorsAndProblems) {
  write("query\nSELECT a\n----\n1\n2\n");
  CannedExecutor wrongOrder({{"SELECT a", rowsOf({"2", "1"})}});
  EXPECT_NONFATAL_FAILURE(run(wrongOrder, ExecutionMode::kEmbedded), "x.test:1");

  CannedExecutor failed({{"SELECT a", StatementFailure{"SYNTAX_ERROR", "line 1:8: no", "no"}}});
  EXPECT_NONFATAL_FAILURE(run(failed, ExecutionMode::kEmbedded), "unexpected error SYNTAX_ERROR: line 1:8: no");

  CannedExecutor timedOut({{"SELECT a", ExecutionProblem{"timed out after 1s"}}});
  EXPECT_NONFATAL_FAILURE(run(timedOut, ExecutionMode::kEmbedded), "timed out after 1s");

  ExecutedStatement unreadable = rowsOf({});
  unreadable.renderError = "bad value";
  CannedExecutor unrendered({{"SELECT a", unreadable}});
  EXPECT_NONFATAL_FAILURE(run(unrendered, ExecutionMode::kEmbedded), "could not render the result: bad value");
}

TEST_F(SqlTestFileRunnerTest, skipsClusterOnlyRecordsOnlyOnTheCluster) {
  write("# skip cluster: embedded only\nstatement ok\nSELECT a\n");
  CannedExecutor embedded({{"SELECT a", rowsOf({})}});
  run(embedded, ExecutionMode::kEmbedded);
  EXPECT_EQ(embedded.executed.size(), 1u);
  CannedExecutor cluster({});
  run(cluster, ExecutionMode::kCluster);
  EXPECT_TRUE(cluster.executed.empty());
}

} // namespace
} // namespace presto::sql::logic
