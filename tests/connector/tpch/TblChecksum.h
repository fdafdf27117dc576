#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "connector/tpch/TpchGenerator.h"

namespace presto::tpch::test {

/// What /work/shared/tpch/checksums/sf*.txt records for one table.
struct TblChecksum {
  int64_t rows{0};
  std::string md5;
  /// md5 of the first 1000 lines.
  std::string md5First1000;
  int64_t bytes{0};
};

/// Reads a checksums file into table name -> checksum.
std::map<std::string, TblChecksum> readChecksums(const std::string& path);

/// Renders rows [begin, end) of `table` as .tbl text in chunks of `batchRows` rows, handing each
/// chunk to `consume` (so no whole-table string is ever built).
void renderTbl(
    const TpchGenerator& generator,
    TpchTable table,
    int64_t begin,
    int64_t end,
    const std::function<void(std::string_view)>& consume,
    int64_t batchRows = 16384);

/// The checksum of the generated table in .tbl form.
TblChecksum checksumTable(const TpchGenerator& generator, TpchTable table);

/// Describes the first line where the generated .tbl text differs from the file at
/// `referencePath` (line number, expected and actual text); empty when they are equal.
std::string firstDifference(
    const TpchGenerator& generator, TpchTable table, const std::string& referencePath);

} // namespace presto::tpch::test
