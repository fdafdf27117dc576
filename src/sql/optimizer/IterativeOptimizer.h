#pragma once

#include <vector>

#include "sql/optimizer/Rule.h"

namespace presto::sql {

/// Applies a set of rules to every node of a plan, sources first, until no rule changes anything.
/// After a rule rewrites a node, the new node's sources are brought to the fixed point again
/// before the rules are retried on it. Disabled rules are skipped.
class IterativeOptimizer : public OptimizerPass {
 public:
  IterativeOptimizer(std::string name, std::vector<RulePtr> rules) : name_(std::move(name)), rules_(std::move(rules)) {}

  std::string name() const override { return name_; }
  PlanNodePtr optimize(const PlanNodePtr& plan, OptimizerContext& context) const override;

 private:
  const std::string name_;
  const std::vector<RulePtr> rules_;
};

} // namespace presto::sql
