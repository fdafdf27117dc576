#pragma once

#include "sql/optimizer/Rule.h"

namespace presto::sql {

/// The session property choosing how joins are distributed: AUTOMATIC (default; broadcast when
/// the build side is estimated below kBroadcastRowLimit rows), BROADCAST or PARTITIONED.
inline constexpr const char* kJoinDistributionType = "join_distribution_type";

/// `determine_join_distribution`: records on every JoinNode whether its build (right) side is
/// broadcast or both sides are hash-partitioned. Joins without keys are always broadcast; RIGHT
/// and FULL joins are always partitioned (a broadcast build side would emit its unmatched rows
/// once per task). Also chooses which side of each EXISTS-style SemiJoin is hashed.
OptimizerPassPtr makeJoinDistributionPass();

} // namespace presto::sql
