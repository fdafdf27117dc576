#include "connector/tpch/TableGenerator.h"

#include "common/Check.h"

namespace presto::tpch {

ColumnTargets::ColumnTargets(TpchBatch& batch, std::span<const int32_t> columnOrdinals) {
  targets_.fill(nullptr);
  PRESTO_CHECK(batch.columns.size() == columnOrdinals.size(), "batch not shaped for the columns");
  for (size_t index = 0; index < columnOrdinals.size(); ++index) {
    const int32_t ordinal = columnOrdinals[index];
    PRESTO_CHECK(ordinal >= 0 && ordinal < kMaxColumns, "bad column ordinal {}", ordinal);
    PRESTO_CHECK(targets_[ordinal] == nullptr, "column {} requested twice", ordinal);
    targets_[ordinal] = &batch.columns[index];
  }
}

std::unique_ptr<TableGenerator> TableGenerator::make(
    TpchTable table,
    const TpchScale& scale,
    const LineitemIndex* lineitemIndex,
    const ColumnTargets& wanted) {
  switch (table) {
    case TpchTable::kPart:
      return makePartGenerator(scale, wanted);
    case TpchTable::kPartsupp:
      return makePartsuppGenerator(scale, wanted);
    case TpchTable::kSupplier:
      return makeSupplierGenerator(scale, wanted);
    case TpchTable::kCustomer:
      return makeCustomerGenerator(scale, wanted);
    case TpchTable::kOrders:
      return makeOrdersGenerator(scale, wanted);
    case TpchTable::kLineitem:
      PRESTO_CHECK(lineitemIndex != nullptr, "lineitem needs its index");
      return makeLineitemGenerator(scale, *lineitemIndex, wanted);
    case TpchTable::kNation:
      return makeNationGenerator(wanted);
    case TpchTable::kRegion:
      return makeRegionGenerator(wanted);
  }
  PRESTO_FAIL("unknown table");
}

} // namespace presto::tpch
