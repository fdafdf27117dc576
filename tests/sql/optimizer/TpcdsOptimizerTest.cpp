#include <algorithm>

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
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PRESTO_SHARED_DIR) + "/tpcds/queries")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  size_t optimized = 0;
  for (const auto& file : files) {
    std::string sql = readTextFile(file);
    while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';')) {
      sql.pop_back();
    }
    PlanNodePtr plan;
    try {
      plan = environment.planner().plan(sql);
    } catch (const PrestoException&) {
      continue;  // Not planned today (see TpcdsPlanTest).
    }
    try {
      auto result = optimizePlan(plan, environment.session(), environment.metadata(), environment.functions());
      EXPECT_EQ(result->outputSymbols().size(), plan->outputSymbols().size()) << file.filename();
      auto distributed = fragmentPlan(
          addExchanges(result, environment.session(), environment.metadata(), environment.functions()));
      auto problems = fragmentProblems(distributed);
      EXPECT_TRUE(problems.empty()) << file.filename() << ": " << testing::PrintToString(problems);
      ++optimized;
    } catch (const PrestoException& error) {
      ADD_FAILURE() << file.filename() << ": " << error.what();
    }
  }
  std::cout << "[ tpcds    ] optimized " << optimized << " queries\n";
  EXPECT_GE(optimized, 84u);
}

} // namespace
} // namespace presto::sql::test
