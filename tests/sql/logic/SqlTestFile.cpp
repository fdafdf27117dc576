#include "SqlTestFile.h"

#include <sstream>
#include <stdexcept>

namespace presto::sql::logic {
namespace {

constexpr std::string_view kSkipPrefix = "# skip:";
constexpr std::string_view kClusterSkipPrefix = "# skip cluster:";
constexpr std::string_view kResultSeparator = "----";

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) {
    return "";
  }
  size_t end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

bool isBlank(const std::string& line) {
  return trim(line).empty();
}

bool isComment(const std::string& line) {
  return !line.empty() && line[0] == '#';
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

/// Drops a trailing `# comment` from a header line (error headers keep theirs: a message may hold '#').
std::string withoutTrailingComment(const std::string& line) {
  size_t hash = line.find(" #");
  return trim(hash == std::string::npos ? line : line.substr(0, hash));
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream stream(text);
  std::vector<std::string> result;
  for (std::string word; stream >> word;) {
    result.push_back(word);
  }
  return result;
}

class Parser {
 public:
  Parser(const std::string& path, const std::string& text) : path_(path) {
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      lines_.push_back(std::move(line));
    }
  }

  std::vector<SqlTestRecord> parse() {
    std::vector<SqlTestRecord> records;
    std::optional<std::string> pendingSkip;
    std::optional<std::string> pendingClusterSkip;
    while (next_ < lines_.size()) {
      const std::string& line = lines_[next_];
      if (isBlank(line)) {
        ++next_;
      } else if (startsWith(line, kSkipPrefix)) {
        pendingSkip = skipReasonOf(kSkipPrefix);
      } else if (startsWith(line, kClusterSkipPrefix)) {
        pendingClusterSkip = skipReasonOf(kClusterSkipPrefix);
      } else if (isComment(line)) {
        ++next_;
      } else {
        records.push_back(parseRecord());
        records.back().skipReason = std::move(pendingSkip);
        records.back().clusterSkipReason = std::move(pendingClusterSkip);
        pendingSkip.reset();
        pendingClusterSkip.reset();
      }
    }
    if (pendingSkip || pendingClusterSkip) {
      fail(lines_.size() - 1, "skip directive without a following record");
    }
    return records;
  }

 private:
  [[noreturn]] void fail(size_t lineIndex, const std::string& message) const {
    throw std::runtime_error(path_ + ":" + std::to_string(lineIndex + 1) + ": " + message);
  }

  /// The reason of the skip directive on the current line, which starts with `prefix`.
  std::string skipReasonOf(std::string_view prefix) {
    std::string reason = trim(std::string_view(lines_[next_]).substr(prefix.size()));
    if (reason.empty()) {
      fail(next_, "a skip directive needs a reason");
    }
    ++next_;
    return reason;
  }

  SqlTestRecord parseRecord() {
    SqlTestRecord record;
    record.line = static_cast<int32_t>(next_ + 1);
    std::string header = lines_[next_];
    if (startsWith(header, "statement error")) {
      record.kind = RecordKind::kStatementError;
      std::string rest = trim(std::string_view(header).substr(std::string_view("statement error").size()));
      size_t colon = rest.find(':');
      record.errorName = trim(rest.substr(0, colon));
      if (colon != std::string::npos) {
        record.errorMessagePrefix = trim(rest.substr(colon + 1));
      }
      if (record.errorName.empty()) {
        fail(next_, "statement error needs an error name, e.g. `statement error DIVISION_BY_ZERO`");
      }
    } else {
      auto headerWords = words(withoutTrailingComment(header));
      if (headerWords.size() == 1 && headerWords[0] == "statement") {
        fail(next_, "statement needs `ok`, `count N` or `error NAME`");
      }
      if (headerWords.size() == 2 && headerWords[0] == "statement" && headerWords[1] == "ok") {
        record.kind = RecordKind::kStatementOk;
      } else if (headerWords.size() == 3 && headerWords[0] == "statement" && headerWords[1] == "count") {
        record.kind = RecordKind::kStatementCount;
        try {
          record.expectedCount = std::stoll(headerWords[2]);
        } catch (const std::exception&) {
          fail(next_, "statement count needs a number: " + headerWords[2]);
        }
      } else if (!headerWords.empty() && headerWords[0] == "query") {
        record.kind = RecordKind::kQuery;
        for (size_t i = 1; i < headerWords.size(); ++i) {
          const std::string& option = headerWords[i];
          if (option == "rowsort") {
            record.rowSort = true;
          } else if (option == "nosort") {
            record.rowSort = false;
          } else if (option == "colnames") {
            record.checkColumnNames = true;
          } else if (option == "types") {
            record.checkColumnTypes = true;
          } else {
            fail(next_, "unknown query option '" + option + "' (rowsort, nosort, colnames, types)");
          }
        }
      } else {
        fail(next_, "expected `statement ok`, `statement count N`, `statement error NAME` or `query`, got: " + header);
      }
    }
    ++next_;

    // The statement: every line up to a blank line, or for queries up to `----`.
    bool sawSeparator = false;
    while (next_ < lines_.size() && !isBlank(lines_[next_])) {
      const std::string& line = lines_[next_++];
      if (trim(line) == kResultSeparator) {
        sawSeparator = true;
        break;
      }
      if (isComment(line)) {
        continue;
      }
      record.sql += (record.sql.empty() ? "" : "\n") + line;
    }
    while (!record.sql.empty() && (record.sql.back() == ';' || record.sql.back() == ' ')) {
      record.sql.pop_back();
    }
    if (record.sql.empty()) {
      fail(record.line - 1, "record without SQL");
    }
    if (record.kind != RecordKind::kQuery) {
      if (sawSeparator) {
        fail(record.line - 1, "only `query` records have results after ----");
      }
      return record;
    }
    if (!sawSeparator) {
      fail(record.line - 1, "query without ---- and expected rows");
    }

    // The results: every line up to a blank line, taken verbatim.
    std::vector<std::string> resultLines;
    while (next_ < lines_.size() && !isBlank(lines_[next_])) {
      std::string line = lines_[next_++];
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
        line.pop_back();
      }
      resultLines.push_back(std::move(line));
    }
    size_t first = 0;
    if (record.checkColumnNames) {
      if (first >= resultLines.size()) {
        fail(record.line - 1, "colnames: the line after ---- must list the column names");
      }
      record.expectedColumnNames = resultLines[first++];
    }
    if (record.checkColumnTypes) {
      if (first >= resultLines.size()) {
        fail(record.line - 1, "types: a line listing the column types must follow ----");
      }
      record.expectedColumnTypes = resultLines[first++];
    }
    record.expectedRows.assign(resultLines.begin() + static_cast<std::ptrdiff_t>(first), resultLines.end());
    return record;
  }

  std::string path_;
  std::vector<std::string> lines_;
  size_t next_ = 0;
};

} // namespace

std::vector<SqlTestRecord> parseSqlTestFile(const std::string& path, const std::string& text) {
  return Parser(path, text).parse();
}

} // namespace presto::sql::logic
