#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Skips the first `count` rows of its source.
class OffsetNode : public PlanNode {
 public:
  OffsetNode(PlanNodeId id, PlanNodePtr source, int64_t count)
      : PlanNode(id, {source}, source->outputSymbols()), count_(count) {}

  int64_t count() const { return count_; }

  std::string name() const override { return "Offset"; }
  std::string details() const override { return "count = " + std::to_string(count_); }

 private:
  const int64_t count_;
};

} // namespace presto::sql
