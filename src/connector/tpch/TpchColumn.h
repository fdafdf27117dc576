#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "connector/tpch/TpchTable.h"

namespace presto::tpch {

/// SQL type of a TPC-H column, as in the shared schema.sql.
enum class TpchType : uint8_t { kBigint, kInteger, kDecimal, kDate, kVarchar };

/// How the generator hands out a column's values (see TpchBatch):
///  - kInt64: bigint, and decimal(15,2) as unscaled cents;
///  - kInt32: integer, and date as days since 1970-01-01;
///  - kString: varchar.
enum class TpchValueKind : uint8_t { kInt64, kInt32, kString };

/// The buffer kind that holds values of `type`.
constexpr TpchValueKind valueKind(TpchType type) {
  switch (type) {
    case TpchType::kBigint:
    case TpchType::kDecimal:
      return TpchValueKind::kInt64;
    case TpchType::kInteger:
    case TpchType::kDate:
      return TpchValueKind::kInt32;
    case TpchType::kVarchar:
      return TpchValueKind::kString;
  }
  return TpchValueKind::kInt64;
}

/// Description of one column of a TPC-H table.
struct TpchColumn {
  /// The TPC-H specification's name, e.g. "l_orderkey".
  std::string_view name;
  /// Presto's simplified name without the table prefix, e.g. "orderkey".
  std::string_view simplifiedName;
  /// The type exactly as schema.sql spells it, e.g. "decimal(15,2)" or "varchar(25)".
  std::string_view typeName;
  TpchType type;
};

/// The columns of `table` in .tbl order; a column's ordinal is its index here.
std::span<const TpchColumn> tableColumns(TpchTable table);

/// The ordinal of the column called `name` in either naming (case-insensitive), if any.
std::optional<int32_t> findColumn(TpchTable table, std::string_view name);

} // namespace presto::tpch
