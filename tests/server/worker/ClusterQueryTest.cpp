#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include <fmt/format.h>

#include "OptimizerTestEnvironment.h"
#include "ResultText.h"
#include "TaskApiWorker.h"
#include "common/PrestoException.h"
#include "exec/TaskRegistry.h"
#include "server/cluster/ClusterTaskFactory.h"

namespace presto::server::worker::test {
namespace {

using namespace std::chrono_literals;

/// A coordinator engine whose queries run on two loopback workers through ClusterTaskFactory
/// (the scheduler of the engine itself, not a test scheduler): the coordinator serves the output
/// of its own tasks (root, memory tables) on a results endpoint, and the workers' health comes
/// from a flag the tests set.
class ClusterQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workers_ = new std::vector<std::unique_ptr<TaskApiWorker>>();
    workers_->push_back(std::make_unique<TaskApiWorker>("worker-1"));
    workers_->push_back(std::make_unique<TaskApiWorker>("worker-2"));
    embedded_ = new engine::LocalQueryRunner();
  }

  static void TearDownTestSuite() {
    delete embedded_;
    delete workers_;
  }

  void SetUp() override { startCoordinator({}); }

  void TearDown() override {
    server_->stop();
    server_.reset();
    results_.reset();
    coordinator_.reset();
  }

  void startCoordinator(cluster::ClusterSchedulingConfig config) {
    if (server_) {
      TearDown();
    }
    coordinator_ = std::make_unique<engine::LocalQueryRunner>();
    results_ = std::make_unique<TaskResultsResource>(coordinator_->taskRegistry(), timers_);
    auto router = std::make_shared<http::Router>();
    results_->addRoutes(*router);
    server_ = std::make_unique<http::HttpServer>(http::HttpServerConfig{.bindAddress = "127.0.0.1", .port = 0}, router);
    server_->start();
    engine::WorkerNode self{"coordinator", "http://127.0.0.1:" + std::to_string(server_->port())};
    config.task.maxErrorDuration = Duration(1s);
    coordinator_->setRemoteTaskFactory(std::make_shared<cluster::ClusterTaskFactory>(
        client_, self,
        [] {
          std::vector<engine::WorkerNode> nodes;
          for (const auto& worker : *workers_) {
            nodes.push_back({worker->uri(), worker->uri()});
          }
          return nodes;
        },
        [this](const std::string& nodeId) -> std::optional<std::string> {
          return nodeId == goneNode_ ? std::optional<std::string>("stopped answering") : std::nullopt;
        },
        config));
  }

  /// Runs `sql` on the cluster. Query ids differ from every earlier coordinator's (the workers
  /// keep the tasks of finished queries for a while).
  engine::StatementResult run(const std::string& sql) {
    static std::atomic<int32_t> nextQuery{0};
    return coordinator_->execute(coordinator_->session(), sql, fmt::format("cluster_{}", nextQuery++));
  }

  /// Runs `sql` on the cluster and in the embedded engine and compares the rows (in order when
  /// `ordered`).
  void expectSameRows(const std::string& sql, bool ordered) {
    auto start = std::chrono::steady_clock::now();
    auto actual = engine::test::resultRows(run(sql));
    auto elapsed = std::chrono::steady_clock::now() - start;
    auto expected = engine::test::resultRows(embedded_->execute(sql));
    if (!ordered) {
      std::sort(actual.begin(), actual.end());
      std::sort(expected.begin(), expected.end());
    }
    EXPECT_EQ(actual, expected) << sql;
    std::cout << "[ cluster ] " << expected.size() << " rows in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms" << std::endl;
  }

  /// The tasks the workers ran for queries so far.
  static size_t workerTaskCount() {
    size_t count = 0;
    for (const auto& worker : *workers_) {
      count += worker->manager().allTasks().size();
    }
    return count;
  }

  static std::vector<std::unique_ptr<TaskApiWorker>>* workers_;
  static engine::LocalQueryRunner* embedded_;
  TimerService timers_;
  std::shared_ptr<http::AsyncHttpClient> client_ = std::make_shared<http::AsyncHttpClient>();
  std::unique_ptr<engine::LocalQueryRunner> coordinator_;
  std::unique_ptr<TaskResultsResource> results_;
  std::unique_ptr<http::HttpServer> server_;
  std::string goneNode_;
};

std::vector<std::unique_ptr<TaskApiWorker>>* ClusterQueryTest::workers_ = nullptr;
engine::LocalQueryRunner* ClusterQueryTest::embedded_ = nullptr;

TEST_F(ClusterQueryTest, scansAggregationsAndJoinsRunOnTheWorkers) {
  auto before = workerTaskCount();
  expectSameRows("SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity) FROM lineitem GROUP BY 1, 2", false);
  EXPECT_GE(workerTaskCount(), before + 2) << "the leaf stage runs one task per worker";
  expectSameRows("SELECT o_orderpriority, count(*) FROM orders JOIN customer ON o_custkey = c_custkey "
                 "WHERE c_mktsegment = 'BUILDING' GROUP BY 1 ORDER BY 1",
      true);
  expectSameRows("SELECT n_name FROM nation WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name LIKE 'A%')", false);
  expectSameRows("SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice DESC LIMIT 7", true);
}

TEST_F(ClusterQueryTest, memoryTablesStayOnTheCoordinatorAndJoinRemoteData) {
  run("CREATE TABLE memory.default.regions AS SELECT r_regionkey AS regionkey, r_name AS region FROM region");
  auto rows = engine::test::resultRows(run(
      "SELECT r.region, count(*) FROM nation n JOIN memory.default.regions r ON n.n_regionkey = r.regionkey "
      "GROUP BY 1 ORDER BY 1"));
  std::vector<std::string> expected = {"AFRICA|5", "AMERICA|5", "ASIA|5", "EUROPE|5", "MIDDLE EAST|5"};
  EXPECT_EQ(rows, expected);
  auto inserted = run("INSERT INTO memory.default.regions SELECT r_regionkey + 5, r_name FROM region");
  EXPECT_EQ(inserted.updateCount, 5);
}

TEST_F(ClusterQueryTest, workerErrorsKeepTheirCode) {
  try {
    run("SELECT sum(l_quantity / (l_orderkey - l_orderkey)) FROM lineitem");
    FAIL() << "expected DIVISION_BY_ZERO";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, "DIVISION_BY_ZERO") << error.what();
  }
  expectSameRows("SELECT count(*) FROM nation", false);
}

TEST_F(ClusterQueryTest, aGoneNodeFailsTheQuery) {
  goneNode_ = (*workers_)[1]->uri();
  try {
    run("SELECT count(*) FROM lineitem CROSS JOIN nation");
    FAIL() << "expected REMOTE_HOST_GONE";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, "REMOTE_HOST_GONE") << error.what();
    EXPECT_NE(std::string(error.what()).find(goneNode_), std::string::npos) << error.what();
  }
}

TEST_F(ClusterQueryTest, queryMemoryIsLimitedOverTheCluster) {
  cluster::ClusterSchedulingConfig config;
  config.maxQueryMemoryBytes = 64 << 10;
  startCoordinator(config);
  try {
    // Workers report their memory in task status: the query must outlive a status poll or two.
    run("SELECT l_orderkey, l_partkey, count(*) FROM tpch.sf1.lineitem GROUP BY 1, 2");
    FAIL() << "expected EXCEEDED_GLOBAL_MEMORY_LIMIT";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, "EXCEEDED_GLOBAL_MEMORY_LIMIT") << error.what();
  }
}

TEST_F(ClusterQueryTest, splitsTrickleInWhenQueuesAreFull) {
  cluster::ClusterSchedulingConfig config;
  config.maxPendingSplitsPerTask = 1;
  config.maxSplitsPerNode = 1;
  startCoordinator(config);
  // Eight splits (four per node), at most one queued per node at a time: the scheduler hands
  // out more as the workers report they took the last.
  expectSameRows("SELECT l_returnflag, count(*), sum(l_extendedprice) FROM lineitem GROUP BY 1", false);
}

TEST_F(ClusterQueryTest, noWorkersMeansNoNodesAvailable) {
  auto saved = std::move(*workers_);
  workers_->clear();
  try {
    run("SELECT count(*) FROM nation");
    ADD_FAILURE() << "expected NO_NODES_AVAILABLE";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, "NO_NODES_AVAILABLE") << error.what();
  }
  *workers_ = std::move(saved);
}

/// All 22 TPC-H queries on tiny give the embedded engine's rows.
class ClusterTpchTest : public ClusterQueryTest, public ::testing::WithParamInterface<int> {};

TEST_P(ClusterTpchTest, matchesTheEmbeddedEngine) {
  auto sql = sql::test::tpchQuery(GetParam());
  expectSameRows(sql, false);
}

INSTANTIATE_TEST_SUITE_P(Tiny, ClusterTpchTest, ::testing::Range(1, 23),
    [](const ::testing::TestParamInfo<int>& info) { return fmt::format("q{:02d}", info.param); });

} // namespace
} // namespace presto::server::worker::test
