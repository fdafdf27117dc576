#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Passes its single input row; fails with SUBQUERY_MULTIPLE_ROWS on more than one row and
/// produces one row of NULLs on none (the source of a scalar subquery).
class EnforceSingleRowNode : public PlanNode {
 public:
  EnforceSingleRowNode(PlanNodeId id, PlanNodePtr source) : PlanNode(id, {source}, source->outputSymbols()) {}

  std::string name() const override { return "EnforceSingleRow"; }
};

} // namespace presto::sql
