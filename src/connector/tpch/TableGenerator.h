#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "connector/tpch/TpchBatch.h"
#include "connector/tpch/TpchScale.h"
#include "connector/tpch/TpchTable.h"

namespace presto::tpch {

class LineitemIndex;

/// The columns a generator fills, by ordinal: null where a column was not requested.
class ColumnTargets {
 public:
  static constexpr int32_t kMaxColumns = 16;

  ColumnTargets() { targets_.fill(nullptr); }

  /// Points requested column i of `batch` (ordinal columnOrdinals[i]) at its ordinal.
  ColumnTargets(TpchBatch& batch, std::span<const int32_t> columnOrdinals);

  TpchColumnData* operator[](int32_t ordinal) const { return targets_[ordinal]; }

  bool wants(int32_t ordinal) const { return targets_[ordinal] != nullptr; }

 private:
  std::array<TpchColumnData*, kMaxColumns> targets_;
};

/// Generates the rows of one table, sequentially from any starting row. Implementations keep the
/// random streams of the table positioned at the current row; which columns will be requested is
/// fixed at construction, so work for other columns is skipped.
class TableGenerator {
 public:
  virtual ~TableGenerator() = default;

  /// Positions the generator at row `row` (0-based).
  virtual void seek(int64_t row) = 0;

  /// Appends the next `count` rows to the target columns and advances past them.
  virtual void generate(int64_t count, const ColumnTargets& targets) = 0;

  /// The generator for `table`. `wanted` lists the ordinals that generate() will be asked for.
  /// REQUIRES: `lineitemIndex` is non-null for lineitem and outlives the generator.
  static std::unique_ptr<TableGenerator> make(
      TpchTable table,
      const TpchScale& scale,
      const LineitemIndex* lineitemIndex,
      const ColumnTargets& wanted);
};

std::unique_ptr<TableGenerator> makePartGenerator(
    const TpchScale& scale, const ColumnTargets& wanted);
std::unique_ptr<TableGenerator> makePartsuppGenerator(
    const TpchScale& scale, const ColumnTargets& wanted);
std::unique_ptr<TableGenerator> makeSupplierGenerator(
    const TpchScale& scale, const ColumnTargets& wanted);
std::unique_ptr<TableGenerator> makeCustomerGenerator(
    const TpchScale& scale, const ColumnTargets& wanted);
std::unique_ptr<TableGenerator> makeOrdersGenerator(
    const TpchScale& scale, const ColumnTargets& wanted);
std::unique_ptr<TableGenerator> makeLineitemGenerator(
    const TpchScale& scale, const LineitemIndex& index, const ColumnTargets& wanted);
std::unique_ptr<TableGenerator> makeNationGenerator(const ColumnTargets& wanted);
std::unique_ptr<TableGenerator> makeRegionGenerator(const ColumnTargets& wanted);

/// Appends a 64-bit value to a column.
inline void appendValue(TpchColumnData* column, int64_t value) {
  column->int64Values.push_back(value);
}

/// Appends a 32-bit value (integer or date) to a column.
inline void appendInt32(TpchColumnData* column, int32_t value) {
  column->int32Values.push_back(value);
}

/// Appends a string to a column.
inline void appendString(TpchColumnData* column, std::string_view value) {
  column->strings.append(value);
}

} // namespace presto::tpch
