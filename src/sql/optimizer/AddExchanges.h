#pragma once

#include "sql/metadata/MetadataManager.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// The session property giving the number of tasks of hash-partitioned fragments.
inline constexpr const char* kHashPartitionCount = "hash_partition_count";
inline constexpr int32_t kDefaultHashPartitionCount = 4;
/// The session's `hash_partition_count`, or the default; fails on a value that is not a positive
/// integer.
int32_t hashPartitionCountOf(const Session& session);

/// Makes an optimized plan (optimizePlan's result) distributed: inserts remote ExchangeNodes
/// where a node needs its input spread over tasks differently from how it arrives, and nowhere
/// else. Table scans run where their splits are (arbitrary distribution); VALUES and scans of
/// metadata tables (information_schema, system) run in a single task.
///  - Aggregation: split into partial, REPARTITION on the keys (GATHER without keys), final (see
///    AggregationNode for the contract); unsplittable ones run in one step after the exchange.
///  - Join: PARTITIONED repartitions both sides on the join keys; BROADCAST replicates the
///    build (right) side. Semi joins broadcast the filtering side unless join_distribution_type
///    is PARTITIONED (null-aware IN is always broadcast: NULL keys must reach every task).
///  - Window and MarkDistinct: REPARTITION on the partition keys (GATHER without keys).
///  - Output, Sort, Offset, EnforceSingleRow and TableCommit run in a single task: GATHER below;
///    TopN and Limit add a partial copy below the GATHER.
///  - UNION ALL becomes an exchange with one source per input (REPARTITION when the consumer
///    wants hashed rows, GATHER otherwise).
///  - TableWriter writes in parallel where its input is; TableCommit gathers the writers' rows.
/// REPARTITION exchanges record the session's `hash_partition_count` (default 4).
PlanNodePtr addExchanges(const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata,
    const FunctionRegistry& functions);

} // namespace presto::sql
