#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace presto::cli {

/// The result formats of Presto's CLI (`--output-format`).
enum class OutputFormat { kAligned, kVertical, kCsv, kCsvHeader, kTsv, kTsvHeader, kJson, kMarkdown, kNull };

/// Parses a format name as the CLI accepts it (`ALIGNED`, `csv_header`, ...), case-insensitive.
std::optional<OutputFormat> parseOutputFormat(std::string_view name);

/// A result column: its name and Presto type signature (`bigint`, `decimal(15,2)`, `array(varchar)`).
struct OutputColumn {
  std::string name;
  std::string type;
};

/// Prints query results the way Presto's CLI does. Rows arrive as the client protocol encodes
/// them (JSON values: numbers, strings, booleans, nulls, arrays, objects; decimals, dates and
/// timestamps as strings; varbinary as base64), so remote and embedded results print identically.
/// Printers that align columns (ALIGNED, VERTICAL, MARKDOWN) buffer rows until `finish()`.
class OutputPrinter {
 public:
  virtual ~OutputPrinter() = default;
  /// Prints (or buffers) a batch of rows, each a JSON array with one value per column.
  virtual void printRows(const std::vector<nlohmann::json>& rows) = 0;
  /// Prints what is buffered and any footer.
  virtual void finish() = 0;
};

/// Creates the printer of `format` writing to `out`.
std::unique_ptr<OutputPrinter> createOutputPrinter(
    OutputFormat format, std::vector<OutputColumn> columns, std::ostream& out);

/// The text of one value as the CLI shows it in ALIGNED, VERTICAL, CSV and TSV output: NULL as
/// `NULL` (empty in CSV/TSV), varbinary as hex bytes (16 per line), doubles as Java prints them
/// (`4.5`, `1.0E10`), arrays `[1, 2]`, maps `{a=1}`, rows `{x=1, y=2}`.
std::string formatValue(const nlohmann::json& value, const std::string& type);

/// Java's Double.toString: `1.0`, `0.001`, `1.0E-4`, `1.2345678E7`, `NaN`, `Infinity`.
std::string javaDoubleToString(double value);

} // namespace presto::cli
