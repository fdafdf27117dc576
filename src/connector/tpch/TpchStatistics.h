#pragma once

#include <cstdint>
#include <optional>

#include "connector/tpch/TpchScale.h"
#include "connector/tpch/TpchTable.h"

namespace presto::tpch {

/// Statistics of a column that hold exactly; unknown ones are empty. Values are in the column's
/// TpchBatch representation. None of these columns has nulls (no TPC-H column does).
struct TpchColumnStatistics {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  std::optional<int64_t> distinctCount;
};

/// Exact statistics of the key columns, known without generating any data: p_partkey,
/// ps_partkey, ps_suppkey, s_suppkey, c_custkey, o_orderkey, l_orderkey, n_nationkey,
/// n_regionkey and r_regionkey. Row counts are TpchGenerator::rowCount.
TpchColumnStatistics columnStatistics(const TpchScale& scale, TpchTable table, int32_t ordinal);

} // namespace presto::tpch
