#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace presto::tpch {

/// The eight TPC-H tables.
enum class TpchTable : uint8_t {
  kPart,
  kPartsupp,
  kSupplier,
  kCustomer,
  kOrders,
  kLineitem,
  kNation,
  kRegion,
};

/// All tables, in the order above.
inline constexpr std::array<TpchTable, 8> kAllTpchTables{
    TpchTable::kPart,
    TpchTable::kPartsupp,
    TpchTable::kSupplier,
    TpchTable::kCustomer,
    TpchTable::kOrders,
    TpchTable::kLineitem,
    TpchTable::kNation,
    TpchTable::kRegion,
};

/// The table's lower-case name, e.g. "lineitem" (also the .tbl file's base name).
std::string_view tableName(TpchTable table);

/// The table with that name (case-insensitive), if any.
std::optional<TpchTable> tableFromName(std::string_view name);

} // namespace presto::tpch
