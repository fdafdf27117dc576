#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "ResultText.h"
#include "common/PrestoException.h"
#include "engine/ExecutionPhases.h"
#include "engine/LocalQueryRunner.h"
#include "sql/planner/TableScanNode.h"

namespace presto::engine::test {
namespace {

/// The fragment scanning `table` (by its name's last part).
int32_t fragmentScanning(const sql::DistributedPlan& plan, const std::string& table) {
  std::function<bool(const sql::PlanNode&)> scans = [&](const sql::PlanNode& node) {
    if (const auto* scan = node.as<sql::TableScanNode>(); scan != nullptr && scan->table()->name.object == table) {
      return true;
    }
    return std::any_of(node.sources().begin(), node.sources().end(), [&](const auto& source) { return scans(*source); });
  };
  for (const auto& fragment : plan.fragments) {
    if (scans(*fragment.root)) {
      return fragment.id;
    }
  }
  ADD_FAILURE() << "no fragment scans " << table;
  return -1;
}

class ExecutionPhasesTest : public ::testing::Test {
 protected:
  LocalQueryRunner runner_;
};

TEST_F(ExecutionPhasesTest, buildSidesComeBeforeProbeSides) {
  auto session = runner_.session();
  session.setProperty("join_distribution_type", "PARTITIONED");
  auto plan = runner_.planDistributed(session,
      "SELECT count(*) FROM orders o JOIN customer c ON o.o_custkey = c.c_custkey "
      "JOIN nation n ON c.c_nationkey = n.n_nationkey");
  auto phases = executionPhases(plan).phase;
  auto orders = static_cast<size_t>(fragmentScanning(plan, "orders"));
  auto customer = static_cast<size_t>(fragmentScanning(plan, "customer"));
  ASSERT_NE(orders, customer);
  // customer is on a build side (of one join or the other); orders only ever probes.
  EXPECT_LT(phases[customer], phases[orders]);
  EXPECT_TRUE(executionPhases(plan).feedsBuildSide[customer]);
  EXPECT_FALSE(executionPhases(plan).feedsBuildSide[orders]);
  EXPECT_LE(phases[static_cast<size_t>(plan.rootFragment)], *std::max_element(phases.begin(), phases.end()));
}

TEST_F(ExecutionPhasesTest, aPlanWithoutJoinsIsOnePhase) {
  auto plan = runner_.planDistributed(runner_.session(), "SELECT o_orderstatus, count(*) FROM orders GROUP BY 1");
  auto phases = executionPhases(plan).phase;
  EXPECT_TRUE(std::all_of(phases.begin(), phases.end(), [](int32_t phase) { return phase == 0; }));
}

TEST_F(ExecutionPhasesTest, phasedQueriesGiveTheSameRows) {
  const std::string sql =
      "SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue FROM customer, orders, lineitem, supplier, "
      "nation, region WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey "
      "AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey "
      "AND r_name = 'ASIA' GROUP BY n_name ORDER BY revenue DESC";
  auto allAtOnce = resultRows(runner_.execute(sql));
  runner_.execute("SET SESSION execution_policy = 'phased'");
  runner_.execute("SET SESSION join_distribution_type = 'PARTITIONED'");
  EXPECT_EQ(resultRows(runner_.execute(sql)), allAtOnce);
  EXPECT_FALSE(allAtOnce.empty());
}

TEST_F(ExecutionPhasesTest, consumersComeNoEarlierThanTheirProducers) {
  // The scalar subquery is a build side whose aggregation reads a join of its own: that join's
  // probe side must not be held back by the aggregation above it (TPC-H q11 hung so).
  const std::string sql =
      "SELECT count(*) FROM (SELECT ps_partkey FROM partsupp, supplier WHERE ps_suppkey = s_suppkey "
      "GROUP BY ps_partkey HAVING sum(ps_supplycost) > (SELECT sum(ps_supplycost) * 0.0001 FROM partsupp, supplier "
      "WHERE ps_suppkey = s_suppkey))";
  auto session = runner_.session();
  session.setProperty("join_distribution_type", "PARTITIONED");
  auto plan = runner_.planDistributed(session, sql);
  auto phases = executionPhases(plan).phase;
  for (const auto& fragment : plan.fragments) {
    for (auto source : fragment.sourceFragments) {
      EXPECT_GE(phases[static_cast<size_t>(fragment.id)], phases[static_cast<size_t>(source)]) << fragment.id;
    }
  }
  auto allAtOnce = resultRows(runner_.execute(sql));
  runner_.execute("SET SESSION execution_policy = 'phased'");
  runner_.execute("SET SESSION join_distribution_type = 'PARTITIONED'");
  EXPECT_EQ(resultRows(runner_.execute(sql)), allAtOnce);
}

TEST_F(ExecutionPhasesTest, onlyKnownPoliciesAreAccepted) {
  try {
    runner_.execute("SET SESSION execution_policy = 'eventually'");
    FAIL() << "expected INVALID_SESSION_PROPERTY";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, "INVALID_SESSION_PROPERTY");
  }
}

} // namespace
} // namespace presto::engine::test
