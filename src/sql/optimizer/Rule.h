#pragma once

#include <string>

#include "sql/optimizer/OptimizerContext.h"

namespace presto::sql {

/// A local rewrite of the plan: a pattern on a node (and possibly its sources) and a rewrite of
/// the matched subtree. A rewrite keeps the node's output symbols (it may output more).
/// The IterativeOptimizer applies rules until none matches. Rules are stateless.
class Rule {
 public:
  virtual ~Rule() = default;

  /// The rule's name, as `disabled_optimizer_rules` lists it (snake_case).
  virtual std::string name() const = 0;
  /// A cheap check of the node's kind and shape.
  virtual bool matches(const PlanNode& node) const = 0;
  /// The rewritten subtree, or null when the rule does not apply after all.
  /// REQUIRES: matches(*node).
  virtual PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const = 0;
};

using RulePtr = std::unique_ptr<const Rule>;

/// One step of the optimizer: a whole-plan rewrite (predicate pushdown, join ordering, pruning)
/// or a set of rules run to a fixed point. Named like rules, and switchable the same way.
class OptimizerPass {
 public:
  virtual ~OptimizerPass() = default;

  virtual std::string name() const = 0;
  virtual PlanNodePtr optimize(const PlanNodePtr& plan, OptimizerContext& context) const = 0;
};

using OptimizerPassPtr = std::unique_ptr<const OptimizerPass>;

} // namespace presto::sql
