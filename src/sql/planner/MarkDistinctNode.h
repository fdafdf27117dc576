#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

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
