#include "TblChecksum.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "Md5.h"
#include "connector/tpch/TblRenderer.h"
#include "connector/tpch/TpchColumn.h"
#include "connector/tpch/TpchReader.h"

namespace presto::tpch::test {

std::map<std::string, TblChecksum> readChecksums(const std::string& path) {
  std::map<std::string, TblChecksum> checksums;
  std::ifstream file(path);
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("table", 0) == 0) {
      continue;
    }
    std::istringstream fields(line);
    std::string table;
    TblChecksum checksum;
    if (fields >> table >> checksum.rows >> checksum.md5 >> checksum.md5First1000 >>
        checksum.bytes) {
      checksums[table] = checksum;
    }
  }
  return checksums;
}

void renderTbl(
    const TpchGenerator& generator,
    TpchTable table,
    int64_t begin,
    int64_t end,
    const std::function<void(std::string_view)>& consume,
    int64_t batchRows) {
  std::vector<int32_t> allColumns(tableColumns(table).size());
  for (size_t ordinal = 0; ordinal < allColumns.size(); ++ordinal) {
    allColumns[ordinal] = static_cast<int32_t>(ordinal);
  }
  TpchReader reader(generator, table, begin, end, allColumns);
  const TblRenderer renderer(table);
  TpchBatch batch;
  std::string text;
  while (reader.next(batchRows, batch)) {
    text.clear();
    renderer.render(batch, text);
    consume(text);
  }
}

TblChecksum checksumTable(const TpchGenerator& generator, TpchTable table) {
  TblChecksum checksum;
  checksum.rows = generator.rowCount(table);
  Md5 whole;
  renderTbl(generator, table, 0, checksum.rows, [&](std::string_view text) {
    whole.update(text);
    checksum.bytes += static_cast<int64_t>(text.size());
  });
  checksum.md5 = whole.hexDigest();
  Md5 head;
  renderTbl(
      generator, table, 0, std::min<int64_t>(1000, checksum.rows), [&](std::string_view text) {
        head.update(text);
      });
  checksum.md5First1000 = head.hexDigest();
  return checksum;
}

std::string firstDifference(
    const TpchGenerator& generator, TpchTable table, const std::string& referencePath) {
  std::ifstream reference(referencePath);
  if (!reference) {
    return fmt::format("cannot open {}", referencePath);
  }
  std::string difference;
  int64_t lineNumber = 0;
  std::string pending;
  renderTbl(generator, table, 0, generator.rowCount(table), [&](std::string_view text) {
    if (!difference.empty()) {
      return;
    }
    pending.append(text);
    size_t start = 0;
    for (size_t newline = pending.find('\n'); newline != std::string::npos;
         newline = pending.find('\n', start)) {
      const std::string_view actual(pending.data() + start, newline - start);
      start = newline + 1;
      ++lineNumber;
      std::string expected;
      if (!std::getline(reference, expected)) {
        difference = fmt::format("line {}: reference has ended; generated: {}", lineNumber, actual);
        return;
      }
      if (expected != actual) {
        difference = fmt::format(
            "line {} differs\n  expected: {}\n  actual:   {}", lineNumber, expected, actual);
        return;
      }
    }
    pending.erase(0, start);
  });
  std::string extra;
  if (difference.empty() && std::getline(reference, extra)) {
    difference =
        fmt::format("line {}: generated data has ended; reference: {}", lineNumber + 1, extra);
  }
  return difference;
}

} // namespace presto::tpch::test
