#include "SqlTestFileRunner.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ResultText.h"
#include "SqlTestFile.h"
#include "testing/TextFile.h"

namespace presto::sql::logic {
namespace {

namespace fs = std::filesystem;

/// Rows beyond this many are elided from failure messages.
constexpr size_t kMaxRowsShown = 60;

std::string joinLines(const std::vector<std::string>& rows) {
  std::string text;
  for (size_t i = 0; i < rows.size() && i < kMaxRowsShown; ++i) {
    text += "  " + rows[i] + "\n";
  }
  if (rows.size() > kMaxRowsShown) {
    text += fmt::format("  ... ({} rows in all)\n", rows.size());
  }
  return rows.empty() ? "  (no rows)\n" : text;
}

std::string joinCells(const std::vector<std::string>& cells) {
  std::string text;
  for (size_t i = 0; i < cells.size(); ++i) {
    text += (i ? "|" : "") + cells[i];
  }
  return text;
}

/// Runs the records of one file in order and reports each failing one as a test failure.
class FileRunner {
 public:
  FileRunner(std::string relativePath, StatementExecutor& executor, ExecutionMode mode)
      : relativePath_(std::move(relativePath)), executor_(executor), mode_(mode) {}

  void run(const std::vector<SqlTestRecord>& records) {
    int32_t skipped = 0;
    for (const auto& record : records) {
      const auto& skipReason =
          record.skipReason || mode_ == ExecutionMode::kEmbedded ? record.skipReason : record.clusterSkipReason;
      if (skipReason) {
        ++skipped;
        std::cout << "[  SKIP    ] " << location(record) << ": " << *skipReason << "\n";
        continue;
      }
      runRecord(record);
    }
    ::testing::Test::RecordProperty("records", static_cast<int>(records.size()));
    ::testing::Test::RecordProperty("skipped", skipped);
  }

 private:
  std::string location(const SqlTestRecord& record) const {
    return fmt::format("{}:{}", relativePath_, record.line);
  }

  void fail(const SqlTestRecord& record, const std::string& what) const {
    ADD_FAILURE() << location(record) << "\n" << record.sql << "\n" << what;
  }

  void runRecord(const SqlTestRecord& record) {
    StatementOutcome outcome = executor_.execute(record.sql);
    if (const auto* problem = std::get_if<ExecutionProblem>(&outcome)) {
      fail(record, problem->description);
      return;
    }
    if (const auto* failure = std::get_if<StatementFailure>(&outcome)) {
      checkError(record, *failure);
      return;
    }
    const auto& result = std::get<ExecutedStatement>(outcome);
    switch (record.kind) {
      case RecordKind::kStatementOk:
        return;
      case RecordKind::kStatementCount:
        if (!result.updateCount || *result.updateCount != record.expectedCount) {
          fail(record, fmt::format("expected update count {}, actual {}", record.expectedCount,
              result.updateCount ? std::to_string(*result.updateCount) : "(none)"));
        }
        return;
      case RecordKind::kStatementError:
        fail(record, fmt::format("expected error {}{}, but the statement succeeded", record.errorName,
            record.errorMessagePrefix ? ": " + *record.errorMessagePrefix : ""));
        return;
      case RecordKind::kQuery:
        checkRows(record, result);
        return;
    }
  }

  /// An expected message that starts with `line ` is matched against the full message, any other
  /// against the message without its location.
  void checkError(const SqlTestRecord& record, const StatementFailure& failure) const {
    std::string actual = fmt::format("{}: {}", failure.errorName, failure.message);
    if (record.kind != RecordKind::kStatementError) {
      fail(record, "unexpected error " + actual);
      return;
    }
    bool nameMatches = failure.errorName == record.errorName;
    bool messageMatches = true;
    if (record.errorMessagePrefix) {
      const std::string& expected = *record.errorMessagePrefix;
      const std::string& candidate = expected.rfind("line ", 0) == 0 ? failure.message : failure.rawMessage;
      messageMatches = candidate.rfind(expected, 0) == 0;
    }
    if (!nameMatches || !messageMatches) {
      fail(record, fmt::format("expected error {}{}\nactual error   {}", record.errorName,
          record.errorMessagePrefix ? ": " + *record.errorMessagePrefix : "", actual));
    }
  }

  void checkRows(const SqlTestRecord& record, const ExecutedStatement& result) const {
    if (record.expectedColumnNames) {
      std::string actualNames = joinCells(result.columnNames);
      if (actualNames != *record.expectedColumnNames) {
        fail(record, fmt::format("expected column names {}\nactual column names   {}", *record.expectedColumnNames,
            actualNames));
      }
    }
    if (record.expectedColumnTypes) {
      std::vector<std::string> typeNames;
      for (const auto& type : result.columnTypes) {
        typeNames.push_back(type->toString());
      }
      std::string actualTypes = joinCells(typeNames);
      if (actualTypes != *record.expectedColumnTypes) {
        fail(record, fmt::format("expected column types {}\nactual column types   {}", *record.expectedColumnTypes,
            actualTypes));
      }
    }
    if (result.renderError) {
      fail(record, "could not render the result: " + *result.renderError);
      return;
    }
    // Expected rows lose their trailing blanks in the file; so do the actual ones.
    std::vector<std::string> actual = result.rows;
    for (auto& row : actual) {
      row.erase(row.find_last_not_of(" \t") + 1);
    }
    std::vector<std::string> expected;
    for (const auto& row : record.expectedRows) {
      expected.push_back(canonicalExpectedRow(result.columnTypes, row));
    }
    if (record.rowSort) {
      std::sort(actual.begin(), actual.end());
      std::sort(expected.begin(), expected.end());
    }
    if (actual != expected) {
      fail(record, fmt::format("wrong result{}\nexpected ({} rows):\n{}actual ({} rows):\n{}",
          record.rowSort ? " (rows sorted)" : "", expected.size(), joinLines(expected), actual.size(),
          joinLines(actual)));
    }
  }

  std::string relativePath_;
  StatementExecutor& executor_;
  ExecutionMode mode_;
};

} // namespace

std::vector<std::string> findSqlTestFiles(const std::string& root) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".test") {
      files.push_back(fs::relative(entry.path(), root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string sqlTestNameOf(const std::string& relativePath) {
  std::string name = relativePath.substr(0, relativePath.size() - std::string_view(".test").size());
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      c = '_';
    }
  }
  return name;
}

std::chrono::seconds statementTimeout() {
  const char* text = std::getenv("PRESTO_SQL_TEST_TIMEOUT_SECONDS");
  return std::chrono::seconds(text != nullptr ? std::atoi(text) : 120);
}

void runSqlTestFile(
    const std::string& root, const std::string& relativePath, StatementExecutor& executor, ExecutionMode mode) {
  std::vector<SqlTestRecord> records;
  try {
    records = parseSqlTestFile(relativePath, presto::test::readTextFile(fs::path(root) / relativePath));
  } catch (const std::exception& error) {
    FAIL() << "malformed test file: " << error.what();
  }
  FileRunner(relativePath, executor, mode).run(records);
}

} // namespace presto::sql::logic
