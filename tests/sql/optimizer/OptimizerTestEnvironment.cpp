#include "OptimizerTestEnvironment.h"

#include "sql/optimizer/AddExchanges.h"
#include "sql/optimizer/DistributedPlanPrinter.h"
#include "sql/planner/ValuesNode.h"
#include "testing/TextFile.h"

namespace presto::sql::test {

PlanNodePtr OptimizerTestEnvironment::optimize(const std::string& sql) {
  return optimizePlan(planner().plan(sql), session(), metadata(), functions());
}

std::string OptimizerTestEnvironment::explainOptimized(const std::string& sql) {
  auto planner = this->planner();
  planner.setOptimizer([this](const PlanNodePtr& plan) { return optimizePlan(plan, session(), metadata(), functions()); });
  return planner.explain(sql);
}

DistributedPlan OptimizerTestEnvironment::fragment(const std::string& sql) {
  return fragmentPlan(addExchanges(optimize(sql), session(), metadata(), functions()));
}

std::string OptimizerTestEnvironment::explainStatement(const std::string& sql) {
  auto planner = this->planner();
  planner.setOptimizer([this](const PlanNodePtr& plan) { return optimizePlan(plan, session(), metadata(), functions()); });
  planner.setDistributedExplainer([this](const PlanNodePtr& plan, ExplainFormat format) {
    return explainDistributed(plan, format, session(), metadata(), functions());
  });
  auto plan = planner.plan(sql);
  const auto& values = plan->source()->as<ValuesNode>()->rows();
  return values.at(0).at(0)->as<ConstantExpression>()->value().as<std::string>();
}

namespace {

void collectNames(const PlanNode& node, std::vector<std::string>& names) {
  names.push_back(node.name());
  for (const auto& source : node.sources()) {
    collectNames(*source, names);
  }
}

} // namespace

std::string tpchQuery(int query) {
  char file[32];
  std::snprintf(file, sizeof(file), "q%02d.sql", query);
  auto sql = presto::test::readTextFile(std::string(PRESTO_SHARED_DIR) + "/tpch/queries/" + file);
  while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';')) {
    sql.pop_back();
  }
  return sql;
}

std::vector<std::string> nodeNames(const PlanNode& plan) {
  std::vector<std::string> names;
  collectNames(plan, names);
  return names;
}

} // namespace presto::sql::test
