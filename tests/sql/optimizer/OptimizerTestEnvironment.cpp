#include "OptimizerTestEnvironment.h"

namespace presto::sql::test {

PlanNodePtr OptimizerTestEnvironment::optimize(const std::string& sql) {
  return optimizePlan(planner().plan(sql), session(), metadata(), functions());
}

std::string OptimizerTestEnvironment::explainOptimized(const std::string& sql) {
  auto planner = this->planner();
  planner.setOptimizer([this](const PlanNodePtr& plan) { return optimizePlan(plan, session(), metadata(), functions()); });
  return planner.explain(sql);
}

namespace {

void collectNames(const PlanNode& node, std::vector<std::string>& names) {
  names.push_back(node.name());
  for (const auto& source : node.sources()) {
    collectNames(*source, names);
  }
}

} // namespace

std::vector<std::string> nodeNames(const PlanNode& plan) {
  std::vector<std::string> names;
  collectNames(plan, names);
  return names;
}

} // namespace presto::sql::test
