#include "connector/tpch/TblRenderer.h"

#include <charconv>
#include <cstring>

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
  // Size the output once for the longest possible text, write through a pointer, then trim.
  size_t bound = static_cast<size_t>(batch.numRows);
  for (size_t index = 0; index < formats_.size(); ++index) {
    bound += formats_[index] == Format::kText
                 ? batch.columns[index].strings.bytes().size() + batch.numRows
                 : (kMaxNumberLength + 1) * batch.numRows;
  }
  const size_t start = out.size();
  out.resize(start + bound);
  char* position = out.data() + start;
  for (int64_t row = 0; row < batch.numRows; ++row) {
    for (size_t index = 0; index < formats_.size(); ++index) {
      const TpchColumnData& column = batch.columns[index];
      switch (formats_[index]) {
        case Format::kInteger:
          position = writeInteger(column.int64Values[row], position);
          break;
        case Format::kMoney:
          position = writeMoney(column.int64Values[row], position);
          break;
        case Format::kWholeDecimal:
          position = writeInteger(column.int64Values[row] / 100, position);
          break;
        case Format::kInt32:
          position = writeInteger(column.int32Values[row], position);
          break;
        case Format::kDate:
          formatDate(column.int32Values[row], position);
          position += 10;
          break;
        case Format::kText: {
          const std::string_view text = column.strings.at(row);
          std::memcpy(position, text.data(), text.size());
          position += text.size();
          break;
        }
      }
      *position++ = '|';
    }
    *position++ = '\n';
  }
  out.resize(position - out.data());
}

} // namespace presto::tpch
