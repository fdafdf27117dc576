#include <gtest/gtest.h>

#include "PlanFragmentRoundTrip.h"
#include "engine/PlanTranslator.h"

namespace presto::server::test {
namespace {

/// What a worker does with a received fragment: the decoded TPC-H fragments translate into the
/// same physical plans as the originals.
class TpchPlanFragmentJsonTranslateTest : public testing::TestWithParam<int> {};

TEST_P(TpchPlanFragmentJsonTranslateTest, decodedFragmentsTranslateAsTheOriginals) {
  sql::test::OptimizerTestEnvironment environment;
  auto plan = environment.fragment(sql::test::tpchQuery(GetParam()));
  auto decoded = roundTripFragments(plan, contextOf(environment));
  auto expected = engine::PlanTranslator(environment.metadata(), environment.functions()).translate(plan);
  auto actual = engine::PlanTranslator(environment.metadata(), environment.functions()).translate(decoded);
  ASSERT_EQ(actual.fragments.size(), expected.fragments.size());
  for (size_t i = 0; i < actual.fragments.size(); ++i) {
    EXPECT_EQ(actual.fragments[i].root->toString(), expected.fragments[i].root->toString()) << "fragment " << i;
    EXPECT_EQ(actual.fragments[i].scans.size(), expected.fragments[i].scans.size()) << "fragment " << i;
  }
  EXPECT_EQ(actual.columnNames, expected.columnNames);
}

INSTANTIATE_TEST_SUITE_P(AllQueries, TpchPlanFragmentJsonTranslateTest, testing::Range(1, 23),
    [](const testing::TestParamInfo<int>& info) { return "q" + std::to_string(info.param); });

} // namespace
} // namespace presto::server::test
