#include "client/cli/OutputFormat.h"

#include <algorithm>
#include <cctype>

#include "client/cli/OutputPrinters.h"

namespace presto::cli {

std::optional<OutputFormat> parseOutputFormat(std::string_view name) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  static const std::pair<const char*, OutputFormat> kFormats[] = {{"ALIGNED", OutputFormat::kAligned},
      {"VERTICAL", OutputFormat::kVertical}, {"CSV", OutputFormat::kCsv}, {"CSV_HEADER", OutputFormat::kCsvHeader},
      {"TSV", OutputFormat::kTsv}, {"TSV_HEADER", OutputFormat::kTsvHeader}, {"JSON", OutputFormat::kJson},
      {"MARKDOWN", OutputFormat::kMarkdown}, {"NULL", OutputFormat::kNull}};
  for (const auto& [formatName, format] : kFormats) {
    if (upper == formatName) {
      return format;
    }
  }
  return std::nullopt;
}

std::unique_ptr<OutputPrinter> createOutputPrinter(OutputFormat format, std::vector<OutputColumn> columns, std::ostream& out) {
  if (auto table = createTablePrinter(format, columns, out)) {
    return table;
  }
  return createStreamingPrinter(format, std::move(columns), out);
}

} // namespace presto::cli
