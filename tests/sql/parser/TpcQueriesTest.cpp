#include <algorithm>
#include <filesystem>
#include <sstream>

#include "RoundTrip.h"
#include "testing/TextFile.h"

namespace presto::sql {
namespace {

/// The benchmark files end with `;`, which separates statements in a script but is not part of
/// a statement, as for Presto's CLI.
std::string stripTerminator(std::string sql) {
  while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.back()))) {
    sql.pop_back();
  }
  if (!sql.empty() && sql.back() == ';') {
    sql.pop_back();
  }
  return sql;
}

std::vector<std::filesystem::path> queryFiles(const std::string& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".sql") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void checkDirectory(const std::string& directory, size_t expectedCount) {
  std::vector<std::filesystem::path> files = queryFiles(directory);
  ASSERT_EQ(files.size(), expectedCount) << directory;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    std::string sql = stripTerminator(presto::test::readTextFile(file));
    try {
      StatementPtr statement = parseStatement(sql);
      EXPECT_TRUE(statement->is<Query>());
      checkRoundTrip(sql);
    } catch (const PrestoException& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

TEST(TpcQueriesTest, allTpchQueriesParseAndRoundTrip) {
  checkDirectory(std::string(PRESTO_SHARED_DIR) + "/tpch/queries", 22);
}

TEST(TpcQueriesTest, allTpcdsQueriesParseAndRoundTrip) {
  checkDirectory(std::string(PRESTO_SHARED_DIR) + "/tpcds/queries", 103);
}

void checkSchemaScript(const std::string& path, size_t expectedTables) {
  std::string script = presto::test::readTextFile(path);
  size_t tables = 0;
  size_t start = 0;
  while (start < script.size()) {
    size_t end = script.find(';', start);
    if (end == std::string::npos) {
      end = script.size();
    }
    std::string sql = script.substr(start, end - start);
    start = end + 1;
    // Skip pieces that hold only comments and whitespace.
    std::string withoutComments;
    std::istringstream lines(sql);
    for (std::string line; std::getline(lines, line);) {
      withoutComments += line.substr(0, line.find("--"));
    }
    if (std::all_of(withoutComments.begin(), withoutComments.end(), [](unsigned char c) {
          return std::isspace(c);
        })) {
      continue;
    }
    SCOPED_TRACE(sql);
    try {
      StatementPtr statement = parseStatement(sql);
      EXPECT_TRUE(statement->is<CreateTable>());
      checkRoundTrip(sql);
      ++tables;
    } catch (const PrestoException& e) {
      ADD_FAILURE() << e.what();
    }
  }
  EXPECT_EQ(tables, expectedTables);
}

TEST(TpcQueriesTest, schemaScriptsParse) {
  checkSchemaScript(std::string(PRESTO_SHARED_DIR) + "/tpch/schema.sql", 8);
  checkSchemaScript(std::string(PRESTO_SHARED_DIR) + "/tpcds/schema.sql", 25);
}

} // namespace
} // namespace presto::sql
