#include <algorithm>

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
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PRESTO_SHARED_DIR) + "/tpcds/queries")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  size_t roundTripped = 0;
  for (const auto& file : files) {
    std::string sql = sql::test::readTextFile(file);
    while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';')) {
      sql.pop_back();
    }
    sql::PlanNodePtr plan;
    try {
      plan = environment.planner().plan(sql);
    } catch (const PrestoException&) {
      continue;
    }
    SCOPED_TRACE(file.filename().string());
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
