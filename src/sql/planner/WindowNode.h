#pragma once

#include <optional>

#include "function/FunctionRegistry.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// A window frame: `ROWS|RANGE|GROUPS BETWEEN start AND end`; offsets are symbols of the source.
struct WindowFrameSpec {
  enum class Type { kRows, kRange, kGroups };
  enum class BoundType { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };

  Type type = Type::kRange;
  BoundType startType = BoundType::kUnboundedPreceding;
  std::optional<Symbol> startValue;
  BoundType endType = BoundType::kCurrentRow;
  std::optional<Symbol> endValue;

  std::string toString() const;
};

/// Computes window functions over partitions of its source ordered by `orderBy`. Every function
/// of one node shares the partitioning and ordering; each has its own frame. Outputs the source's
/// symbols followed by one symbol per function.
class WindowNode : public PlanNode {
 public:
  struct Function {
    Symbol output;
    ResolvedFunctionPtr function;
    std::vector<RowExpressionPtr> arguments;
    WindowFrameSpec frame;
    bool ignoreNulls = false;
  };

  WindowNode(PlanNodeId id, PlanNodePtr source, std::vector<Symbol> partitionBy, std::vector<SortKey> orderBy,
      std::vector<Function> functions);

  const std::vector<Symbol>& partitionBy() const { return partitionBy_; }
  const std::vector<SortKey>& orderBy() const { return orderBy_; }
  const std::vector<Function>& functions() const { return functions_; }

  std::string name() const override { return "Window"; }
  std::string details() const override;
  std::vector<std::string> detailLines() const override;

 private:
  const std::vector<Symbol> partitionBy_;
  const std::vector<SortKey> orderBy_;
  const std::vector<Function> functions_;
};

} // namespace presto::sql
