// A coordinator with two workers, as separate processes, when a worker dies or leaves: a query
// running on a SIGKILLed worker fails naming the node, the failure detector marks the node
// inactive and the next queries run on the other worker; a worker told to shut down is marked
// shutting_down, gets no new tasks, finishes the ones it has and exits. Also what the cluster
// shows of its queries: the fragments of EXPLAIN (TYPE DISTRIBUTED) and the tasks of every node in
// system.runtime.tasks.

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestClient.h"
#include "TestCluster.h"
#include "server/http/HttpClient.h"
#include "testing/TextFile.h"

namespace presto::integration {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

/// Runs about 11 s on two idle workers (a regular expression over 60 million generated lineitem
/// rows), with rows processed after about a second: it is still running when a test kills a worker.
/// The partial aggregations run on both workers and send their groups to a final aggregation
/// partitioned over both.
constexpr const char* kLongQuery =
    "SELECT l_returnflag, count(*), sum(l_extendedprice * (1 - l_discount)) FROM tpch.sf10.lineitem "
    "WHERE regexp_like(l_comment, '(fur|bold).*(dep|ly)') GROUP BY l_returnflag";

/// Runs about 6 s on two idle workers, with the same shape as kLongQuery: long enough for a worker
/// to be told to shut down while it runs, short enough to wait for.
constexpr const char* kDrainedQuery =
    "SELECT l_returnflag, count(*) FROM tpch.sf10.lineitem WHERE l_comment LIKE '%fur%' GROUP BY l_returnflag "
    "ORDER BY l_returnflag";

/// With join_distribution_type = 'PARTITIONED': a join (two source fragments, hash-partitioned on the
/// join key) and an aggregation (hash-partitioned on the group key), five fragments.
constexpr const char* kMultiStageQuery =
    "SELECT l_returnflag, count(*) FROM lineitem JOIN orders ON l_orderkey = o_orderkey GROUP BY l_returnflag";

/// Polls `condition` every 50 ms until it holds (true) or `timeout` passed (false).
bool waitUntil(std::chrono::milliseconds timeout, const std::function<bool()>& condition) {
  auto deadline = Clock::now() + timeout;
  while (!condition()) {
    if (Clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(50ms);
  }
  return true;
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// node_id -> state of every row of system.runtime.nodes.
std::map<std::string, std::string> nodeStates(TestClient& client) {
  std::map<std::string, std::string> states;
  for (const auto& row : client.query("SELECT node_id, state FROM system.runtime.nodes")) {
    states[row.at(0).get<std::string>()] = row.at(1).get<std::string>();
  }
  return states;
}

/// The nodes that ran a task of query `queryId`.
std::set<std::string> taskNodes(TestClient& client, const std::string& queryId) {
  std::set<std::string> nodes;
  for (const auto& row :
      client.query(fmt::format("SELECT DISTINCT node_id FROM system.runtime.tasks WHERE query_id = '{}'", queryId))) {
    nodes.insert(row.at(0).get<std::string>());
  }
  return nodes;
}

/// Whether a protocol value is DuckDB's answer `expected` (CSV text): equal text, or numbers equal
/// within half a unit of the last digit of a decimal (which arrives as a string with its scale),
/// or within a relative 1e-9 for doubles and integers.
bool matchesAnswer(const nlohmann::json& actual, const std::string& expected) {
  std::string text = actual.is_string() ? actual.get<std::string>() : actual.dump();
  if (text == expected) {
    return true;
  }
  char* end = nullptr;
  double left = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) {
    return false;
  }
  double right = std::strtod(expected.c_str(), &end);
  if (end != expected.c_str() + expected.size()) {
    return false;
  }
  auto point = text.find('.');
  if (actual.is_string() && point != std::string::npos) {
    auto scale = static_cast<int>(text.size() - point - 1);
    return std::fabs(left - right) <= 0.5 * std::pow(10.0, -scale) + 1e-12 * std::fabs(right);
  }
  return std::fabs(left - right) <= 1e-9 * std::max(1.0, std::fabs(right));
}

/// Runs TPC-H Q1 on tpch.tiny and checks it against DuckDB's answer (../shared/tpch/answers).
/// Returns the query id.
std::string expectTpchQ1(TestClient& client) {
  std::string shared = PRESTO_SHARED_DIR;
  ClientResult result = client.execute(presto::test::readTextFile(shared + "/tpch/queries/q01.sql"), 60s);
  EXPECT_FALSE(result.failure) << result.failure->errorName << ": " << result.failure->message;
  EXPECT_FALSE(result.timedOut);
  std::istringstream answer(presto::test::readTextFile(shared + "/tpch/answers/duckdb-sf0.01/q01.csv"));
  std::string line;
  std::getline(answer, line);
  size_t row = 0;
  // Q1's answer has no quoted fields and no NULLs: a line splits at every comma.
  for (; std::getline(answer, line); ++row) {
    if (row >= result.rows.size()) {
      ADD_FAILURE() << "Q1 returned " << result.rows.size() << " rows, DuckDB " << row + 1 << " or more";
      break;
    }
    std::istringstream fields(line);
    std::string expected;
    size_t column = 0;
    for (; std::getline(fields, expected, ','); ++column) {
      EXPECT_TRUE(column < result.rows[row].size() && matchesAnswer(result.rows[row][column], expected))
          << "Q1 row " << row << " column " << column << ": got " << result.rows[row].dump() << ", DuckDB has "
          << line;
    }
    EXPECT_EQ(column, result.rows[row].size());
  }
  EXPECT_EQ(row, result.rows.size());
  return result.queryId;
}

/// Sends `PUT /v1/info/state` with the JSON string `state` to the node at `url`; returns the status.
int32_t putNodeState(const std::string& url, const std::string& state) {
  auto parsed = server::http::Url::parse(url);
  server::http::HttpClient http(parsed->host, parsed->port, Duration(std::chrono::seconds(5)));
  server::http::HttpHeaders headers;
  headers.add("Content-Type", "application/json");
  return http.send("PUT", "/v1/info/state", headers, nlohmann::json(state).dump()).status;
}

/// A statement stepped by the test itself, so that it can act on the cluster while the statement
/// runs. REQUIRES: `client` outlives it and runs nothing else meanwhile.
class RunningStatement {
 public:
  RunningStatement(TestClient& client, const std::string& sql) : statement_(client.start(sql)) {}

  /// Follows the statement until the server reports it RUNNING with rows processed; false if it
  /// ended or `timeout` passed first.
  bool waitUntilProcessing(std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    while (statement_->isRunning() && Clock::now() < deadline) {
      statement_->takeRows();
      if (statement_->state() == "RUNNING" && statement_->processedRows() > 0) {
        return true;
      }
      statement_->advance();
    }
    return false;
  }

  /// Follows the statement until it ends; false if `timeout` passed first.
  bool waitUntilDone(std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    while (statement_->isRunning()) {
      for (auto& row : statement_->takeRows()) {
        rows_.push_back(std::move(row));
      }
      if (Clock::now() > deadline) {
        return false;
      }
      statement_->advance();
    }
    for (auto& row : statement_->takeRows()) {
      rows_.push_back(std::move(row));
    }
    return true;
  }

  const client::StatementClient& statement() const { return *statement_; }
  const std::vector<nlohmann::json>& rows() const { return rows_; }

  /// Cancels the statement if it still runs.
  ~RunningStatement() {
    try {
      statement_->cancel();
    } catch (const std::exception&) {
      // The coordinator is gone; nothing to cancel.
    }
  }

 private:
  std::unique_ptr<client::StatementClient> statement_;
  std::vector<nlohmann::json> rows_;
};

TestClusterOptions twoWorkers() {
  TestClusterOptions options;
  options.workers = 2;
  return options;
}

/// How a query running on both workers ended after worker 0 was SIGKILLed.
struct KillOutcome {
  std::optional<client::QueryFailure> failure;
  /// From the kill to the end of the query as the client saw it.
  double seconds = 0;
};

/// Starts kLongQuery, SIGKILLs worker 0 once the query processes rows, and follows the query until
/// it ends (at most `timeout` after the kill).
KillOutcome killWorkerUnderLongQuery(TestCluster& cluster, std::chrono::milliseconds timeout) {
  TestClient client(cluster.coordinatorUrl());
  RunningStatement running(client, kLongQuery);
  KillOutcome outcome;
  if (!running.waitUntilProcessing(30s)) {
    ADD_FAILURE() << "the query did not run: state " << running.statement().state() << "\n" << cluster.logTails();
    return outcome;
  }
  auto killedAt = Clock::now();
  cluster.killWorker(0);
  bool done = running.waitUntilDone(timeout);
  outcome.seconds = secondsSince(killedAt);
  EXPECT_TRUE(done) << "the query still runs " << outcome.seconds << " s after a worker was killed\n"
                    << cluster.logTails();
  outcome.failure = running.statement().failure();
  if (outcome.failure) {
    std::cout << "[   INFO   ] failed " << fmt::format("{:.2f}", outcome.seconds)
              << " s after the kill: " << outcome.failure->errorName << ": " << outcome.failure->message << "\n";
  }
  return outcome;
}

TEST(ClusterFailureTest, queryFailsWhenAWorkerIsKilledAndTheNextRunsOnTheOtherWorker) {
  TestCluster cluster(twoWorkers());
  const std::string& killed = cluster.workerNodeId(0);
  KillOutcome outcome = killWorkerUnderLongQuery(cluster, 10s);
  ASSERT_TRUE(outcome.failure) << "the query did not fail without " << killed;
  // The failure detector sees the node gone within about 1.5 s (heartbeat interval + failure
  // timeout) and the scheduler fails the query at once: REMOTE_HOST_GONE naming the node.
  EXPECT_EQ(outcome.failure->errorName, "REMOTE_HOST_GONE") << outcome.failure->message;
  EXPECT_NE(outcome.failure->message.find("Node " + killed + " is gone"), std::string::npos)
      << outcome.failure->message;
  EXPECT_LT(outcome.seconds, 10.0);

  // The coordinator still answers, and the failure detector marks the node inactive.
  TestClient client(cluster.coordinatorUrl());
  std::map<std::string, std::string> states;
  EXPECT_TRUE(waitUntil(5s, [&] {
    states = nodeStates(client);
    return states[killed] == "inactive";
  })) << killed << " is " << states[killed];
  EXPECT_EQ(states[cluster.workerNodeId(1)], "active");

  // The next query runs on the remaining worker and gives the right answer.
  std::string queryId = expectTpchQ1(client);
  auto nodes = taskNodes(client, queryId);
  EXPECT_TRUE(nodes.contains(cluster.workerNodeId(1))) << fmt::format("{}", fmt::join(nodes, ", "));
  EXPECT_FALSE(nodes.contains(killed));
}

TEST(ClusterFailureTest, shutDownWorkerFinishesItsTasksAndGetsNoNewOnes) {
  TestCluster cluster(twoWorkers());
  TestClient client(cluster.coordinatorUrl());
  const std::string& leaving = cluster.workerNodeId(0);

  TestClient runner(cluster.coordinatorUrl());
  RunningStatement running(runner, kDrainedQuery);
  ASSERT_TRUE(running.waitUntilProcessing(30s)) << "the query did not run: state " << running.statement().state();
  ASSERT_EQ(putNodeState(cluster.workerUrl(0), "SHUTTING_DOWN"), 204);

  // The worker still runs its tasks; the failure detector sees it shutting down.
  std::map<std::string, std::string> states;
  ASSERT_TRUE(waitUntil(5s, [&] {
    states = nodeStates(client);
    return states[leaving] == "shutting_down";
  })) << leaving << " is " << states[leaving] << "\n" << cluster.logTails();
  EXPECT_EQ(states[cluster.workerNodeId(1)], "active");

  // New queries run on the other worker only.
  std::string queryId = expectTpchQ1(client);
  auto nodes = taskNodes(client, queryId);
  EXPECT_TRUE(nodes.contains(cluster.workerNodeId(1))) << fmt::format("{}", fmt::join(nodes, ", "));
  EXPECT_FALSE(nodes.contains(leaving)) << fmt::format("{}", fmt::join(nodes, ", "));

  // The query that was running when the worker was told to leave finishes, with every group.
  ASSERT_TRUE(running.waitUntilDone(60s)) << cluster.logTails();
  const auto& failure = running.statement().failure();
  EXPECT_FALSE(failure) << failure->errorName << ": " << failure->message;
  ASSERT_EQ(running.rows().size(), 3u);
  EXPECT_EQ(running.rows()[0][0], "A");
  EXPECT_EQ(running.rows()[2][0], "R");

  // Drained, the worker exits by itself.
  EXPECT_TRUE(waitUntil(10s, [&] { return !cluster.isWorkerRunning(0); })) << cluster.logTails();
  EXPECT_NO_THROW(expectTpchQ1(client));
}

/// One cluster for the tests that only look at it.
class ClusterIntrospectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { cluster_ = std::make_unique<TestCluster>(twoWorkers()); }
  static void TearDownTestSuite() { cluster_.reset(); }

  static std::unique_ptr<TestCluster> cluster_;
};

std::unique_ptr<TestCluster> ClusterIntrospectionTest::cluster_;

TEST_F(ClusterIntrospectionTest, explainDistributedShowsTheFragments) {
  TestClient client(cluster_->coordinatorUrl());
  client.query("SET SESSION join_distribution_type = 'PARTITIONED'");
  auto rows = client.query(std::string("EXPLAIN (TYPE DISTRIBUTED) ") + kMultiStageQuery);
  ASSERT_EQ(rows.size(), 1u);
  std::string plan = rows[0][0].get<std::string>();
  // Fragments in order, each with its partitioning and what it sends to its consumer.
  std::vector<std::string> expected = {
      "Fragment 0 [SINGLE]\n    Output layout: [l_returnflag, count]\n    Output partitioning: SINGLE []\n",
      "Fragment 1 [HASH]\n    Output layout: [l_returnflag, count]\n    Output partitioning: SINGLE []\n"
      "    - Aggregate(FINAL)[keys = [l_returnflag]]",
      "Fragment 2 [HASH]\n    Output layout: [l_returnflag, count_1]\n    Output partitioning: HASH [l_returnflag]\n"
      "    - Aggregate(PARTIAL)[keys = [l_returnflag]]",
      "- InnerJoin[(l_orderkey = o_orderkey), distribution = PARTITIONED]",
      "Fragment 3 [SOURCE]\n    Output layout: [l_orderkey, l_returnflag]\n    Output partitioning: HASH [l_orderkey]\n"
      "    - TableScan[table = tpch.tiny.lineitem]",
      "Fragment 4 [SOURCE]\n    Output layout: [o_orderkey]\n    Output partitioning: HASH [o_orderkey]\n"
      "    - TableScan[table = tpch.tiny.orders]",
  };
  size_t position = 0;
  for (const auto& part : expected) {
    auto found = plan.find(part, position);
    ASSERT_NE(found, std::string::npos) << "missing, or out of order:\n" << part << "\nin:\n" << plan;
    position = found + part.size();
  }
  EXPECT_EQ(plan.find("Fragment 5"), std::string::npos) << plan;
}

TEST_F(ClusterIntrospectionTest, tasksTableShowsTasksOfEveryWorker) {
  TestClient client(cluster_->coordinatorUrl());
  client.query("SET SESSION join_distribution_type = 'PARTITIONED'");
  ClientResult result = client.execute(kMultiStageQuery);
  ASSERT_FALSE(result.failure) << result.failure->message;
  ASSERT_EQ(result.rows.size(), 3u);

  // Workers keep finished tasks for task.info.max-age (60 s by default).
  auto nodes = taskNodes(client, result.queryId);
  EXPECT_TRUE(nodes.contains(cluster_->workerNodeId(0))) << fmt::format("{}", fmt::join(nodes, ", "));
  EXPECT_TRUE(nodes.contains(cluster_->workerNodeId(1))) << fmt::format("{}", fmt::join(nodes, ", "));
  std::set<std::string> everyNode;
  for (const auto& row : client.query("SELECT DISTINCT node_id FROM system.runtime.tasks")) {
    everyNode.insert(row.at(0).get<std::string>());
  }
  EXPECT_TRUE(everyNode.contains(cluster_->workerNodeId(0)));
  EXPECT_TRUE(everyNode.contains(cluster_->workerNodeId(1)));

  // Fragments 1 to 4 run on both workers (the root, fragment 0, on the coordinator); the tasks of the
  // finished query are done.
  auto rows = client.query(fmt::format(
      "SELECT stage_id, count(DISTINCT node_id), count(*) FILTER (WHERE state <> 'FINISHED') "
      "FROM system.runtime.tasks WHERE query_id = '{}' AND node_id <> 'node-coordinator' GROUP BY stage_id "
      "ORDER BY stage_id",
      result.queryId));
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) {
    EXPECT_EQ(row[1], 2) << "stage " << row[0] << " ran on " << row[1] << " workers";
    EXPECT_EQ(row[2], 0) << "stage " << row[0] << " has tasks that did not finish";
  }
}

} // namespace
} // namespace presto::integration
