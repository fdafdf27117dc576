#pragma once

#include <optional>
#include <unordered_map>

#include "sql/optimizer/OptimizerContext.h"

namespace presto::sql {

/// Estimates output row counts of plan nodes from connector statistics
/// (ConnectorMetadata::getTableStatistics) and simple selectivity guesses: an equality with a
/// constant keeps 1/distinct values (or 10%), a range comparison a third, LIKE a quarter, anything
/// else half; of several conjuncts the most selective counts fully, the next with the square
/// root of its selectivity, then the fourth root, ... An equi-join keeps |L| * |R| / max(distinct values of the keys on either side),
/// where a key without statistics is assumed to have at most as many distinct values as the
/// column it is joined with (a foreign key referencing a key), so a join of a table with a
/// smaller table it references keeps the larger table's rows. Estimates are cached per node.
class CardinalityEstimator {
 public:
  /// Rows assumed for a table without statistics.
  static constexpr double kUnknownTableRows = 1'000'000;

  explicit CardinalityEstimator(OptimizerContext& context) : context_(context) {}

  double rows(const PlanNodePtr& node);
  /// The number of distinct values of `symbol` in the node's output, when statistics tell.
  std::optional<double> distinctValues(const PlanNodePtr& node, const std::string& symbol);
  /// An upper bound of the distinct values of `symbol` that ignores filters: the distinct count of
  /// the table column it comes from, else that table's row count, else the node's rows.
  double unfilteredDistinctValues(const PlanNodePtr& node, const std::string& symbol);
  /// The rows of an inner join of inputs with `leftRows` and `rightRows` rows on key pairs with
  /// the given distinct counts (each at most its input's rows; none: a cross join).
  static double joinRows(
      double leftRows, double rightRows, const std::vector<std::pair<double, double>>& keyDistinctValues);

 private:
  double estimate(const PlanNodePtr& node);
  const connector::TableStatistics& tableStatistics(const TableInfo& table);
  double filterSelectivity(const PlanNodePtr& source, const RowExpression& conjunct);
  /// The fraction of `source`'s rows an AND of conjuncts keeps.
  double conjunctionSelectivity(const PlanNodePtr& source, const RowExpressionPtr& predicate);

  OptimizerContext& context_;
  std::unordered_map<const PlanNode*, std::pair<PlanNodePtr, double>> cache_;
  std::unordered_map<const connector::TableHandle*, connector::TableStatistics> statistics_;
};

} // namespace presto::sql
