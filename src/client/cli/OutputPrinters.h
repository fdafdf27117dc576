#pragma once

#include "client/cli/OutputFormat.h"

// Factories of the printer families; createOutputPrinter picks among them.

namespace presto::cli {

/// ALIGNED, VERTICAL or MARKDOWN (buffering printers); nullptr for other formats.
std::unique_ptr<OutputPrinter> createTablePrinter(OutputFormat format, std::vector<OutputColumn> columns, std::ostream& out);

/// CSV, CSV_HEADER, TSV, TSV_HEADER, JSON or NULL (streaming printers); nullptr for other formats.
std::unique_ptr<OutputPrinter> createStreamingPrinter(
    OutputFormat format, std::vector<OutputColumn> columns, std::ostream& out);

} // namespace presto::cli
