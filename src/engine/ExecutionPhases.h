#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "sql/optimizer/PlanFragmenter.h"

namespace presto::engine {

/// How the `phased` execution policy orders the stages of a plan: everything feeding the build
/// side of a join (a join's right source, a semi join's filtering source) comes in an earlier
/// phase than everything feeding its probe side, the join's own fragment included, and no
/// fragment comes before the fragments it reads. A scan of
/// phase p gets splits once every build-side fragment of an earlier phase has finished, so that a
/// query holds the memory of few stages at a time.
struct ExecutionPhases {
  /// By fragment id; phases start at 0.
  std::vector<int32_t> phase;
  /// By fragment id: it feeds a build side, so later phases wait for it.
  std::vector<bool> feedsBuildSide;

  /// The highest phase whose scans may run while `done(fragment id)` says which fragments ended.
  int32_t releasedPhase(const std::function<bool(int32_t)>& done) const;
};

ExecutionPhases executionPhases(const sql::DistributedPlan& plan);
/// Every fragment in phase 0 (the `all-at-once` policy).
ExecutionPhases allAtOnce(const sql::DistributedPlan& plan);

} // namespace presto::engine
