// The .test file parser and the canonical result text, without an engine.

#include <gtest/gtest.h>

#include "ResultText.h"
#include "SqlTestFile.h"

namespace presto::sql::logic {
namespace {

TEST(SqlTestFileTest, parsesEveryRecordKind) {
  auto records = parseSqlTestFile("x.test",
      "# comment\n"
      "statement ok\n"
      "CREATE TABLE t (a bigint)\n"
      "\n"
      "statement count 2\n"
      "INSERT INTO t VALUES 1, 2;\n"
      "\n"
      "# skip: not yet\n"
      "query rowsort colnames types\n"
      "SELECT a\n"
      "FROM t\n"
      "----\n"
      "a\n"
      "bigint\n"
      "1  \n"
      "2\n"
      "\n"
      "query\n"
      "SELECT 1 WHERE false\n"
      "----\n"
      "\n"
      "statement error SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved\n"
      "SELECT x\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].kind, RecordKind::kStatementOk);
  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[1].kind, RecordKind::kStatementCount);
  EXPECT_EQ(records[1].expectedCount, 2);
  EXPECT_EQ(records[1].sql, "INSERT INTO t VALUES 1, 2");
  EXPECT_EQ(records[2].kind, RecordKind::kQuery);
  EXPECT_EQ(records[2].sql, "SELECT a\nFROM t");
  EXPECT_TRUE(records[2].rowSort);
  EXPECT_EQ(records[2].expectedColumnNames, "a");
  EXPECT_EQ(records[2].expectedColumnTypes, "bigint");
  EXPECT_EQ(records[2].expectedRows, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(records[2].skipReason, "not yet");
  EXPECT_TRUE(records[3].expectedRows.empty());
  EXPECT_FALSE(records[3].skipReason.has_value());
  EXPECT_EQ(records[4].kind, RecordKind::kStatementError);
  EXPECT_EQ(records[4].errorName, "SYNTAX_ERROR");
  EXPECT_EQ(records[4].errorMessagePrefix, "line 1:8: Column 'x' cannot be resolved");
}

TEST(SqlTestFileTest, readsSkipDirectivesPerMode) {
  auto records = parseSqlTestFile("x.test",
      "# skip cluster: reads this node's local state\n"
      "query\n"
      "SELECT 1\n"
      "----\n"
      "1\n"
      "\n"
      "# skip: not yet\n"
      "# skip cluster: neither here\n"
      "statement ok\n"
      "SELECT 2\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].skipReason.has_value());
  EXPECT_EQ(records[0].clusterSkipReason, "reads this node's local state");
  EXPECT_EQ(records[1].skipReason, "not yet");
  EXPECT_EQ(records[1].clusterSkipReason, "neither here");
  EXPECT_THROW(parseSqlTestFile("x.test", "# skip cluster:\nstatement ok\nSELECT 1\n"), std::runtime_error);
}

TEST(SqlTestFileTest, reportsMalformedRecordsWithTheirLine) {
  EXPECT_THROW(parseSqlTestFile("x.test", "query\nSELECT 1\n"), std::runtime_error);
  EXPECT_THROW(parseSqlTestFile("x.test", "statement maybe\nSELECT 1\n"), std::runtime_error);
  EXPECT_THROW(parseSqlTestFile("x.test", "query sorted\nSELECT 1\n----\n1\n"), std::runtime_error);
  try {
    parseSqlTestFile("x.test", "\n\nSELECT 1\n");
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()).rfind("x.test:3:", 0), 0u) << error.what();
  }
}

TEST(SqlTestFileTest, rendersValuesCanonically) {
  EXPECT_EQ(renderValue(*DOUBLE(), Value(1.0)), "1");
  EXPECT_EQ(renderValue(*DOUBLE(), Value(1.0 / 3)), "0.333333333333");
  EXPECT_EQ(renderValue(*DOUBLE(), Value(-0.0)), "0");
  EXPECT_EQ(renderValue(*VARCHAR(), Value("")), "(empty)");
  EXPECT_EQ(renderValue(*BIGINT(), Value()), "NULL");
  EXPECT_EQ(renderValue(*ARRAY(DOUBLE()), Value::array({Value(2.5), Value()})), "[2.5, NULL]");
}

TEST(SqlTestFileTest, canonicalizesExpectedDoubles) {
  std::vector<TypePtr> types{BIGINT(), DOUBLE()};
  EXPECT_EQ(canonicalExpectedRow(types, "1|1.0E0"), "1|1");
  EXPECT_EQ(canonicalExpectedRow(types, "1|0.3333333333333333"), "1|0.333333333333");
  EXPECT_EQ(canonicalExpectedRow(types, "1|NULL"), "1|NULL");
  EXPECT_EQ(canonicalExpectedRow(types, "1|2|3"), "1|2|3");
}

} // namespace
} // namespace presto::sql::logic
