#include "connector/tpch/TpchColumn.h"

#include <algorithm>
#include <cctype>

namespace presto::tpch {
namespace {

constexpr TpchColumn bigint(std::string_view name) {
  return {name, name.substr(name.find('_') + 1), "bigint", TpchType::kBigint};
}
constexpr TpchColumn integer(std::string_view name) {
  return {name, name.substr(name.find('_') + 1), "integer", TpchType::kInteger};
}
constexpr TpchColumn money(std::string_view name) {
  return {name, name.substr(name.find('_') + 1), "decimal(15,2)", TpchType::kDecimal};
}
constexpr TpchColumn date(std::string_view name) {
  return {name, name.substr(name.find('_') + 1), "date", TpchType::kDate};
}
constexpr TpchColumn varchar(std::string_view name, std::string_view typeName) {
  return {name, name.substr(name.find('_') + 1), typeName, TpchType::kVarchar};
}

constexpr TpchColumn kPartColumns[] = {
    bigint("p_partkey"),
    varchar("p_name", "varchar(55)"),
    varchar("p_mfgr", "varchar(25)"),
    varchar("p_brand", "varchar(10)"),
    varchar("p_type", "varchar(25)"),
    integer("p_size"),
    varchar("p_container", "varchar(10)"),
    money("p_retailprice"),
    varchar("p_comment", "varchar(23)"),
};

constexpr TpchColumn kPartsuppColumns[] = {
    bigint("ps_partkey"),
    bigint("ps_suppkey"),
    integer("ps_availqty"),
    money("ps_supplycost"),
    varchar("ps_comment", "varchar(199)"),
};

constexpr TpchColumn kSupplierColumns[] = {
    bigint("s_suppkey"),
    varchar("s_name", "varchar(25)"),
    varchar("s_address", "varchar(40)"),
    bigint("s_nationkey"),
    varchar("s_phone", "varchar(15)"),
    money("s_acctbal"),
    varchar("s_comment", "varchar(101)"),
};

constexpr TpchColumn kCustomerColumns[] = {
    bigint("c_custkey"),
    varchar("c_name", "varchar(25)"),
    varchar("c_address", "varchar(40)"),
    bigint("c_nationkey"),
    varchar("c_phone", "varchar(15)"),
    money("c_acctbal"),
    varchar("c_mktsegment", "varchar(10)"),
    varchar("c_comment", "varchar(117)"),
};

constexpr TpchColumn kOrdersColumns[] = {
    bigint("o_orderkey"),
    bigint("o_custkey"),
    varchar("o_orderstatus", "varchar(1)"),
    money("o_totalprice"),
    date("o_orderdate"),
    varchar("o_orderpriority", "varchar(15)"),
    varchar("o_clerk", "varchar(15)"),
    integer("o_shippriority"),
    varchar("o_comment", "varchar(79)"),
};

constexpr TpchColumn kLineitemColumns[] = {
    bigint("l_orderkey"),
    bigint("l_partkey"),
    bigint("l_suppkey"),
    integer("l_linenumber"),
    money("l_quantity"),
    money("l_extendedprice"),
    money("l_discount"),
    money("l_tax"),
    varchar("l_returnflag", "varchar(1)"),
    varchar("l_linestatus", "varchar(1)"),
    date("l_shipdate"),
    date("l_commitdate"),
    date("l_receiptdate"),
    varchar("l_shipinstruct", "varchar(25)"),
    varchar("l_shipmode", "varchar(10)"),
    varchar("l_comment", "varchar(44)"),
};

constexpr TpchColumn kNationColumns[] = {
    bigint("n_nationkey"),
    varchar("n_name", "varchar(25)"),
    bigint("n_regionkey"),
    varchar("n_comment", "varchar(152)"),
};

constexpr TpchColumn kRegionColumns[] = {
    bigint("r_regionkey"),
    varchar("r_name", "varchar(25)"),
    varchar("r_comment", "varchar(152)"),
};

bool equalsIgnoreCase(std::string_view left, std::string_view right) {
  return left.size() == right.size() &&
         std::equal(left.begin(), left.end(), right.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

} // namespace

std::span<const TpchColumn> tableColumns(TpchTable table) {
  switch (table) {
    case TpchTable::kPart:
      return kPartColumns;
    case TpchTable::kPartsupp:
      return kPartsuppColumns;
    case TpchTable::kSupplier:
      return kSupplierColumns;
    case TpchTable::kCustomer:
      return kCustomerColumns;
    case TpchTable::kOrders:
      return kOrdersColumns;
    case TpchTable::kLineitem:
      return kLineitemColumns;
    case TpchTable::kNation:
      return kNationColumns;
    case TpchTable::kRegion:
      return kRegionColumns;
  }
  return {};
}

std::optional<int32_t> findColumn(TpchTable table, std::string_view name) {
  const auto columns = tableColumns(table);
  for (size_t ordinal = 0; ordinal < columns.size(); ++ordinal) {
    if (equalsIgnoreCase(columns[ordinal].name, name) ||
        equalsIgnoreCase(columns[ordinal].simplifiedName, name)) {
      return static_cast<int32_t>(ordinal);
    }
  }
  return std::nullopt;
}

} // namespace presto::tpch
