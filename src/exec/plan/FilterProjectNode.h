#pragma once

#include "exec/plan/PlanNode.h"
#include "expression/RowExpression.h"

namespace presto::exec {

/// Keeps the rows where `filter` is true (no filter: all rows) and computes `projections` over
/// them. Expressions reference the source's channels.
class FilterProjectNode : public SingleSourceNode {
 public:
  FilterProjectNode(std::string id, PlanNodePtr source, RowExpressionPtr filter,
      std::vector<RowExpressionPtr> projections, std::vector<std::string> names);
  std::string_view name() const override { return "FilterProject"; }
  std::string details() const override;
  /// May be null.
  const RowExpressionPtr& filter() const { return filter_; }
  const std::vector<RowExpressionPtr>& projections() const { return projections_; }

 private:
  const RowExpressionPtr filter_;
  const std::vector<RowExpressionPtr> projections_;
};

} // namespace presto::exec
