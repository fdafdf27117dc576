#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "ResultText.h"
#include "TaskApiWorker.h"
#include "TestCoordinator.h"
#include "common/PrestoException.h"
#include "OptimizerTestEnvironment.h"

namespace presto::server::worker::test {
namespace {

using namespace std::chrono_literals;

/// Two workers on loopback, each with its own engine and TaskManager, and a coordinator that
/// schedules queries on them over the task API only: fragments travel as JSON, splits as JSON,
/// pages between tasks over HTTP.
class DistributedQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workers_ = new std::vector<std::unique_ptr<TaskApiWorker>>();
    workers_->push_back(std::make_unique<TaskApiWorker>("worker-1"));
    workers_->push_back(std::make_unique<TaskApiWorker>("worker-2"));
    planner_ = new engine::LocalQueryRunner();
  }

  static void TearDownTestSuite() {
    delete planner_;
    delete workers_;
  }

  TestCoordinator coordinator() { return TestCoordinator(*planner_, {(*workers_)[0]->uri(), (*workers_)[1]->uri()}); }

  /// Runs `sql` on the workers and in the embedded engine and compares the rows (in order when
  /// `ordered`).
  void expectSameRows(const std::string& sql, bool ordered) {
    auto start = std::chrono::steady_clock::now();
    auto actual = engine::test::resultRows(coordinator().execute(sql));
    auto elapsed = std::chrono::steady_clock::now() - start;
    auto expected = engine::test::resultRows(planner_->execute(sql));
    if (!ordered) {
      std::sort(actual.begin(), actual.end());
      std::sort(expected.begin(), expected.end());
    }
    EXPECT_EQ(actual, expected);
    EXPECT_FALSE(expected.empty());
    std::cout << "[ distributed ] " << expected.size() << " rows in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms" << std::endl;
  }

  static std::vector<std::unique_ptr<TaskApiWorker>>* workers_;
  static engine::LocalQueryRunner* planner_;
};

std::vector<std::unique_ptr<TaskApiWorker>>* DistributedQueryTest::workers_ = nullptr;
engine::LocalQueryRunner* DistributedQueryTest::planner_ = nullptr;

TEST_F(DistributedQueryTest, aggregationOverAScan) {
  expectSameRows("SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity) FROM lineitem GROUP BY 1, 2", false);
}

TEST_F(DistributedQueryTest, joinWithAggregation) {
  expectSameRows("SELECT n_name, count(*) FROM customer JOIN nation ON c_nationkey = n_nationkey GROUP BY n_name", false);
}

class DistributedTpchTest : public DistributedQueryTest, public testing::WithParamInterface<int> {};

TEST_P(DistributedTpchTest, sameRowsAsTheEmbeddedEngine) {
  // Every one of these queries ends in ORDER BY.
  expectSameRows(sql::test::tpchQuery(GetParam()), true);
}

INSTANTIATE_TEST_SUITE_P(Tpch, DistributedTpchTest, testing::Values(1, 3, 5, 10, 18),
    [](const testing::TestParamInfo<int>& info) { return "q" + std::to_string(info.param); });

TEST_F(DistributedQueryTest, aFailingLeafFailsTheQueryWithItsError) {
  try {
    coordinator().execute("SELECT sum(l_quantity / (l_orderkey - l_orderkey)) FROM lineitem");
    FAIL() << "no error";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode(), errors::DIVISION_BY_ZERO) << error.what();
  }
}

TEST_F(DistributedQueryTest, deletingTheRootStopsTheQuery) {
  auto runner = coordinator();
  auto query = runner.start("SELECT l_orderkey, o_orderdate FROM lineitem JOIN orders ON l_orderkey = o_orderkey");
  runner.deleteTasks({query.queryId, {query.root}, query.root, {}, {}}, /*abort=*/true);
  // The producers see their consumers give up and end without the coordinator's help.
  for (const auto& task : query.tasks) {
    auto& worker = task.worker == (*workers_)[0]->uri() ? *(*workers_)[0] : *(*workers_)[1];
    std::optional<TaskStatus> status;
    for (int i = 0; i < 500; ++i) {
      status = worker.manager().taskStatus(task.taskId);
      if (status && isDone(status->state)) {
        break;
      }
      std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(status);
    EXPECT_TRUE(isDone(status->state)) << task.taskId << " is " << taskStateName(status->state);
  }
  runner.deleteTasks(query, /*abort=*/true);
}

} // namespace
} // namespace presto::server::worker::test
