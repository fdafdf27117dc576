#include <gtest/gtest.h>

#include "FragmentChecker.h"
#include "OptimizerTestEnvironment.h"
#include "sql/optimizer/AddExchanges.h"

namespace presto::sql::test {
namespace {

/// Every TPC-DS query that plans also optimizes and fragments consistently; failures other than
/// planning ones are errors.
TEST(TpcdsOptimizerTest, everyPlannedQueryOptimizes) {
  OptimizerTestEnvironment environment;
  environment.createTpcdsSchema();
  environment.session().setCatalog("memory");
  environment.session().setSchema("tpcds");
  auto queries = tpcdsQueries();
  size_t optimized = 0;
  for (const auto& [name, sql] : queries) {
    PlanNodePtr plan;
    try {
      plan = environment.planner().plan(sql);
    } catch (const PrestoException&) {
      continue;  // Not planned today (see TpcdsPlanTest).
    }
    try {
      auto result = optimizePlan(plan, environment.session(), environment.metadata(), environment.functions());
      EXPECT_EQ(result->outputSymbols().size(), plan->outputSymbols().size()) << name;
      auto distributed = fragmentPlan(
          addExchanges(result, environment.session(), environment.metadata(), environment.functions()));
      auto problems = fragmentProblems(distributed);
      EXPECT_TRUE(problems.empty()) << name << ": " << testing::PrintToString(problems);
      ++optimized;
    } catch (const PrestoException& error) {
      ADD_FAILURE() << name << ": " << error.what();
    }
  }
  std::cout << "[ tpcds    ] optimized " << optimized << " queries\n";
  EXPECT_GE(optimized, 84u);
}

} // namespace
} // namespace presto::sql::test
