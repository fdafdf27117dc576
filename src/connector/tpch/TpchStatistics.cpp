#include "connector/tpch/TpchStatistics.h"

#include "connector/tpch/PartKeys.h"
#include "connector/tpch/TpchColumn.h"

namespace presto::tpch {
namespace {

TpchColumnStatistics dense(int64_t min, int64_t count) {
  return TpchColumnStatistics{min, min + count - 1, count};
}

} // namespace

TpchColumnStatistics columnStatistics(const TpchScale& scale, TpchTable table, int32_t ordinal) {
  const std::string_view name = tableColumns(table)[ordinal].name;
  if (name == "p_partkey" || name == "ps_partkey") {
    return dense(1, scale.parts());
  }
  // Slot 0 of part p is supplier p mod S + 1, and there are at least as many parts as suppliers.
  if (name == "s_suppkey" || name == "ps_suppkey") {
    return dense(1, scale.suppliers());
  }
  if (name == "c_custkey") {
    return dense(1, scale.customers());
  }
  // Every order has at least one line.
  if (name == "o_orderkey" || name == "l_orderkey") {
    return TpchColumnStatistics{1, orderKey(scale.orders()), scale.orders()};
  }
  if (name == "n_nationkey") {
    return dense(0, 25);
  }
  if (name == "n_regionkey" || name == "r_regionkey") {
    return dense(0, 5);
  }
  return {};
}

} // namespace presto::tpch
