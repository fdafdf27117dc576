#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TpchBatch.h"
#include "connector/tpch/TpchGenerator.h"

namespace presto::tpch {

/// Reads a row range of one table in batches: what a split's page source uses. Keeps the random
/// streams positioned between batches. Not thread-safe; one reader per split.
class TpchReader {
 public:
  /// Reads rows [begin, end) of `table`, the columns with ordinals `columnOrdinals` in that order.
  /// REQUIRES: 0 <= begin <= end <= generator.rowCount(table); `generator` outlives the reader.
  TpchReader(
      const TpchGenerator& generator,
      TpchTable table,
      int64_t begin,
      int64_t end,
      std::vector<int32_t> columnOrdinals);

  /// Replaces `batch` with the next min(maxRows, remaining) rows; returns false, leaving an empty
  /// batch, once the range is exhausted.
  bool next(int64_t maxRows, TpchBatch& batch);

  /// Rows not yet read.
  int64_t remainingRows() const { return end_ - position_; }

 private:
  TpchTable table_;
  int64_t position_;
  int64_t end_;
  std::vector<int32_t> columnOrdinals_;
  std::unique_ptr<TableGenerator> generator_;
};

} // namespace presto::tpch
