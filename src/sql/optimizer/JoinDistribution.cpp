#include "sql/optimizer/JoinDistribution.h"

#include "common/Check.h"
#include "sql/optimizer/CardinalityEstimator.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/planner/JoinNode.h"

namespace presto::sql {
namespace {

/// Build sides estimated at up to this many rows are broadcast under AUTOMATIC.
constexpr double kBroadcastRowLimit = 1'000'000;

enum class Choice { kAutomatic, kBroadcast, kPartitioned };

Choice choiceOf(const Session& session) {
  auto value = session.property(kJoinDistributionType).value_or("AUTOMATIC");
  if (value == "AUTOMATIC") return Choice::kAutomatic;
  if (value == "BROADCAST") return Choice::kBroadcast;
  if (value == "PARTITIONED") return Choice::kPartitioned;
  PRESTO_USER_FAIL(errors::INVALID_SESSION_PROPERTY, "{} must be one of AUTOMATIC, BROADCAST, PARTITIONED: {}",
      kJoinDistributionType, value);
}

class JoinDistribution : public OptimizerPass {
 public:
  std::string name() const override { return "determine_join_distribution"; }
  PlanNodePtr optimize(const PlanNodePtr& plan, OptimizerContext& context) const override {
    CardinalityEstimator estimator(context);
    return assign(plan, choiceOf(context.session()), estimator);
  }

 private:
  static PlanNodePtr assign(const PlanNodePtr& node, Choice choice, CardinalityEstimator& estimator) {
    auto rewritten = rewriteSources(node, [&](const PlanNodePtr& source) { return assign(source, choice, estimator); });
    auto join = rewritten->as<JoinNode>();
    if (!join) {
      return rewritten;
    }
    auto distribution = JoinNode::Distribution::kPartitioned;
    bool canBroadcast = join->type() == JoinNode::Type::kInner || join->type() == JoinNode::Type::kLeft;
    if (join->criteria().empty()) {
      distribution = JoinNode::Distribution::kBroadcast;
    } else if (canBroadcast && choice == Choice::kBroadcast) {
      distribution = JoinNode::Distribution::kBroadcast;
    } else if (canBroadcast && choice == Choice::kAutomatic && estimator.rows(join->right()) <= kBroadcastRowLimit) {
      distribution = JoinNode::Distribution::kBroadcast;
    }
    return std::make_shared<JoinNode>(
        join->id(), join->type(), join->left(), join->right(), join->criteria(), join->filter(), distribution);
  }
};

} // namespace

OptimizerPassPtr makeJoinDistributionPass() {
  return std::make_unique<JoinDistribution>();
}

} // namespace presto::sql
