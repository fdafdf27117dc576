#pragma once

#include <string>
#include <vector>

#include "engine/LocalQueryRunner.h"

namespace presto::engine::test {

/// Each result row as its values' text (NULL as `NULL`), in result order.
std::vector<std::vector<std::string>> resultValues(const StatementResult& result);
/// Each result row as `v1|v2|...`, in result order.
std::vector<std::string> resultRows(const StatementResult& result);

/// One row of a CSV file (RFC 4180 quoting).
std::vector<std::string> parseCsvLine(const std::string& line);

/// Whether `actual` (a value of `type` rendered by this engine) matches `expected` (text from an
/// independent engine): equal text, or numbers equal within the precision of `type` (decimals:
/// half a unit of their last digit; doubles: a relative 1e-9).
bool sameValue(const std::string& actual, const std::string& expected, const Type& type);

} // namespace presto::engine::test
