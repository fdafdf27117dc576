#pragma once

#include "exec/plan/PlanNode.h"
#include "expression/RowExpression.h"

namespace presto::exec {

/// Join types. The probe (streamed) side is the left source, the build (hashed) side the right.
enum class JoinType {
  kInner,
  kLeft,
  kRight,
  kFull,
  /// Left rows that have a match (EXISTS / IN as a filter).
  kLeftSemiFilter,
  /// Left rows plus a boolean "has a match" column (IN in a projection; NULL per SQL rules when
  /// null-aware and no match can be proven).
  kLeftSemiProject,
  /// Left rows without a match (NOT EXISTS; NOT IN when null-aware).
  kAnti,
  /// Every right row plus a boolean "has a match" column (EXISTS semantics, never NULL), emitted
  /// once the left side is exhausted: a semi join that hashes the side being filtered, for when
  /// that side is the smaller one.
  kRightSemiProject,
};

std::string_view joinTypeName(JoinType type);
bool isLeftOnlyOutput(JoinType type);

/// An equi-join on `leftKeys = rightKeys` with an optional residual `filter` evaluated over the
/// concatenation of left and right columns. Output: left columns then right columns (semi and
/// anti joins: left columns, plus the match column for kLeftSemiProject; kRightSemiProject: right
/// columns plus the match column).
///
/// `nullAware` gives IN / NOT IN semantics to kLeftSemiProject and kAnti: a NULL key on either
/// side makes "no match" unknown (NULL, or the row dropped for NOT IN).
class HashJoinNode : public PlanNode {
 public:
  HashJoinNode(std::string id, JoinType joinType, bool nullAware, std::vector<int32_t> leftKeys,
      std::vector<int32_t> rightKeys, RowExpressionPtr filter, PlanNodePtr left, PlanNodePtr right,
      std::string matchName = "match");
  std::string_view name() const override { return "HashJoin"; }
  std::string details() const override;
  const std::vector<PlanNodePtr>& sources() const override { return sources_; }
  JoinType joinType() const { return joinType_; }
  bool isNullAware() const { return nullAware_; }
  const std::vector<int32_t>& leftKeys() const { return leftKeys_; }
  const std::vector<int32_t>& rightKeys() const { return rightKeys_; }
  const RowExpressionPtr& filter() const { return filter_; }
  const PlanNodePtr& left() const { return sources_[0]; }
  const PlanNodePtr& right() const { return sources_[1]; }

 private:
  const JoinType joinType_;
  const bool nullAware_;
  const std::vector<int32_t> leftKeys_;
  const std::vector<int32_t> rightKeys_;
  const RowExpressionPtr filter_;
  const std::vector<PlanNodePtr> sources_;
};

/// Every left row with every right row where `filter` (over left then right columns; null: always
/// true) holds. Inner, left, right and full joins. Output: left columns then right columns.
class NestedLoopJoinNode : public PlanNode {
 public:
  NestedLoopJoinNode(std::string id, JoinType joinType, RowExpressionPtr filter, PlanNodePtr left, PlanNodePtr right);
  std::string_view name() const override { return "NestedLoopJoin"; }
  const std::vector<PlanNodePtr>& sources() const override { return sources_; }
  JoinType joinType() const { return joinType_; }
  const RowExpressionPtr& filter() const { return filter_; }
  const PlanNodePtr& left() const { return sources_[0]; }
  const PlanNodePtr& right() const { return sources_[1]; }

 private:
  const JoinType joinType_;
  const RowExpressionPtr filter_;
  const std::vector<PlanNodePtr> sources_;
};

} // namespace presto::exec
