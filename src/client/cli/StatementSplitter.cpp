#include "client/cli/StatementSplitter.h"

namespace presto::cli {

bool isBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string stripWhitespace(const std::string& text) {
  auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) {
    return "";
  }
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

SplitStatements splitStatements(const std::string& text) {
  SplitStatements result;
  std::string current;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      quote = c == quote ? 0 : quote;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      size_t end = text.find('\n', i);
      i = end == std::string::npos ? text.size() : end;
      current += '\n';
      continue;
    } else if (c == ';') {
      if (!isBlank(current)) {
        result.complete.push_back(stripWhitespace(current));
      }
      current.clear();
      continue;
    }
    current += c;
  }
  result.remainder = std::move(current);
  return result;
}

} // namespace presto::cli
