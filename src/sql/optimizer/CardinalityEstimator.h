#pragma once

#include <optional>
#include <unordered_map>

#include "sql/optimizer/OptimizerContext.h"

namespace presto::sql {

/// Estimates output row counts of plan nodes from connector statistics
/// (ConnectorMetadata::getTableStatistics) and simple selectivity guesses: an equality with a
/// constant keeps 1/distinct values (or 10%), other comparisons a third, anything else half; an
/// equi-join keeps |L| * |R| / max(distinct values of the keys). Estimates are cached per node.
class CardinalityEstimator {
 public:
  /// Rows assumed for a table without statistics.
  static constexpr double kUnknownTableRows = 1'000'000;

  explicit CardinalityEstimator(OptimizerContext& context) : context_(context) {}

  double rows(const PlanNodePtr& node);
  /// The number of distinct values of `symbol` in the node's output, when statistics tell.
  std::optional<double> distinctValues(const PlanNodePtr& node, const std::string& symbol);
  /// The rows of an inner join of inputs with `leftRows` and `rightRows` rows on key pairs whose
  /// distinct counts are given (nullopt: unknown).
  static double joinRows(double leftRows, double rightRows,
      const std::vector<std::pair<std::optional<double>, std::optional<double>>>& keyDistinctValues);

 private:
  double estimate(const PlanNodePtr& node);
  const connector::TableStatistics& tableStatistics(const TableInfo& table);
  double filterSelectivity(const PlanNodePtr& source, const RowExpression& conjunct);

  OptimizerContext& context_;
  std::unordered_map<const PlanNode*, std::pair<PlanNodePtr, double>> cache_;
  std::unordered_map<const connector::TableHandle*, connector::TableStatistics> statistics_;
};

} // namespace presto::sql
