#include "sql/optimizer/JoinDistribution.h"

#include "common/Check.h"
#include "sql/optimizer/CardinalityEstimator.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/optimizer/AddExchanges.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"

namespace presto::sql {
namespace {

/// Build sides estimated at up to this many rows are broadcast under AUTOMATIC.
constexpr double kBroadcastRowLimit = 1'000'000;
/// A semi join hashes its source when the filtering side is estimated at this many times its rows.
constexpr double kHashSourceRatio = 2;

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
    return assign(plan, choiceOf(context.session()), estimator, hashPartitionCountOf(context.session()));
  }

 private:
  static PlanNodePtr assign(
      const PlanNodePtr& node, Choice choice, CardinalityEstimator& estimator, int32_t hashPartitions) {
    auto rewritten = rewriteSources(
        node, [&](const PlanNodePtr& source) { return assign(source, choice, estimator, hashPartitions); });
    if (auto semiJoin = rewritten->as<SemiJoinNode>()) {
      return chooseHashedSide(rewritten, *semiJoin, estimator);
    }
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
      // Every task of the probe side builds its own copy of a broadcast side: when the probe side
      // is spread over the hash-partitioned tasks, those copies can cost more than moving both
      // sides once (q09's partsupp, built once per partition of the orders join).
      double build = estimator.rows(join->right());
      double copies = isHashDistributed(*join->left()) ? hashPartitions : 1;
      bool cheap = build * copies <= kBroadcastRowLimit / 10 || build * copies <= estimator.rows(join->left()) + build;
      distribution = cheap ? JoinNode::Distribution::kBroadcast : JoinNode::Distribution::kPartitioned;
    }
    return std::make_shared<JoinNode>(
        join->id(), join->type(), join->left(), join->right(), join->criteria(), join->filter(), distribution);
  }

  /// Whether `node`'s rows come out of a hash-partitioned join or grouped aggregation (then they
  /// are spread over the hash-partitioned tasks), following the probe sides down.
  static bool isHashDistributed(const PlanNode& node) {
    if (auto join = node.as<JoinNode>()) {
      return join->distribution() == JoinNode::Distribution::kPartitioned || isHashDistributed(*join->left());
    }
    if (auto aggregation = node.as<AggregationNode>()) {
      return !aggregation->groupingKeys().empty();
    }
    if (node.as<FilterNode>() || node.as<ProjectNode>() || node.as<SemiJoinNode>()) {
      return isHashDistributed(*node.sources()[0]);
    }
    return false;
  }

  /// An EXISTS-style semi join hashes its source when that is estimated well below the filtering
  /// side (q04's orders of a quarter against the lineitems of every order).
  static PlanNodePtr chooseHashedSide(
      const PlanNodePtr& node, const SemiJoinNode& semiJoin, CardinalityEstimator& estimator) {
    if (semiJoin.nullAware() || semiJoin.sourceKeys().empty() || semiJoin.hashesSource()) {
      return node;
    }
    if (estimator.rows(semiJoin.source()) * kHashSourceRatio > estimator.rows(semiJoin.filteringSource())) {
      return node;
    }
    return std::make_shared<SemiJoinNode>(semiJoin.id(), semiJoin.source(), semiJoin.filteringSource(),
        semiJoin.sourceKeys(), semiJoin.filteringKeys(), semiJoin.filter(), false, semiJoin.semiJoinOutput(), true);
  }
};

} // namespace

OptimizerPassPtr makeJoinDistributionPass() {
  return std::make_unique<JoinDistribution>();
}

} // namespace presto::sql
