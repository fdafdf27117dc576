#pragma once

#include "PlannerTestEnvironment.h"
#include "sql/optimizer/PlanFragmenter.h"
#include "sql/optimizer/PlanOptimizer.h"

namespace presto::sql::test {

/// PlannerTestEnvironment plus the optimizer: optimized plans and their EXPLAIN text.
class OptimizerTestEnvironment : public PlannerTestEnvironment {
 public:
  /// The optimized plan of `sql`.
  PlanNodePtr optimize(const std::string& sql);
  /// EXPLAIN text of the optimized plan of `sql`.
  std::string explainOptimized(const std::string& sql);
  /// The optimized plan of `sql` with exchanges, cut into fragments.
  DistributedPlan fragment(const std::string& sql);
  /// `sql` run through a planner with the optimizer and the distributed explainer set: an
  /// `EXPLAIN (TYPE DISTRIBUTED) ...` statement's text.
  std::string explainStatement(const std::string& sql);
};

/// The text of TPC-H query `query` (1..22) of the shared directory, without its final semicolon.
std::string tpchQuery(int query);

/// Names of the plan's nodes as EXPLAIN prints them, in pre-order.
std::vector<std::string> nodeNames(const PlanNode& plan);

} // namespace presto::sql::test
