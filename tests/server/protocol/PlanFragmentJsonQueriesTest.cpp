#include <gtest/gtest.h>

#include "PlanFragmentRoundTrip.h"
#include "sql/optimizer/AddExchanges.h"

namespace presto::server::test {
namespace {

using sql::test::OptimizerTestEnvironment;

class TpchPlanFragmentJsonTest : public testing::TestWithParam<int> {};

TEST_P(TpchPlanFragmentJsonTest, everyFragmentRoundTrips) {
  OptimizerTestEnvironment environment;
  auto plan = environment.fragment(sql::test::tpchQuery(GetParam()));
  roundTripFragments(plan, contextOf(environment));
}

INSTANTIATE_TEST_SUITE_P(AllQueries, TpchPlanFragmentJsonTest, testing::Range(1, 23),
    [](const testing::TestParamInfo<int>& info) { return "q" + std::to_string(info.param); });

/// Every TPC-DS query that plans today (see TpcdsPlanTest).
TEST(TpcdsPlanFragmentJsonTest, everyFragmentRoundTrips) {
  OptimizerTestEnvironment environment;
  environment.createTpcdsSchema();
  environment.session().setCatalog("memory");
  environment.session().setSchema("tpcds");
  auto queries = sql::test::tpcdsQueries();
  size_t roundTripped = 0;
  for (const auto& [name, sql] : queries) {
    sql::PlanNodePtr plan;
    try {
      plan = environment.planner().plan(sql);
    } catch (const PrestoException&) {
      continue;
    }
    SCOPED_TRACE(name);
    auto optimized = sql::optimizePlan(plan, environment.session(), environment.metadata(), environment.functions());
    auto distributed = sql::fragmentPlan(
        sql::addExchanges(optimized, environment.session(), environment.metadata(), environment.functions()));
    try {
      roundTripFragments(distributed, contextOf(environment));
      ++roundTripped;
    } catch (const PrestoException& error) {
      ADD_FAILURE() << error.what();
    }
  }
  std::cout << "[ tpcds    ] round-tripped " << roundTripped << " queries\n";
  EXPECT_GE(roundTripped, 84u);
}

} // namespace
} // namespace presto::server::test
