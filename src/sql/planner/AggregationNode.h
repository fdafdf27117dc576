#pragma once

#include <optional>

#include "function/FunctionRegistry.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// One aggregate call of an AggregationNode: `sum(DISTINCT x) FILTER (WHERE f) ORDER BY y`.
struct Aggregate {
  ResolvedFunctionPtr function;
  /// Symbols of the source (or constants).
  std::vector<RowExpressionPtr> arguments;
  bool distinct = false;
  /// A boolean symbol of the source: rows where it is not true are ignored.
  std::optional<Symbol> filter;
  std::vector<SortKey> orderBy;

  std::string toString() const;
};

/// Groups its source by `groupingKeys` and computes aggregates per group. A global aggregation
/// (no keys) returns one row even on empty input. The step tells which half of a split
/// aggregation this is (the logical planner produces kSingle; the optimizer splits).
class AggregationNode : public PlanNode {
 public:
  enum class Step { kSingle, kPartial, kIntermediate, kFinal };

  struct Output {
    Symbol symbol;
    Aggregate aggregate;
  };

  AggregationNode(PlanNodeId id, PlanNodePtr source, std::vector<Symbol> groupingKeys, std::vector<Output> aggregates,
      Step step = Step::kSingle, std::optional<Symbol> groupIdSymbol = std::nullopt, int32_t groupingSetCount = 1);

  const std::vector<Symbol>& groupingKeys() const { return groupingKeys_; }
  const std::vector<Output>& aggregates() const { return aggregates_; }
  Step step() const { return step_; }
  /// The GroupId symbol among the keys when the source is a GroupIdNode.
  const std::optional<Symbol>& groupIdSymbol() const { return groupIdSymbol_; }
  int32_t groupingSetCount() const { return groupingSetCount_; }

  std::string name() const override;
  std::string details() const override;
  std::vector<std::string> detailLines() const override;

 private:
  const std::vector<Symbol> groupingKeys_;
  const std::vector<Output> aggregates_;
  const Step step_;
  const std::optional<Symbol> groupIdSymbol_;
  const int32_t groupingSetCount_;
};

} // namespace presto::sql
