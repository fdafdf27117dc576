#pragma once

#include "PlannerTestEnvironment.h"
#include "sql/optimizer/PlanOptimizer.h"

namespace presto::sql::test {

/// PlannerTestEnvironment plus the optimizer: optimized plans and their EXPLAIN text.
class OptimizerTestEnvironment : public PlannerTestEnvironment {
 public:
  /// The optimized plan of `sql`.
  PlanNodePtr optimize(const std::string& sql);
  /// EXPLAIN text of the optimized plan of `sql`.
  std::string explainOptimized(const std::string& sql);
};

/// Names of the plan's nodes as EXPLAIN prints them, in pre-order.
std::vector<std::string> nodeNames(const PlanNode& plan);

} // namespace presto::sql::test
