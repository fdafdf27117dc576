// Runs every `.test` file under tests/sql/ (format: docs/dev/sql-logic-tests.md) against the
// embedded engine, one GoogleTest case per file, each file on a fresh LocalQueryRunner.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ResultText.h"
#include "SqlTestFile.h"
#include "common/PrestoException.h"
#include "engine/LocalQueryRunner.h"

#ifndef PRESTO_SQL_TEST_DIR
#error "PRESTO_SQL_TEST_DIR must name the directory holding the .test files"
#endif

namespace presto::sql::logic {
namespace {

namespace fs = std::filesystem;

/// Rows beyond this many are elided from failure messages.
constexpr size_t kMaxRowsShown = 60;

/// How long one statement may run before its record fails; PRESTO_SQL_TEST_TIMEOUT_SECONDS overrides.
std::chrono::seconds statementTimeout() {
  const char* text = std::getenv("PRESTO_SQL_TEST_TIMEOUT_SECONDS");
  return std::chrono::seconds(text != nullptr ? std::atoi(text) : 120);
}

/// Runs `sql` on its own thread and waits at most `timeout`. A statement that runs longer is left
/// running (the engine cannot be interrupted from here), holding its share of the runner, and the
/// record fails with a timeout instead of hanging the suite.
std::future<engine::StatementResult> startStatement(
    const std::shared_ptr<engine::LocalQueryRunner>& runner, const std::string& sql) {
  auto promise = std::make_shared<std::promise<engine::StatementResult>>();
  auto future = promise->get_future();
  std::thread([runner, sql, promise] {
    try {
      promise->set_value(runner->execute(sql));
    } catch (...) {
      promise->set_exception(std::current_exception());
    }
  }).detach();
  return future;
}

std::vector<std::string> findTestFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(PRESTO_SQL_TEST_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() == ".test") {
      files.push_back(fs::relative(entry.path(), PRESTO_SQL_TEST_DIR).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string readFile(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

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
  explicit FileRunner(std::string relativePath) : relativePath_(std::move(relativePath)) {}

  void run() {
    std::vector<SqlTestRecord> records;
    try {
      records = parseSqlTestFile(relativePath_, readFile(fs::path(PRESTO_SQL_TEST_DIR) / relativePath_));
    } catch (const std::exception& error) {
      FAIL() << "malformed test file: " << error.what();
    }
    auto runner = std::make_shared<engine::LocalQueryRunner>();
    int32_t skipped = 0;
    for (const auto& record : records) {
      if (record.skipReason) {
        ++skipped;
        std::cout << "[  SKIP    ] " << location(record) << ": " << *record.skipReason << "\n";
        continue;
      }
      runRecord(runner, record);
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

  void runRecord(const std::shared_ptr<engine::LocalQueryRunner>& runner, const SqlTestRecord& record) {
    engine::StatementResult result;
    try {
      auto future = startStatement(runner, record.sql);
      if (future.wait_for(statementTimeout()) != std::future_status::ready) {
        fail(record, fmt::format("timed out after {}s", statementTimeout().count()));
        return;
      }
      result = future.get();
    } catch (const PrestoException& error) {
      checkError(record, error.errorCode().name, error.what(), error.rawMessage());
      return;
    } catch (const std::exception& error) {
      checkError(record, "(not a PrestoException)", error.what(), error.what());
      return;
    }
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

  /// `message` is the full message (`line 1:8: ...`), `rawMessage` the one without the location; an
  /// expected message that does not start with `line ` is matched against the latter.
  void checkError(const SqlTestRecord& record, std::string_view name, const std::string& message,
      const std::string& rawMessage) const {
    std::string actual = fmt::format("{}: {}", name, message);
    if (record.kind != RecordKind::kStatementError) {
      fail(record, "unexpected error " + actual);
      return;
    }
    bool nameMatches = name == record.errorName;
    bool messageMatches = true;
    if (record.errorMessagePrefix) {
      const std::string& expected = *record.errorMessagePrefix;
      const std::string& candidate = expected.rfind("line ", 0) == 0 ? message : rawMessage;
      messageMatches = candidate.rfind(expected, 0) == 0;
    }
    if (!nameMatches || !messageMatches) {
      fail(record, fmt::format("expected error {}{}\nactual error   {}", record.errorName,
          record.errorMessagePrefix ? ": " + *record.errorMessagePrefix : "", actual));
    }
  }

  void checkRows(const SqlTestRecord& record, const engine::StatementResult& result) const {
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
    std::vector<std::string> actual;
    try {
      actual = renderRows(result);
    } catch (const std::exception& error) {
      fail(record, std::string("could not render the result: ") + error.what());
      return;
    }
    // Expected rows lose their trailing blanks in the file; so do the actual ones.
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
};

class SqlLogicTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SqlLogicTest, file) {
  FileRunner(GetParam()).run();
}

std::string testNameOf(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.size() - std::string_view(".test").size());
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      c = '_';
    }
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, SqlLogicTest, ::testing::ValuesIn(findTestFiles()), testNameOf);

} // namespace
} // namespace presto::sql::logic
