#include "connector/tpch/TpchBatch.h"

#include "common/Check.h"

namespace presto::tpch {

int64_t TpchColumnData::size() const {
  switch (kind) {
    case TpchValueKind::kInt64:
      return static_cast<int64_t>(int64Values.size());
    case TpchValueKind::kInt32:
      return static_cast<int64_t>(int32Values.size());
    case TpchValueKind::kString:
      return strings.size();
  }
  return 0;
}

void TpchColumnData::clear() {
  int64Values.clear();
  int32Values.clear();
  strings.clear();
}

void TpchBatch::reset(TpchTable table, std::span<const int32_t> columnOrdinals) {
  const auto descriptors = tableColumns(table);
  numRows = 0;
  columns.resize(columnOrdinals.size());
  for (size_t index = 0; index < columnOrdinals.size(); ++index) {
    const int32_t ordinal = columnOrdinals[index];
    PRESTO_CHECK(
        ordinal >= 0 && ordinal < static_cast<int32_t>(descriptors.size()),
        "column {} out of range for table {}",
        ordinal,
        tableName(table));
    columns[index].kind = valueKind(descriptors[ordinal].type);
    columns[index].clear();
  }
}

} // namespace presto::tpch
