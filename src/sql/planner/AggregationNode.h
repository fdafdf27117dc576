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

  /// The type of this aggregate's partial result: what a kPartial step outputs for it and a
  /// kFinal step reads. It comes from the implementation registered for the function (built for
  /// the argument types, return type and constant arguments); null when the function has no
  /// implementation (a signature only), which cannot be split.
  TypePtr intermediateType() const;
  std::string toString() const;
};

/// Groups its source by `groupingKeys` and computes aggregates per group. A global aggregation
/// (no keys) returns one row even on empty input. The step tells which half of a split
/// aggregation this is (the logical planner produces kSingle; addExchanges splits).
///
/// A split aggregation is a kPartial node below a remote exchange and a kFinal node above it:
///  - the partial node has the grouping keys (and groupIdSymbol, groupingSetCount) of the
///    original and the original aggregates (function, arguments, filter), each with a new output
///    symbol typed `Aggregate::intermediateType()`; it outputs the keys then those intermediate
///    symbols, and accumulates raw rows (`addInput`, then `extractIntermediate`). A global partial
///    aggregation outputs one row per task even on empty input;
///  - the final node has the same keys, and per aggregate the original output symbol and
///    ResolvedFunction (argument types are still the raw ones: build the implementation from
///    them) with a single argument, the partial's intermediate symbol, no filter, no DISTINCT and
///    no ORDER BY; it merges (`addIntermediate`, then `extractFinal`) and outputs the keys then
///    the original aggregate symbols, exactly as the single-step node did.
/// Aggregates with DISTINCT or ORDER BY, and functions without an implementation, are never
/// split: such an aggregation runs as one kSingle step after the rows are repartitioned on its
/// keys (gathered when it has none).
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
