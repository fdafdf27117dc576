#include "PlanFragmentRoundTrip.h"

#include <gtest/gtest.h>

#include "sql/optimizer/DistributedPlanPrinter.h"

namespace presto::server::test {

sql::PlanFragment expectRoundTrip(const sql::PlanFragment& fragment, const PlanJsonContext& context) {
  auto json = planFragmentToJson(fragment);
  auto decoded = planFragmentFromJson(json, context);
  EXPECT_EQ(planFragmentToJson(decoded), json);
  EXPECT_EQ(sql::printPlan(*decoded.root), sql::printPlan(*fragment.root));
  return decoded;
}

sql::DistributedPlan roundTripFragments(const sql::DistributedPlan& plan, const PlanJsonContext& context) {
  sql::DistributedPlan decoded = plan;
  for (auto& fragment : decoded.fragments) {
    fragment = expectRoundTrip(fragment, context);
  }
  // Fragment headers (partitioning, output layout and partitioning) print the same too.
  EXPECT_EQ(sql::printDistributedPlan(decoded), sql::printDistributedPlan(plan));
  return decoded;
}

} // namespace presto::server::test
