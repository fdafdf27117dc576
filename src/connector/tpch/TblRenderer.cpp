#include "connector/tpch/TblRenderer.h"

#include <charconv>

#include "common/Check.h"
#include "connector/tpch/TpchColumn.h"
#include "connector/tpch/TpchDate.h"

namespace presto::tpch {
namespace {

constexpr size_t kMaxNumberLength = 24;

char* writeInteger(int64_t value, char* out) {
  return std::to_chars(out, out + kMaxNumberLength, value).ptr;
}

char* writeMoney(int64_t cents, char* out) {
  if (cents < 0) {
    *out++ = '-';
    cents = -cents;
  }
  out = writeInteger(cents / 100, out);
  *out++ = '.';
  *out++ = static_cast<char>('0' + cents % 100 / 10);
  *out++ = static_cast<char>('0' + cents % 10);
  return out;
}

} // namespace

TblRenderer::TblRenderer(TpchTable table) {
  for (const TpchColumn& column : tableColumns(table)) {
    switch (column.type) {
      case TpchType::kBigint:
        formats_.push_back(Format::kInteger);
        break;
      case TpchType::kInteger:
        formats_.push_back(Format::kInt32);
        break;
      case TpchType::kDecimal:
        // dbgen prints the quantity as an integer although the schema makes it a decimal.
        formats_.push_back(column.name == "l_quantity" ? Format::kWholeDecimal : Format::kMoney);
        break;
      case TpchType::kDate:
        formats_.push_back(Format::kDate);
        break;
      case TpchType::kVarchar:
        formats_.push_back(Format::kText);
        break;
    }
  }
}

void TblRenderer::render(const TpchBatch& batch, std::string& out) const {
  PRESTO_CHECK(batch.columns.size() == formats_.size(), "batch does not hold every column");
  char scratch[kMaxNumberLength];
  for (int64_t row = 0; row < batch.numRows; ++row) {
    for (size_t index = 0; index < formats_.size(); ++index) {
      const TpchColumnData& column = batch.columns[index];
      char* end = scratch;
      switch (formats_[index]) {
        case Format::kInteger:
          end = writeInteger(column.int64Values[row], scratch);
          break;
        case Format::kMoney:
          end = writeMoney(column.int64Values[row], scratch);
          break;
        case Format::kWholeDecimal:
          end = writeInteger(column.int64Values[row] / 100, scratch);
          break;
        case Format::kInt32:
          end = writeInteger(column.int32Values[row], scratch);
          break;
        case Format::kDate:
          formatDate(column.int32Values[row], scratch);
          end = scratch + 10;
          break;
        case Format::kText:
          out.append(column.strings.at(row));
          break;
      }
      out.append(scratch, end - scratch);
      out.push_back('|');
    }
    out.push_back('\n');
  }
}

} // namespace presto::tpch
