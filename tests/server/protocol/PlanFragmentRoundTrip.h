#pragma once

#include "OptimizerTestEnvironment.h"
#include "server/protocol/PlanFragmentJson.h"

namespace presto::server::test {

/// Encodes `fragment`, decodes it and encodes it again, checking (gtest expectations) that both
/// encodings are identical and that the decoded fragment prints as the original. Returns the
/// decoded fragment.
sql::PlanFragment expectRoundTrip(const sql::PlanFragment& fragment, const PlanJsonContext& context);

/// Every fragment of `plan` through expectRoundTrip, as a plan again.
sql::DistributedPlan roundTripFragments(const sql::DistributedPlan& plan, const PlanJsonContext& context);

/// The decoding context of a test environment's catalogs and functions.
inline PlanJsonContext contextOf(const sql::test::PlannerTestEnvironment& environment) {
  return {environment.metadata(), environment.functions()};
}

} // namespace presto::server::test
