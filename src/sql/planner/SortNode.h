#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Orders all rows of its source.
class SortNode : public PlanNode {
 public:
  SortNode(PlanNodeId id, PlanNodePtr source, std::vector<SortKey> orderBy)
      : PlanNode(id, {source}, source->outputSymbols()), orderBy_(std::move(orderBy)) {}

  const std::vector<SortKey>& orderBy() const { return orderBy_; }

  std::string name() const override { return "Sort"; }
  std::string details() const override { return "orderBy = [" + sortKeysText(orderBy_) + "]"; }

 private:
  const std::vector<SortKey> orderBy_;
};

/// The first `count` rows of its source in `orderBy` order (ORDER BY + LIMIT).
class TopNNode : public PlanNode {
 public:
  TopNNode(PlanNodeId id, PlanNodePtr source, int64_t count, std::vector<SortKey> orderBy)
      : PlanNode(id, {source}, source->outputSymbols()), count_(count), orderBy_(std::move(orderBy)) {}

  int64_t count() const { return count_; }
  const std::vector<SortKey>& orderBy() const { return orderBy_; }

  std::string name() const override { return "TopN"; }
  std::string details() const override {
    return "count = " + std::to_string(count_) + ", orderBy = [" + sortKeysText(orderBy_) + "]";
  }

 private:
  const int64_t count_;
  const std::vector<SortKey> orderBy_;
};

} // namespace presto::sql
