#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "../testing/FakeQueryEngine.h"
#include "server/coordinator/CoordinatorRuntimeInfo.h"
#include "server/coordinator/QueryManager.h"

namespace presto::server {
namespace {

using namespace std::chrono_literals;

struct FetchResult {
  FetchStatus status;
  ResultsBatch batch;
};

class QueryManagerTest : public ::testing::Test {
 protected:
  void SetUp() override { config_.checkInterval = Duration(10ms); }

  QueryManager& manager() {
    if (!manager_) {
      manager_ = std::make_unique<QueryManager>(config_, std::make_shared<test::FakeQueryEngine>());
    }
    return *manager_;
  }

  ResultsBatch create(const std::string& sql) {
    Session session;
    session.user = "test";
    return manager().createQuery(session, sql);
  }

  FetchResult fetch(const ResultsBatch& previous, std::optional<Duration> maxWait = std::nullopt, int64_t offset = 1) {
    return fetchToken(previous.queryId, previous.slug, previous.token + offset, maxWait);
  }

  FetchResult fetchToken(const std::string& id, const std::string& slug, int64_t token, std::optional<Duration> maxWait) {
    std::promise<FetchResult> promise;
    manager().fetchResults(id, slug, token, maxWait, [&promise](FetchStatus status, ResultsBatch batch) {
      promise.set_value(FetchResult{status, std::move(batch)});
    });
    return promise.get_future().get();
  }

  /// Follows the results to the end; returns every reply, `batch` first.
  std::vector<ResultsBatch> drain(ResultsBatch batch) {
    std::vector<ResultsBatch> replies{batch};
    while (replies.back().hasNext) {
      auto next = fetch(replies.back());
      EXPECT_EQ(next.status, FetchStatus::kOk);
      replies.push_back(next.batch);
    }
    return replies;
  }

  static int64_t rowCount(const std::vector<ResultsBatch>& replies) {
    int64_t rows = 0;
    for (const auto& reply : replies) {
      for (const auto& page : reply.pages) {
        rows += page->numRows();
      }
    }
    return rows;
  }

  QueryManagerConfig config_;
  std::unique_ptr<QueryManager> manager_;
};

TEST_F(QueryManagerTest, simpleQueryFinishesInOneRoundTrip) {
  auto first = create("SELECT 1");
  EXPECT_EQ(first.stats.state, QueryState::kQueued);
  EXPECT_TRUE(first.hasNext);
  EXPECT_EQ(first.token, 0);
  EXPECT_TRUE(first.pages.empty());

  auto second = fetch(first);
  ASSERT_EQ(second.status, FetchStatus::kOk);
  EXPECT_FALSE(second.batch.hasNext);
  EXPECT_EQ(second.batch.stats.state, QueryState::kFinished);
  ASSERT_TRUE(second.batch.columns);
  EXPECT_EQ((*second.batch.columns)[0].name, "_col0");
  ASSERT_EQ(second.batch.pages.size(), 1u);
  EXPECT_EQ(second.batch.pages[0]->numRows(), 1);
  EXPECT_FALSE(second.batch.error);
}

TEST_F(QueryManagerTest, tokensReplayUntilTheNextIsAsked) {
  auto first = create("SELECT * FROM stream(3, 2, 30)");
  auto second = fetch(first);
  ASSERT_EQ(second.status, FetchStatus::kOk);
  // The same token again: the same reply.
  auto replay = fetch(first);
  ASSERT_EQ(replay.status, FetchStatus::kOk);
  EXPECT_EQ(replay.batch.token, second.batch.token);
  EXPECT_EQ(replay.batch.pages.size(), second.batch.pages.size());
  // Skipping ahead is gone, and so is an old token once the next was asked.
  EXPECT_EQ(fetch(second.batch, std::nullopt, 2).status, FetchStatus::kGone);
  auto replies = drain(second.batch);
  EXPECT_EQ(fetch(first, std::nullopt, 0).status, FetchStatus::kGone);
  EXPECT_EQ(rowCount(replies), 6);
  EXPECT_EQ(replies.back().stats.state, QueryState::kFinished);
  // After the final reply there is no next token.
  EXPECT_EQ(fetch(replies.back()).status, FetchStatus::kGone);
}

TEST_F(QueryManagerTest, unknownQueryOrSlug) {
  EXPECT_EQ(fetchToken("20261122_031500_00001_abcde", "x", 1, std::nullopt).status, FetchStatus::kNotFound);
  auto first = create("SELECT 1");
  EXPECT_EQ(fetchToken(first.queryId, "wrong", 1, std::nullopt).status, FetchStatus::kNotFound);
  EXPECT_FALSE(manager().cancelQuery(first.queryId, std::string("wrong")));
}

TEST_F(QueryManagerTest, resultsStreamBeforeTheQueryFinishes) {
  auto first = create("SELECT * FROM stream(5, 10, 150)");
  auto reply = fetch(first, Duration(2s));
  ASSERT_EQ(reply.status, FetchStatus::kOk);
  EXPECT_TRUE(reply.batch.hasNext);
  EXPECT_EQ(reply.batch.stats.state, QueryState::kRunning);
  EXPECT_EQ(rowCount({reply.batch}), 10);
  auto replies = drain(reply.batch);
  EXPECT_EQ(rowCount(replies), 50);
}

TEST_F(QueryManagerTest, longPollReturnsAtMaxWaitWithoutData) {
  auto first = create("SELECT * FROM sleep(2000)");
  auto start = std::chrono::steady_clock::now();
  auto reply = fetch(first, Duration(200ms));
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_GE(elapsed, 150ms);
  EXPECT_LT(elapsed, 1500ms);
  EXPECT_TRUE(reply.batch.hasNext);
  EXPECT_TRUE(reply.batch.pages.empty());
  EXPECT_TRUE(manager().cancelQuery(first.queryId));
}

TEST_F(QueryManagerTest, cancelFailsWithUserCanceled) {
  auto first = create("SELECT * FROM stream(100, 1, 50)");
  auto reply = fetch(first, Duration(10ms));
  EXPECT_TRUE(manager().cancelQuery(first.queryId, first.slug));
  auto canceled = fetch(reply.batch);
  ASSERT_EQ(canceled.status, FetchStatus::kOk);
  EXPECT_FALSE(canceled.batch.hasNext);
  EXPECT_EQ(canceled.batch.stats.state, QueryState::kFailed);
  ASSERT_TRUE(canceled.batch.error);
  EXPECT_EQ(canceled.batch.error->errorName, "USER_CANCELED");
  EXPECT_EQ(canceled.batch.error->message, "Query was canceled");
  EXPECT_EQ(manager().queryInfo(first.queryId)->state, QueryState::kFailed);
}

TEST_F(QueryManagerTest, syntaxErrorCarriesLocation) {
  auto first = create("SELECT * FORM nation");
  auto reply = fetch(first);
  ASSERT_TRUE(reply.batch.error);
  EXPECT_EQ(reply.batch.error->errorName, "SYNTAX_ERROR");
  EXPECT_EQ(reply.batch.error->errorCode, 1);
  ASSERT_TRUE(reply.batch.error->location);
  EXPECT_EQ(reply.batch.error->location->column, 10);
  EXPECT_FALSE(reply.batch.hasNext);
}

TEST_F(QueryManagerTest, queueFull) {
  config_.maxConcurrentQueries = 1;
  config_.maxQueuedQueries = 1;
  auto running = create("SELECT * FROM sleep(300)");
  auto queued = create("SELECT 1");
  auto rejected = create("SELECT 1");
  EXPECT_TRUE(running.hasNext);
  EXPECT_TRUE(queued.hasNext);
  ASSERT_TRUE(rejected.error);
  EXPECT_EQ(rejected.error->errorName, "QUERY_QUEUE_FULL");
  EXPECT_EQ(rejected.error->errorType, "INSUFFICIENT_RESOURCES");
  EXPECT_FALSE(rejected.hasNext);

  // The queued query stays QUEUED until the running one ends, then runs.
  auto waiting = fetch(queued, Duration(50ms));
  EXPECT_EQ(waiting.batch.stats.state, QueryState::kQueued);
  EXPECT_EQ(rowCount(drain(running)), 1);
  auto replies = drain(waiting.batch);
  EXPECT_EQ(replies.back().stats.state, QueryState::kFinished);
  EXPECT_EQ(rowCount(replies), 1);
}

TEST_F(QueryManagerTest, queryTextTooLarge) {
  config_.maxQueryLength = 10;
  auto rejected = create("SELECT 1 AS a_long_name");
  ASSERT_TRUE(rejected.error);
  EXPECT_EQ(rejected.error->errorName, "QUERY_TEXT_TOO_LARGE");
}

TEST_F(QueryManagerTest, abandonedQuery) {
  config_.clientTimeout = Duration(100ms);
  auto first = create("SELECT * FROM stream(1000, 1, 10)");
  std::this_thread::sleep_for(400ms);
  auto info = manager().queryInfo(first.queryId);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->state, QueryState::kFailed);
  ASSERT_TRUE(info->error);
  EXPECT_EQ(info->error->errorName, "ABANDONED_QUERY");
}

TEST_F(QueryManagerTest, longPollKeepsTheQueryAlive) {
  config_.clientTimeout = Duration(150ms);
  config_.maxWait = Duration(400ms);
  auto first = create("SELECT * FROM sleep(350)");
  auto replies = drain(first);
  EXPECT_EQ(replies.back().stats.state, QueryState::kFinished);
}

TEST_F(QueryManagerTest, executionTimeLimit) {
  config_.maxExecutionTime = Duration(100ms);
  auto first = create("SELECT * FROM sleep(5000)");
  auto replies = drain(first);
  ASSERT_TRUE(replies.back().error);
  EXPECT_EQ(replies.back().error->errorName, "EXCEEDED_TIME_LIMIT");
}

TEST_F(QueryManagerTest, sessionCanLowerTheExecutionTimeLimit) {
  Session session;
  session.user = "test";
  session.systemProperties["query_max_execution_time"] = "100ms";
  auto first = manager().createQuery(session, "SELECT * FROM sleep(5000)");
  auto replies = drain(first);
  ASSERT_TRUE(replies.back().error);
  EXPECT_EQ(replies.back().error->errorName, "EXCEEDED_TIME_LIMIT");
}

TEST_F(QueryManagerTest, historyIsBounded) {
  config_.maxHistory = 2;
  config_.minExpireAge = Duration(0ms);
  for (int i = 0; i < 5; ++i) {
    drain(create("SELECT 1"));
  }
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(manager().listQueries().size(), 2u);
}

TEST_F(QueryManagerTest, historyKeepsQueriesYoungerThanMinExpireAge) {
  config_.maxHistory = 1;
  for (int i = 0; i < 3; ++i) {
    drain(create("SELECT 1"));
  }
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(manager().listQueries().size(), 3u);
}

TEST_F(QueryManagerTest, updateStatementsReportSessionChanges) {
  auto replies = drain(create("SET SESSION query_max_run_time = '2h'"));
  const auto& last = replies.back();
  EXPECT_EQ(last.updateType, "SET SESSION");
  EXPECT_EQ(last.sessionUpdates.setProperties.at("query_max_run_time"), "2h");
  EXPECT_EQ(rowCount(replies), 1);

  auto insert = drain(create("INSERT INTO t VALUES 1, 2, 3")).back();
  EXPECT_EQ(insert.updateType, "INSERT");
  EXPECT_EQ(insert.updateCount, 3);
}

TEST_F(QueryManagerTest, shutdownDrainsThenRefuses) {
  auto first = create("SELECT * FROM sleep(100)");
  std::promise<void> drained;
  manager().shutDown([&drained] { drained.set_value(); });
  EXPECT_EQ(manager().nodeState(), NodeState::kShuttingDown);
  auto refused = create("SELECT 1");
  ASSERT_TRUE(refused.error);
  EXPECT_EQ(refused.error->errorName, "SERVER_SHUTTING_DOWN");
  auto future = drained.get_future();
  EXPECT_EQ(future.wait_for(50ms), std::future_status::timeout);
  drain(first);
  EXPECT_EQ(future.wait_for(2s), std::future_status::ready);
}

TEST_F(QueryManagerTest, backPressureBoundsTheBuffer) {
  config_.targetResultBytes = 1;
  auto first = create("SELECT * FROM stream(200, 1000, 0)");
  auto replies = drain(first);
  EXPECT_EQ(rowCount(replies), 200'000);
  EXPECT_GT(replies.size(), 10u);
}

TEST_F(QueryManagerTest, destroyingTheManagerAbortsRunningQueries) {
  create("SELECT * FROM stream(1000, 1, 10)");
  create("SELECT * FROM sleep(10000)");
  auto start = std::chrono::steady_clock::now();
  manager_.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST_F(QueryManagerTest, runtimeInfoForSystemTables) {
  CoordinatorRuntimeInfo runtime(manager(), connector::NodeInfo{"node-1", "http://127.0.0.1:8080", "0.1", true, ""});
  auto finished = drain(create("SELECT 1")).back();
  auto running = create("SELECT * FROM sleep(5000)");
  auto nodes = runtime.nodes();
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].state, "active");
  auto rows = runtime.queries();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].queryId, finished.queryId);
  EXPECT_EQ(rows[0].state, "FINISHED");
  EXPECT_EQ(rows[0].query, "SELECT 1");
  EXPECT_EQ(rows[0].user, "test");
  EXPECT_EQ(rows[0].nodeId, "node-1");
  EXPECT_TRUE(rows[0].end);
  EXPECT_EQ(rows[1].queryId, running.queryId);
  EXPECT_FALSE(rows[1].end);
  manager().shutDown([] {});
  EXPECT_EQ(runtime.nodes()[0].state, "shutting_down");
}

} // namespace
} // namespace presto::server
