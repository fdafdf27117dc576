#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "connector/tpch/TpchBatch.h"
#include "connector/tpch/TpchTable.h"

namespace presto::tpch {

/// Formats rows the way dbgen writes its .tbl files: every field followed by '|', one row per
/// line; money (and l_discount, l_tax) with two decimals, l_quantity as a whole number, dates as
/// YYYY-MM-DD, text verbatim.
class TblRenderer {
 public:
  explicit TblRenderer(TpchTable table);

  /// Appends the rows of `batch` to `out`.
  /// REQUIRES: `batch` holds every column of the table, in ordinal order.
  void render(const TpchBatch& batch, std::string& out) const;

 private:
  enum class Format : uint8_t { kInteger, kMoney, kWholeDecimal, kInt32, kDate, kText };

  std::vector<Format> formats_;
};

} // namespace presto::tpch
