#pragma once

#include <string>
#include <vector>

namespace presto::cli {

/// Statements of a batch or of shell input, split at `;` outside quotes and `--` comments.
struct SplitStatements {
  /// The complete (`;`-terminated) statements, without the `;` and surrounding whitespace (error
  /// positions count from the statement's first character, as in Presto), blank ones dropped.
  std::vector<std::string> complete;
  /// What follows the last `;`: an unfinished statement (blank if none).
  std::string remainder;
};

SplitStatements splitStatements(const std::string& text);

/// `text` without leading and trailing whitespace.
std::string stripWhitespace(const std::string& text);

/// Whether `text` holds anything besides whitespace.
bool isBlank(const std::string& text);

} // namespace presto::cli
