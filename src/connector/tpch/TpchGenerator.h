#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>

#include "connector/tpch/TpchBatch.h"
#include "connector/tpch/TpchScale.h"
#include "connector/tpch/TpchTable.h"

namespace presto::tpch {

class LineitemIndex;

/// The TPC-H data of one scale factor, exactly as dbgen 2.14.0 generates it, available by row
/// range and column subset. Rows are 0-based: row r of a table is line r + 1 of its .tbl file.
///
/// Thread-safe; generation itself happens in TpchReader objects, one per caller. Holds the
/// lineitem row index, built on first need (a scan of one random stream, ~1 ns per order).
///
/// Example:
///   TpchGenerator generator(1.0);
///   TpchBatch batch;
///   generator.generate(TpchTable::kOrders, 0, 1000, std::vector<int32_t>{0, 3}, batch);
class TpchGenerator {
 public:
  /// REQUIRES: 0 < scaleFactor < 30000 (see TpchScale).
  explicit TpchGenerator(double scaleFactor);
  ~TpchGenerator();

  TpchGenerator(const TpchGenerator&) = delete;
  TpchGenerator& operator=(const TpchGenerator&) = delete;

  const TpchScale& scale() const { return scale_; }

  /// Exact number of rows of `table`. For lineitem this builds the lineitem index.
  int64_t rowCount(TpchTable table) const;

  /// Replaces the contents of `batch` with rows [begin, end) of `table`, column i of the batch
  /// holding the column with ordinal columnOrdinals[i]. For many batches of one range, use
  /// TpchReader, which does not seek again for every batch.
  void generate(
      TpchTable table,
      int64_t begin,
      int64_t end,
      std::span<const int32_t> columnOrdinals,
      TpchBatch& batch) const;

  /// The lineitem index, built on the first call.
  const LineitemIndex& lineitemIndex() const;

 private:
  TpchScale scale_;
  mutable std::once_flag lineitemIndexBuilt_;
  mutable std::unique_ptr<LineitemIndex> lineitemIndex_;
};

} // namespace presto::tpch
