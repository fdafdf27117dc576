#pragma once

#include <map>
#include <optional>
#include <string>

#include "type/Value.h"

namespace presto::connector {

/// Statistics of one column; unknown figures are nullopt.
struct ColumnStatistics {
  std::optional<double> distinctValuesCount;
  std::optional<double> nullsFraction;
  std::optional<Value> min;
  std::optional<Value> max;
  /// Average bytes per non-null value (for variable-width types).
  std::optional<double> averageDataSize;
};

/// What the cost-based optimizer knows about a table (after any pushed-down filter).
struct TableStatistics {
  std::optional<double> rowCount;
  std::map<std::string, ColumnStatistics> columns;

  static TableStatistics unknown() { return {}; }
};

} // namespace presto::connector
