#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Passes at most `count` rows of its source.
class LimitNode : public PlanNode {
 public:
  LimitNode(PlanNodeId id, PlanNodePtr source, int64_t count)
      : PlanNode(id, {source}, source->outputSymbols()), count_(count) {}

  int64_t count() const { return count_; }

  std::string name() const override { return "Limit"; }
  std::string details() const override { return "count = " + std::to_string(count_); }

 private:
  const int64_t count_;
};

} // namespace presto::sql
