#pragma once

#include <string>
#include <vector>

#include "sql/optimizer/PlanFragmenter.h"

namespace presto::sql::test {

/// Problems of a distributed plan: leaves other than TableScan/Values/RemoteSource, RemoteSources
/// naming missing fragments or fragments whose layout differs from the RemoteSource's symbols,
/// single-step aggregations directly over a GATHER/REPARTITION although they could be split, and
/// fragments repartitioning rows already hashed on (a subset of) the same keys. UNION ALL
/// exchanges are exempt from the last two: they bring their inputs together in any case.
std::vector<std::string> fragmentProblems(const DistributedPlan& plan);

} // namespace presto::sql::test
