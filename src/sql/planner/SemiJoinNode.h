#pragma once

#include <optional>

#include "sql/planner/ExpressionText.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// For every row of the source, whether the filtering source has a matching row: outputs the
/// source's symbols plus the boolean `semiJoinOutput`. A filtering row matches when every
/// `sourceKeys[i] = filteringKeys[i]` holds and the optional residual `filter` (over symbols of
/// both sides) is true.
///
/// With `nullAware` (IN semantics, `sourceKeys[0] IN (SELECT filteringKeys[0] ...)`), the first
/// key pair compares as IN does: the output is NULL instead of false when the source key is NULL
/// (and some candidate row exists) or when no row matches but a candidate row has a NULL
/// filtering key. Candidates are the filtering rows satisfying the other key pairs and the filter;
/// those pairs are plain equalities. Without it (EXISTS semantics), the output is never NULL and
/// a NULL key never matches.
///
/// Execution hashes the filtering source and streams the source through it, unless
/// `hashesSource()` (chosen by the optimizer when the source is the smaller side; EXISTS semantics
/// only): then the source is hashed, the filtering rows stream through it marking the source rows
/// they match, and the source rows come out with their flags at the end.
class SemiJoinNode : public PlanNode {
 public:
  /// `sourceKey IN (SELECT filteringKey FROM filteringSource)`.
  SemiJoinNode(PlanNodeId id, PlanNodePtr source, PlanNodePtr filteringSource, Symbol sourceKey, Symbol filteringKey,
      Symbol semiJoinOutput)
      : SemiJoinNode(id, std::move(source), std::move(filteringSource), std::vector<Symbol>{std::move(sourceKey)},
            std::vector<Symbol>{std::move(filteringKey)}, nullptr, true, std::move(semiJoinOutput)) {}

  /// REQUIRES: sourceKeys.size() == filteringKeys.size(); with nullAware, at least one key.
  /// REQUIRES: not both `nullAware` and `hashesSource`.
  SemiJoinNode(PlanNodeId id, PlanNodePtr source, PlanNodePtr filteringSource, std::vector<Symbol> sourceKeys,
      std::vector<Symbol> filteringKeys, RowExpressionPtr filter, bool nullAware, Symbol semiJoinOutput,
      bool hashesSource = false)
      : PlanNode(id, {source, filteringSource}, withOutput(source->outputSymbols(), semiJoinOutput)),
        sourceKeys_(std::move(sourceKeys)),
        filteringKeys_(std::move(filteringKeys)),
        filter_(std::move(filter)),
        nullAware_(nullAware),
        semiJoinOutput_(std::move(semiJoinOutput)),
        hashesSource_(hashesSource && !nullAware) {}

  const PlanNodePtr& filteringSource() const { return sources()[1]; }
  const std::vector<Symbol>& sourceKeys() const { return sourceKeys_; }
  const std::vector<Symbol>& filteringKeys() const { return filteringKeys_; }
  /// The residual filter over both sides' symbols; null when there is none.
  const RowExpressionPtr& filter() const { return filter_; }
  bool nullAware() const { return nullAware_; }
  const Symbol& semiJoinOutput() const { return semiJoinOutput_; }
  /// Whether execution hashes the source instead of the filtering source.
  bool hashesSource() const { return hashesSource_; }

  std::string name() const override { return "SemiJoin"; }
  /// `out := a IN b` (null-aware) or `out := EXISTS`, then `AND (c = d)` per further key pair
  /// and `, filter = ...`.
  std::string details() const override {
    std::string text = semiJoinOutput_->name() + " := ";
    size_t first = 0;
    if (nullAware_) {
      text += sourceKeys_[0]->name() + " IN " + filteringKeys_[0]->name();
      first = 1;
    } else {
      text += "EXISTS";
    }
    for (size_t i = first; i < sourceKeys_.size(); ++i) {
      text += (i == 0 ? " " : " AND ") + ("(" + sourceKeys_[i]->name() + " = " + filteringKeys_[i]->name() + ")");
    }
    if (filter_) {
      text += ", filter = " + expressionText(*filter_);
    }
    if (hashesSource_) {
      text += ", hashed = source";
    }
    return text;
  }

 private:
  static std::vector<Symbol> withOutput(std::vector<Symbol> symbols, const Symbol& output) {
    symbols.push_back(output);
    return symbols;
  }

  const std::vector<Symbol> sourceKeys_;
  const std::vector<Symbol> filteringKeys_;
  const RowExpressionPtr filter_;
  const bool nullAware_;
  const Symbol semiJoinOutput_;
  const bool hashesSource_;
};

} // namespace presto::sql
