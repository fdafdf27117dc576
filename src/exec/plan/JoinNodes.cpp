#include "exec/plan/JoinNodes.h"

#include <fmt/format.h>

#include "common/Check.h"

namespace presto::exec {
namespace {

TypePtr joinOutputType(JoinType type, const PlanNode& left, const PlanNode& right, const std::string& matchName) {
  if (type == JoinType::kLeftSemiProject) {
    return appendColumns(left, {matchName}, {BOOLEAN()});
  }
  if (type == JoinType::kRightSemiProject) {
    return appendColumns(right, {matchName}, {BOOLEAN()});
  }
  if (isLeftOnlyOutput(type)) {
    return left.outputType();
  }
  auto names = left.outputRowType().names();
  auto types = left.outputTypes();
  for (size_t i = 0; i < right.outputRowType().size(); ++i) {
    names.push_back(right.outputRowType().nameOf(i));
    types.push_back(right.outputRowType().childAt(i));
  }
  return makeRowType(std::move(names), std::move(types));
}

} // namespace

std::string_view joinTypeName(JoinType type) {
  switch (type) {
    case JoinType::kInner: return "INNER";
    case JoinType::kLeft: return "LEFT";
    case JoinType::kRight: return "RIGHT";
    case JoinType::kFull: return "FULL";
    case JoinType::kLeftSemiFilter: return "LEFT SEMI (FILTER)";
    case JoinType::kLeftSemiProject: return "LEFT SEMI (PROJECT)";
    case JoinType::kAnti: return "ANTI";
    case JoinType::kRightSemiProject: return "RIGHT SEMI (PROJECT)";
  }
  return "UNKNOWN";
}

bool isLeftOnlyOutput(JoinType type) {
  return type == JoinType::kLeftSemiFilter || type == JoinType::kLeftSemiProject || type == JoinType::kAnti;
}

HashJoinNode::HashJoinNode(std::string id, JoinType joinType, bool nullAware, std::vector<int32_t> leftKeys,
    std::vector<int32_t> rightKeys, RowExpressionPtr filter, PlanNodePtr left, PlanNodePtr right,
    std::string matchName)
    : PlanNode(std::move(id), joinOutputType(joinType, *left, *right, matchName)), joinType_(joinType),
      nullAware_(nullAware), leftKeys_(std::move(leftKeys)), rightKeys_(std::move(rightKeys)),
      filter_(std::move(filter)), sources_{std::move(left), std::move(right)} {
  PRESTO_CHECK(!leftKeys_.empty() && leftKeys_.size() == rightKeys_.size(), "a hash join needs matching keys");
  PRESTO_CHECK(!nullAware_ || joinType_ == JoinType::kAnti || joinType_ == JoinType::kLeftSemiProject,
      "only anti and semi-project joins can be null-aware");
  for (size_t i = 0; i < leftKeys_.size(); ++i) {
    PRESTO_CHECK(sameType(sources_[0]->outputTypes().at(static_cast<size_t>(leftKeys_[i])),
                     sources_[1]->outputTypes().at(static_cast<size_t>(rightKeys_[i]))),
        "join key {} has different types on both sides", i);
  }
}

std::string HashJoinNode::details() const {
  return fmt::format("{}{} left={} right={}{}", joinTypeName(joinType_), nullAware_ ? " null-aware" : "",
      fmt::join(leftKeys_, ","), fmt::join(rightKeys_, ","), filter_ ? " filter: " + filter_->toString() : "");
}

NestedLoopJoinNode::NestedLoopJoinNode(
    std::string id, JoinType joinType, RowExpressionPtr filter, PlanNodePtr left, PlanNodePtr right)
    : PlanNode(std::move(id), joinOutputType(joinType, *left, *right, "")), joinType_(joinType),
      filter_(std::move(filter)), sources_{std::move(left), std::move(right)} {
  PRESTO_CHECK(!isLeftOnlyOutput(joinType_) && joinType_ != JoinType::kRightSemiProject,
      "nested loop joins are inner, left, right or full");
}

} // namespace presto::exec
