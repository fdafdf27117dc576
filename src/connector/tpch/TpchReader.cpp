#include "connector/tpch/TpchReader.h"

#include <algorithm>

#include "common/Check.h"
#include "connector/tpch/LineitemIndex.h"

namespace presto::tpch {
namespace {

ColumnTargets wantedColumns(TpchTable table, std::span<const int32_t> columnOrdinals) {
  // A throwaway batch shaped like the real ones validates the ordinals and records which are
  // wanted.
  TpchBatch shape;
  shape.reset(table, columnOrdinals);
  ColumnTargets targets(shape, columnOrdinals);
  return targets;
}

} // namespace

TpchReader::TpchReader(
    const TpchGenerator& generator,
    TpchTable table,
    int64_t begin,
    int64_t end,
    std::vector<int32_t> columnOrdinals)
    : table_(table), position_(begin), end_(end), columnOrdinals_(std::move(columnOrdinals)) {
  const int64_t rows = generator.rowCount(table);
  PRESTO_USER_CHECK(
      0 <= begin && begin <= end && end <= rows,
      errors::INVALID_ARGUMENTS,
      "Row range [{}, {}) is outside table {} with {} rows",
      begin,
      end,
      tableName(table),
      rows);
  const ColumnTargets wanted = wantedColumns(table, columnOrdinals_);
  generator_ = TableGenerator::make(
      table,
      generator.scale(),
      table == TpchTable::kLineitem ? &generator.lineitemIndex() : nullptr,
      wanted);
  generator_->seek(begin);
}

bool TpchReader::next(int64_t maxRows, TpchBatch& batch) {
  batch.reset(table_, columnOrdinals_);
  const int64_t count = std::min(maxRows, end_ - position_);
  if (count <= 0) {
    return false;
  }
  generator_->generate(count, ColumnTargets(batch, columnOrdinals_));
  batch.numRows = count;
  position_ += count;
  return true;
}

} // namespace presto::tpch
