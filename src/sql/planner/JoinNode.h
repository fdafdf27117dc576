#pragma once

#include <optional>

#include "sql/planner/ExpressionText.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Joins two sources on equalities between their symbols plus an optional residual filter over
/// both. A cross join is an inner join without criteria or filter. Outputs are the left outputs
/// followed by the right outputs. The right source is the build side. The optimizer records how
/// the join is distributed (unset in the logical planner's output).
class JoinNode : public PlanNode {
 public:
  enum class Type { kInner, kLeft, kRight, kFull };
  /// kBroadcast: the build side is replicated to every task of the probe side; kPartitioned: both
  /// sides are hash-partitioned on the join keys.
  enum class Distribution { kBroadcast, kPartitioned };

  struct EquiClause {
    Symbol left;
    Symbol right;
  };

  JoinNode(PlanNodeId id, Type type, PlanNodePtr left, PlanNodePtr right, std::vector<EquiClause> criteria,
      RowExpressionPtr filter, std::optional<Distribution> distribution = std::nullopt)
      : PlanNode(id, {left, right}, concat(left->outputSymbols(), right->outputSymbols())),
        type_(type),
        criteria_(std::move(criteria)),
        filter_(std::move(filter)),
        distribution_(distribution) {}

  Type type() const { return type_; }
  const PlanNodePtr& left() const { return sources()[0]; }
  const PlanNodePtr& right() const { return sources()[1]; }
  const std::vector<EquiClause>& criteria() const { return criteria_; }
  /// Null when there is no residual filter.
  const RowExpressionPtr& filter() const { return filter_; }
  const std::optional<Distribution>& distribution() const { return distribution_; }
  bool isCrossJoin() const { return type_ == Type::kInner && criteria_.empty() && !filter_; }

  std::string name() const override {
    if (isCrossJoin()) {
      return "CrossJoin";
    }
    switch (type_) {
      case Type::kInner: return "InnerJoin";
      case Type::kLeft: return "LeftJoin";
      case Type::kRight: return "RightJoin";
      case Type::kFull: return "FullJoin";
    }
    return "Join";
  }

  std::string details() const override {
    std::string text;
    for (const auto& clause : criteria_) {
      text += (text.empty() ? "" : " AND ") + ("(" + clause.left->name() + " = " + clause.right->name() + ")");
    }
    if (filter_) {
      text += (text.empty() ? "" : ", ") + ("filter = " + expressionText(*filter_));
    }
    if (distribution_) {
      text += std::string(text.empty() ? "" : ", ") + "distribution = " +
          (*distribution_ == Distribution::kBroadcast ? "BROADCAST" : "PARTITIONED");
    }
    return text;
  }

 private:
  static std::vector<Symbol> concat(std::vector<Symbol> left, const std::vector<Symbol>& right) {
    left.insert(left.end(), right.begin(), right.end());
    return left;
  }

  const Type type_;
  const std::vector<EquiClause> criteria_;
  const RowExpressionPtr filter_;
  const std::optional<Distribution> distribution_;
};

} // namespace presto::sql
