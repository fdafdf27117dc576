#include "sql/optimizer/JoinReordering.h"

#include <bit>
#include <limits>
#include <map>

#include "common/Check.h"
#include "sql/optimizer/CardinalityEstimator.h"
#include "sql/optimizer/JoinGraph.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/planner/FilterNode.h"

namespace presto::sql {
namespace {

/// Graphs up to this many relations are ordered by dynamic programming, larger ones greedily.
constexpr size_t kMaxDynamicProgrammingRelations = 10;
/// Share of rows a join's residual filter keeps.
constexpr double kJoinFilterSelectivity = 0.5;

enum class Strategy { kAutomatic, kEliminateCrossJoins, kNone };

Strategy strategyOf(const Session& session) {
  auto value = session.property(kJoinReorderingStrategy).value_or("AUTOMATIC");
  if (value == "AUTOMATIC") return Strategy::kAutomatic;
  if (value == "ELIMINATE_CROSS_JOINS") return Strategy::kEliminateCrossJoins;
  if (value == "NONE") return Strategy::kNone;
  PRESTO_USER_FAIL(errors::INVALID_SESSION_PROPERTY,
      "{} must be one of AUTOMATIC, ELIMINATE_CROSS_JOINS, NONE: {}", kJoinReorderingStrategy, value);
}

uint64_t bit(size_t index) {
  return uint64_t{1} << index;
}

/// A subset of the graph joined: its plan, estimated rows and cost (sum of the rows every join
/// reads and produces).
struct JoinedSet {
  PlanNodePtr plan;
  double rows = 0;
  double cost = 0;
};

class GraphOrderer {
 public:
  GraphOrderer(JoinGraph& graph, Strategy strategy, CardinalityEstimator& estimator, OptimizerContext& context)
      : graph_(graph), strategy_(strategy), estimator_(estimator), context_(context) {
    estimateMemberDistinctValues();
  }

  PlanNodePtr order() {
    auto count = graph_.relations().size();
    if (strategy_ == Strategy::kEliminateCrossJoins) {
      return inWrittenOrder();
    }
    return count <= kMaxDynamicProgrammingRelations ? dynamicProgramming() : greedy();
  }

 private:
  JoinedSet leaf(size_t index) {
    auto plan = graph_.relations()[index];
    std::vector<RowExpressionPtr> filters;
    // Equal symbols of one class within one relation.
    for (const auto& members : graph_.equivalenceClasses()) {
      const JoinGraph::Member* first = nullptr;
      for (const auto& member : members) {
        if (member.relation != index) {
          continue;
        }
        if (first) {
          filters.push_back(context_.expressions().equal(first->symbol, member.symbol));
        } else {
          first = &member;
        }
      }
    }
    for (const auto& conjunct : graph_.conjuncts()) {
      if (conjunct.relations == bit(index) || conjunct.relations == 0) {
        filters.push_back(conjunct.expression);
      }
    }
    if (!filters.empty()) {
      plan = std::make_shared<FilterNode>(context_.nextId(), plan, ExpressionFactory::andOf(filters));
    }
    return {plan, estimator_.rows(plan), 0};
  }

  /// Joins two disjoint sets: one key equality per class spanning both, the conjuncts that become
  /// readable, the smaller input on the right (unless the written order is kept).
  JoinedSet join(uint64_t leftMask, const JoinedSet& leftSet, uint64_t rightMask, const JoinedSet& rightSet) {
    bool swap = strategy_ == Strategy::kAutomatic && leftSet.rows < rightSet.rows;
    const auto& left = swap ? rightSet : leftSet;
    const auto& right = swap ? leftSet : rightSet;
    auto leftRelations = swap ? rightMask : leftMask;
    auto rightRelations = (leftMask | rightMask) & ~leftRelations;
    std::vector<JoinNode::EquiClause> criteria;
    for (const auto& members : graph_.equivalenceClasses()) {
      const JoinGraph::Member* leftMember = nullptr;
      const JoinGraph::Member* rightMember = nullptr;
      for (const auto& member : members) {
        bool inLeft = (bit(member.relation) & leftRelations) != 0;
        bool inRight = (bit(member.relation) & rightRelations) != 0;
        leftMember = inLeft && !leftMember ? &member : leftMember;
        rightMember = inRight && !rightMember ? &member : rightMember;
      }
      if (leftMember && rightMember) {
        criteria.push_back({leftMember->symbol, rightMember->symbol});
      }
    }
    auto keyDistinctValues = keyDistinctValuesOf(leftRelations, rightRelations);
    std::vector<RowExpressionPtr> filters;
    auto both = leftMask | rightMask;
    for (const auto& conjunct : graph_.conjuncts()) {
      auto relations = conjunct.relations;
      if ((relations & ~both) == 0 && (relations & ~leftMask) != 0 && (relations & ~rightMask) != 0) {
        filters.push_back(conjunct.expression);
      }
    }
    double rows = CardinalityEstimator::joinRows(left.rows, right.rows, keyDistinctValues) *
        (filters.empty() ? 1 : kJoinFilterSelectivity);
    auto plan = std::make_shared<JoinNode>(context_.nextId(), JoinNode::Type::kInner, left.plan, right.plan,
        std::move(criteria), filters.empty() ? nullptr : ExpressionFactory::andOf(filters));
    return {plan, std::max(1.0, rows), left.cost + right.cost + left.rows + right.rows + rows};
  }

  PlanNodePtr dynamicProgramming() {
    auto count = graph_.relations().size();
    uint64_t all = bit(count) - 1;
    for (bool requireConnected : {true, false}) {
      std::vector<std::optional<JoinedSet>> best(all + 1);
      for (size_t i = 0; i < count; ++i) {
        best[bit(i)] = leaf(i);
      }
      for (uint64_t mask = 1; mask <= all; ++mask) {
        if (std::popcount(mask) < 2) {
          continue;
        }
        uint64_t lowest = mask & (~mask + 1);
        for (uint64_t subset = (mask - 1) & mask; subset > 0; subset = (subset - 1) & mask) {
          uint64_t rest = mask ^ subset;
          if (!(subset & lowest) || !best[subset] || !best[rest]) {
            continue;
          }
          if (requireConnected && !graph_.connected(subset, rest)) {
            continue;
          }
          auto candidate = estimateJoin(subset, *best[subset], rest, *best[rest]);
          if (!best[mask] || candidate.cost < best[mask]->cost) {
            best[mask] = candidate;
            splits_[mask] = {subset, rest};
          }
        }
      }
      if (best[all]) {
        return build(all).plan;
      }
    }
    PRESTO_FAIL("Join graph could not be ordered");
  }

  /// Rows and cost of joining two sets without building the plan.
  JoinedSet estimateJoin(uint64_t leftMask, const JoinedSet& left, uint64_t rightMask, const JoinedSet& right) {
    bool filtered = false;
    for (const auto& conjunct : graph_.conjuncts()) {
      auto relations = conjunct.relations;
      filtered = filtered || ((relations & ~(leftMask | rightMask)) == 0 && (relations & ~leftMask) != 0 &&
          (relations & ~rightMask) != 0);
    }
    double rows = std::max(1.0, CardinalityEstimator::joinRows(left.rows, right.rows, keyDistinctValuesOf(leftMask, rightMask)) *
        (filtered ? kJoinFilterSelectivity : 1));
    return {nullptr, rows, left.cost + right.cost + left.rows + right.rows + rows};
  }

  /// Distinct values of the keys of a join of two disjoint sets, per class spanning both: on
  /// each side the fewest of its members' (the statistics, else the class bound), at most the
  /// class bound. The bound is the fewest unfiltered distinct values of any member of the class,
  /// as a key is assumed to reference the smallest column it is equal to: joining two large
  /// tables on a key of a small one (supplier and customer on a nation key) multiplies rows.
  std::vector<std::pair<double, double>> keyDistinctValuesOf(uint64_t leftMask, uint64_t rightMask) {
    std::vector<std::pair<double, double>> keys;
    const auto& classes = graph_.equivalenceClasses();
    for (size_t c = 0; c < classes.size(); ++c) {
      std::optional<double> left;
      std::optional<double> right;
      for (size_t m = 0; m < classes[c].size(); ++m) {
        auto relation = bit(classes[c][m].relation);
        if (relation & leftMask) {
          left = std::min(left.value_or(memberDistinctValues_[c][m]), memberDistinctValues_[c][m]);
        } else if (relation & rightMask) {
          right = std::min(right.value_or(memberDistinctValues_[c][m]), memberDistinctValues_[c][m]);
        }
      }
      if (left && right) {
        keys.emplace_back(*left, *right);
      }
    }
    return keys;
  }

  /// Fills memberDistinctValues_ (see keyDistinctValuesOf).
  void estimateMemberDistinctValues() {
    for (const auto& members : graph_.equivalenceClasses()) {
      double bound = std::numeric_limits<double>::max();
      for (const auto& member : members) {
        bound = std::min(bound,
            estimator_.unfilteredDistinctValues(graph_.relations()[member.relation], member.symbol->name()));
      }
      std::vector<double> distinct;
      for (const auto& member : members) {
        const auto& relation = graph_.relations()[member.relation];
        auto known = estimator_.distinctValues(relation, member.symbol->name()).value_or(bound);
        distinct.push_back(std::min({known, bound, estimator_.rows(relation)}));
      }
      memberDistinctValues_.push_back(std::move(distinct));
    }
  }

  JoinedSet build(uint64_t mask) {
    if (std::popcount(mask) == 1) {
      return leaf(static_cast<size_t>(std::countr_zero(mask)));
    }
    auto [left, right] = splits_.at(mask);
    return join(left, build(left), right, build(right));
  }

  /// Starts from the connected pair giving the fewest rows, then adds the connected relation
  /// giving the fewest rows (any relation when none is connected).
  PlanNodePtr greedy() {
    auto count = graph_.relations().size();
    std::vector<JoinedSet> leaves;
    for (size_t i = 0; i < count; ++i) {
      leaves.push_back(leaf(i));
    }
    uint64_t joined = bit(0);
    JoinedSet current = leaves[0];
    double fewest = std::numeric_limits<double>::max();
    for (size_t i = 0; i < count; ++i) {
      for (size_t j = i + 1; j < count; ++j) {
        if (!graph_.connected(bit(i), bit(j))) {
          continue;
        }
        auto rows = estimateJoin(bit(i), leaves[i], bit(j), leaves[j]).rows;
        if (rows < fewest) {
          fewest = rows;
          joined = bit(i) | bit(j);
          current = join(bit(i), leaves[i], bit(j), leaves[j]);
        }
      }
    }
    while (std::popcount(joined) < static_cast<int>(count)) {
      std::optional<size_t> next;
      double nextRows = std::numeric_limits<double>::max();
      for (bool requireConnected : {true, false}) {
        for (size_t i = 0; i < count; ++i) {
          if ((joined & bit(i)) || (requireConnected && !graph_.connected(joined, bit(i)))) {
            continue;
          }
          auto rows = estimateJoin(joined, current, bit(i), leaves[i]).rows;
          if (rows < nextRows) {
            nextRows = rows;
            next = i;
          }
        }
        if (next) {
          break;
        }
      }
      current = join(joined, current, bit(*next), leaves[*next]);
      joined |= bit(*next);
    }
    return current.plan;
  }

  /// The written order, except that a relation waits until something it is connected to has
  /// been joined (while any such relation remains).
  PlanNodePtr inWrittenOrder() {
    auto count = graph_.relations().size();
    uint64_t joined = bit(0);
    JoinedSet current = leaf(0);
    while (std::popcount(joined) < static_cast<int>(count)) {
      std::optional<size_t> next;
      for (size_t i = 0; i < count && !next; ++i) {
        if (!(joined & bit(i)) && graph_.connected(joined, bit(i))) {
          next = i;
        }
      }
      for (size_t i = 0; i < count && !next; ++i) {
        if (!(joined & bit(i))) {
          next = i;
        }
      }
      current = join(joined, current, bit(*next), leaf(*next));
      joined |= bit(*next);
    }
    return current.plan;
  }

  JoinGraph& graph_;
  const Strategy strategy_;
  CardinalityEstimator& estimator_;
  OptimizerContext& context_;
  std::map<uint64_t, std::pair<uint64_t, uint64_t>> splits_;
  /// Per equivalence class and member: the distinct values assumed for the member's symbol.
  std::vector<std::vector<double>> memberDistinctValues_;
};

class JoinReordering : public OptimizerPass {
 public:
  std::string name() const override { return "reorder_joins"; }
  PlanNodePtr optimize(const PlanNodePtr& plan, OptimizerContext& context) const override {
    auto strategy = strategyOf(context.session());
    if (strategy == Strategy::kNone) {
      return plan;
    }
    CardinalityEstimator estimator(context);
    return reorder(plan, strategy, estimator, context);
  }

 private:
  static PlanNodePtr reorder(
      const PlanNodePtr& node, Strategy strategy, CardinalityEstimator& estimator, OptimizerContext& context) {
    auto join = node->as<JoinNode>();
    if (!join || join->type() != JoinNode::Type::kInner) {
      return rewriteSources(node, [&](const PlanNodePtr& source) { return reorder(source, strategy, estimator, context); });
    }
    JoinGraph graph(*join);
    for (size_t i = 0; i < graph.relations().size(); ++i) {
      graph.setRelation(i, reorder(graph.relations()[i], strategy, estimator, context));
    }
    return GraphOrderer(graph, strategy, estimator, context).order();
  }
};

} // namespace

OptimizerPassPtr makeJoinReorderingPass() {
  return std::make_unique<JoinReordering>();
}

} // namespace presto::sql
