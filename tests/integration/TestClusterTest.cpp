// The cluster harness: nodes start and stop as processes, statements run through the client
// library with the session following the server's session headers, failures carry their error.

#include <filesystem>
#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestClient.h"
#include "TestCluster.h"
#include "common/PrestoException.h"

namespace presto::integration {
namespace {

namespace fs = std::filesystem;

/// One cluster for the tests that only talk to it.
class TestClusterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestClusterOptions options;
    options.workers = testWorkerCount();
    cluster_ = std::make_unique<TestCluster>(options);
  }

  static void TearDownTestSuite() { cluster_.reset(); }

  static std::unique_ptr<TestCluster> cluster_;
};

std::unique_ptr<TestCluster> TestClusterTest::cluster_;

TEST_F(TestClusterTest, runsQueriesOnTheCoordinator) {
  TestClient client(cluster_->coordinatorUrl());
  ClientResult result = client.execute("SELECT n_nationkey, n_name FROM nation WHERE n_nationkey < 2 ORDER BY 1");
  ASSERT_FALSE(result.failure) << result.failure->message;
  ASSERT_EQ(result.columns.size(), 2u);
  EXPECT_EQ(result.columns[0].name, "n_nationkey");
  EXPECT_EQ(result.columns[0].type, "bigint");
  EXPECT_EQ(result.columns[1].type, "varchar(25)");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[1], nlohmann::json::parse(R"([1, "ARGENTINA"])"));
  EXPECT_FALSE(result.queryId.empty());
}

TEST_F(TestClusterTest, listsEveryNodeActive) {
  TestClient client(cluster_->coordinatorUrl());
  auto rows = client.query("SELECT node_id, state FROM system.runtime.nodes");
  EXPECT_GE(rows.size(), static_cast<size_t>(cluster_->workerCount()));
  for (const auto& row : rows) {
    EXPECT_EQ(row[1], "active") << row.dump();
  }
}

TEST_F(TestClusterTest, reportsFailuresWithNameAndLocation) {
  TestClient client(cluster_->coordinatorUrl());
  ClientResult result = client.execute("SELECT\n  no_such_column FROM nation");
  ASSERT_TRUE(result.failure);
  EXPECT_EQ(result.failure->errorName, "SYNTAX_ERROR");
  EXPECT_EQ(result.failure->message.rfind("line 2:3: ", 0), 0u) << result.failure->message;
  ASSERT_TRUE(result.failure->location);
  EXPECT_EQ(*result.failure->location, std::make_pair(2, 3));
  EXPECT_THROW(client.query("SELECT 1 / 0"), std::runtime_error);
}

TEST_F(TestClusterTest, appliesSessionChangesToTheNextStatements) {
  TestClient client(cluster_->coordinatorUrl());
  client.query("USE memory.default");
  EXPECT_EQ(client.session().catalog, "memory");
  EXPECT_EQ(client.session().schema, "default");
  ClientResult created = client.execute("CREATE TABLE harness_t AS SELECT * FROM tpch.tiny.region");
  ASSERT_FALSE(created.failure) << created.failure->message;
  EXPECT_EQ(created.updateType, "CREATE TABLE");
  EXPECT_EQ(created.updateCount, 5);
  EXPECT_EQ(client.query("SELECT count(*) FROM harness_t").at(0).at(0), 5);
  client.query("DROP TABLE harness_t");

  client.query("SET SESSION hash_partition_count = 8");
  EXPECT_EQ(client.session().properties.at("hash_partition_count"), "8");
  auto shown = client.query("SHOW SESSION LIKE 'hash_partition_count'");
  EXPECT_EQ(shown.at(0).at(1), "8");
  client.query("RESET SESSION hash_partition_count");
  EXPECT_FALSE(client.session().properties.contains("hash_partition_count"));
}

TEST(TestClusterLifecycleTest, removesItsDirectoryAndStopsItsNodes) {
  std::string directory;
  std::string url;
  {
    TestCluster cluster;
    directory = cluster.directory();
    url = cluster.coordinatorUrl();
    EXPECT_TRUE(fs::exists(fs::path(directory) / "coordinator" / "etc" / "config.properties"));
  }
  if (std::getenv("PRESTO_KEEP_CLUSTER_LOGS") == nullptr) {
    EXPECT_FALSE(fs::exists(directory));
  }
  TestClient client(url);
  EXPECT_THROW(client.execute("SELECT 1"), PrestoException);
}

TEST(TestClusterLifecycleTest, failsWithTheLogsOfANodeThatCannotStart) {
  TestClusterOptions options;
  options.workers = testWorkerCount();
  options.catalogs = {{"broken", {{"connector.name", "no_such_connector"}}}};
  try {
    TestCluster cluster(options);
    FAIL() << "a cluster with an unknown connector started";
  } catch (const std::runtime_error& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("did not start"), std::string::npos) << message;
    EXPECT_NE(message.find("--- coordinator"), std::string::npos) << message;
    EXPECT_NE(message.find("no_such_connector"), std::string::npos) << message;
  }
}

TEST(TestClusterLifecycleTest, killsAWorker) {
  if (testWorkerCount() == 0) {
    GTEST_SKIP() << "single-node layout: there is no worker to kill (PRESTO_CLUSTER_WORKERS=2 runs this)";
  }
  TestClusterOptions options;
  options.workers = testWorkerCount();
  TestCluster cluster(options);
  ASSERT_TRUE(cluster.isWorkerRunning(0));
  cluster.killWorker(0);
  EXPECT_FALSE(cluster.isWorkerRunning(0));
  EXPECT_TRUE(cluster.isWorkerRunning(cluster.workerCount() - 1) || cluster.workerCount() == 1);
  // The coordinator outlives its worker.
  TestClient client(cluster.coordinatorUrl());
  EXPECT_NO_THROW(client.execute("SHOW CATALOGS"));
}

} // namespace
} // namespace presto::integration
