#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// `sourceKey IN (SELECT filteringKey FROM filteringSource)` for every row of the source: outputs
/// the source's symbols plus a boolean `semiJoinOutput` (NULL when the key is NULL or no match
/// while the filtering side has NULLs, as IN does).
class SemiJoinNode : public PlanNode {
 public:
  SemiJoinNode(PlanNodeId id, PlanNodePtr source, PlanNodePtr filteringSource, Symbol sourceKey, Symbol filteringKey,
      Symbol semiJoinOutput)
      : PlanNode(id, {source, filteringSource}, withOutput(source->outputSymbols(), semiJoinOutput)),
        sourceKey_(std::move(sourceKey)),
        filteringKey_(std::move(filteringKey)),
        semiJoinOutput_(std::move(semiJoinOutput)) {}

  const Symbol& sourceKey() const { return sourceKey_; }
  const Symbol& filteringKey() const { return filteringKey_; }
  const Symbol& semiJoinOutput() const { return semiJoinOutput_; }

  std::string name() const override { return "SemiJoin"; }
  std::string details() const override {
    return semiJoinOutput_->name() + " := " + sourceKey_->name() + " IN " + filteringKey_->name();
  }

 private:
  static std::vector<Symbol> withOutput(std::vector<Symbol> symbols, const Symbol& output) {
    symbols.push_back(output);
    return symbols;
  }

  const Symbol sourceKey_;
  const Symbol filteringKey_;
  const Symbol semiJoinOutput_;
};

} // namespace presto::sql
