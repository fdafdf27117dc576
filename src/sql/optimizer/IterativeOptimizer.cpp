#include "sql/optimizer/IterativeOptimizer.h"

#include <unordered_set>

#include "common/Check.h"
#include "sql/optimizer/ReplaceSources.h"

namespace presto::sql {
namespace {

/// Rewrites of one node before the optimizer gives up: a guard against rules undoing each other.
constexpr int32_t kMaxRewritesPerNode = 1000;

class FixedPointVisitor {
 public:
  FixedPointVisitor(const std::vector<const Rule*>& rules, OptimizerContext& context)
      : rules_(rules), context_(context) {}

  PlanNodePtr visit(const PlanNodePtr& node) {
    if (done_.count(node.get()) > 0) {
      return node;
    }
    PlanNodePtr current = node;
    for (int32_t rewrites = 0;; ++rewrites) {
      PRESTO_CHECK(rewrites < kMaxRewritesPerNode, "Optimizer rules do not converge on {}", current->name());
      current = rewriteSources(current, [&](const PlanNodePtr& source) { return visit(source); });
      auto rewritten = applyFirstRule(current);
      if (!rewritten) {
        break;
      }
      current = rewritten;
    }
    // Keep the node alive so that its address is not reused by a different node.
    kept_.push_back(current);
    done_.insert(current.get());
    return current;
  }

 private:
  PlanNodePtr applyFirstRule(const PlanNodePtr& node) {
    for (const auto* rule : rules_) {
      if (!rule->matches(*node)) {
        continue;
      }
      if (auto rewritten = rule->apply(node, context_)) {
        return rewritten;
      }
    }
    return nullptr;
  }

  const std::vector<const Rule*>& rules_;
  OptimizerContext& context_;
  std::unordered_set<const PlanNode*> done_;
  std::vector<PlanNodePtr> kept_;
};

} // namespace

PlanNodePtr IterativeOptimizer::optimize(const PlanNodePtr& plan, OptimizerContext& context) const {
  std::vector<const Rule*> enabled;
  for (const auto& rule : rules_) {
    if (context.isEnabled(rule->name())) {
      enabled.push_back(rule.get());
    }
  }
  if (enabled.empty()) {
    return plan;
  }
  FixedPointVisitor visitor(enabled, context);
  return visitor.visit(plan);
}

} // namespace presto::sql
