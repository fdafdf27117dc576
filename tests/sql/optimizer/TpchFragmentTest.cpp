#include <gtest/gtest.h>

#include "FragmentChecker.h"
#include "OptimizerTestEnvironment.h"
#include "sql/optimizer/DistributedPlanPrinter.h"

namespace presto::sql::test {
namespace {

class TpchFragmentTest : public testing::TestWithParam<int> {};

TEST_P(TpchFragmentTest, fragmentsAreConsistent) {
  OptimizerTestEnvironment environment;
  auto plan = environment.fragment(tpchQuery(GetParam()));
  auto problems = fragmentProblems(plan);
  EXPECT_TRUE(problems.empty()) << testing::PrintToString(problems) << "\n" << printDistributedPlan(plan);
  EXPECT_EQ(plan.fragments[0].partitioning, PlanFragment::Partitioning::kSingle);
  EXPECT_GT(plan.fragments.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(AllQueries, TpchFragmentTest, testing::Range(1, 23),
    [](const testing::TestParamInfo<int>& info) { return "q" + std::to_string(info.param); });

} // namespace
} // namespace presto::sql::test
