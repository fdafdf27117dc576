#include "connector/tpch/TpchTable.h"

#include <algorithm>
#include <cctype>

namespace presto::tpch {

std::string_view tableName(TpchTable table) {
  switch (table) {
    case TpchTable::kPart:
      return "part";
    case TpchTable::kPartsupp:
      return "partsupp";
    case TpchTable::kSupplier:
      return "supplier";
    case TpchTable::kCustomer:
      return "customer";
    case TpchTable::kOrders:
      return "orders";
    case TpchTable::kLineitem:
      return "lineitem";
    case TpchTable::kNation:
      return "nation";
    case TpchTable::kRegion:
      return "region";
  }
  return "";
}

std::optional<TpchTable> tableFromName(std::string_view name) {
  for (TpchTable table : kAllTpchTables) {
    const std::string_view candidate = tableName(table);
    if (candidate.size() == name.size() &&
        std::equal(candidate.begin(), candidate.end(), name.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      return table;
    }
  }
  return std::nullopt;
}

} // namespace presto::tpch
