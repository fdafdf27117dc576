#pragma once

#include "sql/planner/ExpressionText.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Keeps the rows of its source for which `predicate` is true.
class FilterNode : public PlanNode {
 public:
  FilterNode(PlanNodeId id, PlanNodePtr source, RowExpressionPtr predicate)
      : PlanNode(id, {source}, source->outputSymbols()), predicate_(std::move(predicate)) {}

  const RowExpressionPtr& predicate() const { return predicate_; }

  std::string name() const override { return "Filter"; }
  std::string details() const override { return "filter = " + expressionText(*predicate_); }

 private:
  const RowExpressionPtr predicate_;
};

} // namespace presto::sql
