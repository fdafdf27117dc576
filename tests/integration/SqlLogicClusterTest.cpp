// Runs every `.test` file under tests/sql/ (format: docs/dev/sql-logic-tests.md) against a
// presto-server cluster on loopback, through the client REST protocol: the same files and the same
// record checks as sql_logic_test on the embedded engine (docs/dev/cluster-tests.md).

#include <memory>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ClusterStatementExecutor.h"
#include "EmbeddedStatementExecutor.h"
#include "SqlTestFileRunner.h"
#include "TestCluster.h"
#include "testing/TextFile.h"

#ifndef PRESTO_SQL_TEST_DIR
#error "PRESTO_SQL_TEST_DIR must name the directory holding the .test files"
#endif

namespace presto::integration {
namespace {

/// The one cluster of the test binary: started by the first test that needs it, stopped after the
/// last. A cluster that fails to start fails every test with the same message, without retrying.
class ClusterEnvironment : public ::testing::Environment {
 public:
  static ClusterEnvironment& instance() {
    static auto* environment =
        static_cast<ClusterEnvironment*>(::testing::AddGlobalTestEnvironment(new ClusterEnvironment()));
    return *environment;
  }

  /// The running cluster, or nullptr after recording why it is not there as a test failure.
  TestCluster* cluster() {
    if (!cluster_ && !startError_) {
      try {
        TestClusterOptions options;
        options.workers = testWorkerCount();
        cluster_ = std::make_unique<TestCluster>(options);
        std::cout << "[ CLUSTER  ] coordinator " << cluster_->coordinatorUrl() << ", " << cluster_->workerCount()
                  << " workers, in " << cluster_->directory() << "\n";
      } catch (const std::exception& error) {
        startError_ = error.what();
      }
    }
    if (startError_) {
      ADD_FAILURE() << *startError_;
    }
    return cluster_.get();
  }

  void TearDown() override { cluster_.reset(); }

 private:
  std::unique_ptr<TestCluster> cluster_;
  std::optional<std::string> startError_;
};

// Registered before main runs, so that TearDown stops the cluster after the last test.
[[maybe_unused]] ClusterEnvironment& registeredEnvironment = ClusterEnvironment::instance();

class SqlLogicClusterTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SqlLogicClusterTest, file) {
  TestCluster* cluster = ClusterEnvironment::instance().cluster();
  if (cluster == nullptr) {
    return;
  }
  // Memory tables outlive a file on a cluster; each file starts from an empty memory catalog.
  try {
    resetMemoryCatalog(cluster->coordinatorUrl());
  } catch (const std::exception& error) {
    FAIL() << "could not empty the memory catalog: " << error.what() << "\n" << cluster->logTails();
  }
  ClusterStatementExecutor executor(cluster->coordinatorUrl(), sql::logic::statementTimeout());
  sql::logic::runSqlTestFile(PRESTO_SQL_TEST_DIR, GetParam(), executor, sql::logic::ExecutionMode::kCluster);
  if (::testing::Test::HasFailure()) {
    std::cout << "[ CLUSTER  ] log tails after " << GetParam() << ":\n" << cluster->logTails(20);
  }
}

INSTANTIATE_TEST_SUITE_P(Files, SqlLogicClusterTest,
    ::testing::ValuesIn(sql::logic::findSqlTestFiles(PRESTO_SQL_TEST_DIR)),
    [](const ::testing::TestParamInfo<std::string>& info) { return sql::logic::sqlTestNameOf(info.param); });

/// The 22 TPC-H queries on tpch.tiny give on the cluster the rows the embedded engine gives
/// (which engine_test checks against DuckDB's answers).
class TpchClusterTest : public ::testing::TestWithParam<int> {};

TEST_P(TpchClusterTest, sameRowsAsTheEmbeddedEngine) {
  TestCluster* cluster = ClusterEnvironment::instance().cluster();
  if (cluster == nullptr) {
    return;
  }
  auto sql = presto::test::readTextFile(fmt::format("{}/tpch/queries/q{:02d}.sql", PRESTO_SHARED_DIR, GetParam()));
  ClusterStatementExecutor onCluster(cluster->coordinatorUrl(), sql::logic::statementTimeout());
  sql::logic::EmbeddedStatementExecutor embedded(sql::logic::statementTimeout());
  auto expected = embedded.execute(sql);
  auto actual = onCluster.execute(sql);
  ASSERT_TRUE(std::holds_alternative<sql::logic::ExecutedStatement>(expected));
  ASSERT_TRUE(std::holds_alternative<sql::logic::ExecutedStatement>(actual))
      << (std::holds_alternative<sql::logic::StatementFailure>(actual)
                 ? std::get<sql::logic::StatementFailure>(actual).message
                 : std::get<sql::logic::ExecutionProblem>(actual).description);
  const auto& expectedRows = std::get<sql::logic::ExecutedStatement>(expected).rows;
  EXPECT_EQ(std::get<sql::logic::ExecutedStatement>(actual).rows, expectedRows);
  EXPECT_FALSE(expectedRows.empty());
}

INSTANTIATE_TEST_SUITE_P(Tiny, TpchClusterTest, ::testing::Range(1, 23),
    [](const ::testing::TestParamInfo<int>& info) { return fmt::format("q{:02d}", info.param); });

} // namespace
} // namespace presto::integration
