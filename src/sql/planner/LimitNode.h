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

/// Passes its single input row; fails with SUBQUERY_MULTIPLE_ROWS on more than one row and
/// produces one row of NULLs on none (the source of a scalar subquery).
class EnforceSingleRowNode : public PlanNode {
 public:
  EnforceSingleRowNode(PlanNodeId id, PlanNodePtr source) : PlanNode(id, {source}, source->outputSymbols()) {}

  std::string name() const override { return "EnforceSingleRow"; }
};

/// Adds a boolean `marker` that is true on the first row of each distinct combination of
/// `distinctSymbols` (used to compute several DISTINCT aggregates in one aggregation).
class MarkDistinctNode : public PlanNode {
 public:
  MarkDistinctNode(PlanNodeId id, PlanNodePtr source, Symbol marker, std::vector<Symbol> distinctSymbols)
      : PlanNode(id, {source}, withMarker(source->outputSymbols(), marker)),
        marker_(std::move(marker)),
        distinctSymbols_(std::move(distinctSymbols)) {}

  const Symbol& marker() const { return marker_; }
  const std::vector<Symbol>& distinctSymbols() const { return distinctSymbols_; }

  std::string name() const override { return "MarkDistinct"; }
  std::string details() const override {
    return marker_->name() + " := distinct [" + symbolNames(distinctSymbols_) + "]";
  }

 private:
  static std::vector<Symbol> withMarker(std::vector<Symbol> symbols, const Symbol& marker) {
    symbols.push_back(marker);
    return symbols;
  }

  const Symbol marker_;
  const std::vector<Symbol> distinctSymbols_;
};

} // namespace presto::sql
