#include <gtest/gtest.h>

#include "../planner/PlannerTestEnvironment.h"

namespace presto::sql::test {
namespace {

/// A statement and the exact error (code name and `line L:C: message`) analyzing it must raise.
/// Locations are those of the AST node the error is about (a binary expression starts at its
/// left operand and a set operation at its first query, as our parser records them).
struct ErrorCase {
  std::string sql;
  std::string code;
  std::string message;
};

const std::vector<ErrorCase>& errorCases() {
  static const std::vector<ErrorCase> kCases{
      // Names.
      {"SELECT x FROM nation", "SYNTAX_ERROR", "line 1:8: Column 'x' cannot be resolved"},
      {"SELECT n.x FROM nation n", "SYNTAX_ERROR", "line 1:8: Column 'n.x' cannot be resolved"},
      {"SELECT nation.n_name FROM nation n", "SYNTAX_ERROR", "line 1:8: Column 'nation.n_name' cannot be resolved"},
      {"SELECT n_name FROM nation a, nation b", "SYNTAX_ERROR", "line 1:8: Column 'n_name' is ambiguous"},
      {"SELECT n_name FROM nation n JOIN nation m ON n.n_nationkey = m.n_nationkey", "SYNTAX_ERROR",
          "line 1:8: Column 'n_name' is ambiguous"},
      {"SELECT n_nationkey FROM nation WHERE EXISTS (SELECT x FROM region)", "SYNTAX_ERROR",
          "line 1:53: Column 'x' cannot be resolved"},
      {"SELECT n_name.x FROM nation", "SYNTAX_ERROR", "line 1:8: Expression n_name is not of type ROW"},
      {"SELECT x.* FROM nation", "SYNTAX_ERROR", "line 1:8: Unable to resolve reference x"},
      {"SELECT *", "SYNTAX_ERROR", "line 1:8: SELECT * not allowed in queries without FROM clause"},
      {"SELECT a FROM (SELECT 1 AS b) t", "SYNTAX_ERROR", "line 1:8: Column 'a' cannot be resolved"},
      {"SELECT t.b FROM (SELECT 1 AS b) u", "SYNTAX_ERROR", "line 1:8: Column 't.b' cannot be resolved"},
      {"SELECT r_name FROM nation", "SYNTAX_ERROR", "line 1:8: Column 'r_name' cannot be resolved"},
      // Tables, schemas, catalogs.
      {"SELECT * FROM foo", "SYNTAX_ERROR", "line 1:15: Table 'tpch.tiny.foo' does not exist"},
      {"SELECT * FROM bar.foo", "SYNTAX_ERROR", "line 1:15: Schema 'bar' does not exist"},
      {"SELECT * FROM nope.tiny.foo", "SYNTAX_ERROR", "line 1:15: Catalog 'nope' does not exist"},
      {"SELECT * FROM a.b.c.d", "SYNTAX_ERROR", "line 1:15: Too many dots in table name: a.b.c.d"},
      {"SELECT * FROM tpch.information_schema.foo", "SYNTAX_ERROR",
          "line 1:15: Table 'tpch.information_schema.foo' does not exist"},
      {"SHOW TABLES FROM nope", "SYNTAX_ERROR", "line 1:18: Schema 'nope' does not exist"},
      {"SHOW SCHEMAS FROM nope", "SYNTAX_ERROR", "line 1:19: Catalog 'nope' does not exist"},
      {"DESCRIBE foo", "SYNTAX_ERROR", "line 1:10: Table 'tpch.tiny.foo' does not exist"},
      {"SHOW COLUMNS FROM tiny.foo", "SYNTAX_ERROR", "line 1:19: Table 'tpch.tiny.foo' does not exist"},
      // Types of operators.
      {"SELECT n_nationkey = 'abc' FROM nation", "SYNTAX_ERROR", "line 1:20: '=' cannot be applied to bigint, varchar(3)"},
      {"SELECT n_name < 1 FROM nation", "SYNTAX_ERROR", "line 1:15: '<' cannot be applied to varchar(25), integer"},
      {"SELECT n_name + 1 FROM nation", "SYNTAX_ERROR", "line 1:15: '+' cannot be applied to varchar(25), integer"},
      {"SELECT - 'a'", "SYNTAX_ERROR", "line 1:8: '-' cannot be applied to varchar(1)"},
      {"SELECT n_name BETWEEN 1 AND 2 FROM nation", "SYNTAX_ERROR",
          "line 1:8: Cannot check if varchar(25) is BETWEEN integer and integer"},
      {"SELECT n_nationkey IN ('a', 'b') FROM nation", "SYNTAX_ERROR",
          "line 1:8: IN value and list items must be the same type: bigint, varchar(1), varchar(1)"},
      {"SELECT n_name FROM nation WHERE n_nationkey IN (SELECT r_name FROM region)", "SYNTAX_ERROR",
          "line 1:33: 'IN' cannot be applied to bigint, varchar(25)"},
      {"SELECT n_name FROM nation WHERE n_nationkey > ALL (SELECT r_name FROM region)", "SYNTAX_ERROR",
          "line 1:33: '>' cannot be applied to bigint, varchar(25)"},
      {"SELECT 1 AND true", "SYNTAX_ERROR", "line 1:8: Left side of logical expression must evaluate to a boolean (actual: integer)"},
      {"SELECT true OR 'x'", "SYNTAX_ERROR", "line 1:16: Right side of logical expression must evaluate to a boolean (actual: varchar(1))"},
      {"SELECT NOT 1", "SYNTAX_ERROR", "line 1:12: Value of logical NOT expression must evaluate to a boolean (actual: integer)"},
      {"SELECT 1 LIKE 'a'", "SYNTAX_ERROR", "line 1:8: Left side of LIKE expression must evaluate to a varchar (actual: integer)"},
      {"SELECT 'a' LIKE 1", "SYNTAX_ERROR", "line 1:17: Pattern for LIKE expression must evaluate to a varchar (actual: integer)"},
      {"SELECT CASE WHEN 1 THEN 2 END", "SYNTAX_ERROR", "line 1:18: WHEN clause must evaluate to a boolean: actual type integer"},
      {"SELECT CASE WHEN true THEN 1 ELSE 'a' END", "SYNTAX_ERROR",
          "line 1:8: All CASE results must be the same type: integer, varchar(1)"},
      {"SELECT CASE 1 WHEN 'a' THEN 1 END", "SYNTAX_ERROR",
          "line 1:8: CASE operand type does not match WHEN clause operand type: integer, varchar(1)"},
      {"SELECT coalesce(1, 'a')", "SYNTAX_ERROR", "line 1:8: All COALESCE operands must be the same type: integer, varchar(1)"},
      {"SELECT IF(1, 2, 3)", "SYNTAX_ERROR", "line 1:11: IF condition must evaluate to a boolean: actual type integer"},
      {"SELECT IF(true, 1, 'a')", "SYNTAX_ERROR", "line 1:8: Result types for IF must be the same: integer, varchar(1)"},
      {"SELECT nullif(1, 'a')", "SYNTAX_ERROR", "line 1:8: Types are not comparable with NULLIF: integer vs varchar(1)"},
      {"SELECT ARRAY[1, 'a']", "SYNTAX_ERROR", "line 1:8: All ARRAY elements must be the same type: integer, varchar(1)"},
      {"SELECT CAST(1 AS foo)", "SYNTAX_ERROR", "line 1:8: Unknown type: foo"},
      {"SELECT DATE 'abc'", "SYNTAX_ERROR", "line 1:8: 'abc' is not a valid date literal"},
      {"SELECT ROW(1, 2)[3]", "SYNTAX_ERROR", "line 1:18: Invalid subscript index: 3, ROW type has 2 fields"},
      // Clauses that must be boolean.
      {"SELECT * FROM nation WHERE n_nationkey", "SYNTAX_ERROR", "line 1:28: WHERE clause must evaluate to a boolean: actual type bigint"},
      {"SELECT count(*) FROM nation HAVING count(*)", "SYNTAX_ERROR",
          "line 1:36: HAVING clause must evaluate to a boolean: actual type bigint"},
      {"SELECT * FROM nation n JOIN region r ON n.n_regionkey", "SYNTAX_ERROR",
          "line 1:41: JOIN ON clause must evaluate to a boolean: actual type bigint"},
      {"SELECT count(*) FILTER (WHERE 1) FROM nation", "SYNTAX_ERROR",
          "line 1:31: Filter expression must evaluate to a boolean: actual type integer"},
      // Aggregation rules.
      {"SELECT n_name, count(*) FROM nation", "SYNTAX_ERROR",
          "line 1:8: 'n_name' must be an aggregate expression or appear in GROUP BY clause"},
      {"SELECT n_name FROM nation GROUP BY n_regionkey", "SYNTAX_ERROR",
          "line 1:8: 'n_name' must be an aggregate expression or appear in GROUP BY clause"},
      {"SELECT n_nationkey + 1 FROM nation GROUP BY n_regionkey", "SYNTAX_ERROR",
          "line 1:20: '(n_nationkey + 1)' must be an aggregate expression or appear in GROUP BY clause"},
      {"SELECT n_name FROM nation ORDER BY sum(n_nationkey)", "SYNTAX_ERROR",
          "line 1:8: 'n_name' must be an aggregate expression or appear in GROUP BY clause"},
      {"SELECT count(*) FROM nation ORDER BY n_name", "SYNTAX_ERROR",
          "line 1:38: 'n_name' must be an aggregate expression or appear in GROUP BY clause"},
      {"SELECT * FROM nation GROUP BY n_name", "SYNTAX_ERROR",
          "line 1:8: 'n_nationkey' must be an aggregate expression or appear in GROUP BY clause"},
      {"SELECT sum(sum(n_nationkey)) FROM nation", "SYNTAX_ERROR",
          "line 1:12: Cannot nest aggregations inside aggregation 'sum': [sum(n_nationkey)]"},
      {"SELECT * FROM nation WHERE sum(n_nationkey) > 1", "SYNTAX_ERROR",
          "line 1:28: WHERE clause cannot contain aggregations or window functions: [sum(n_nationkey)]"},
      {"SELECT count(*) FROM nation GROUP BY sum(n_nationkey)", "SYNTAX_ERROR",
          "line 1:38: GROUP BY clause cannot contain aggregations or window functions: [sum(n_nationkey)]"},
      {"SELECT * FROM nation n JOIN region r ON count(*) > 1", "SYNTAX_ERROR",
          "line 1:41: JOIN clause cannot contain aggregations or window functions: [count(*)]"},
      {"SELECT n_name FROM nation GROUP BY 2", "SYNTAX_ERROR", "line 1:36: GROUP BY position 2 is not in select list"},
      {"SELECT grouping(n_nationkey) FROM nation GROUP BY n_name", "SYNTAX_ERROR",
          "line 1:17: The arguments to GROUPING() must be expressions referenced by the GROUP BY at the associated query "
          "level. Mismatch due to n_nationkey."},
      // Non-aggregate functions with aggregate syntax.
      {"SELECT abs(DISTINCT 1)", "SYNTAX_ERROR", "line 1:8: DISTINCT is not supported for non-aggregation functions"},
      // ORDER BY, DISTINCT, LIMIT.
      {"SELECT * FROM nation ORDER BY 5", "SYNTAX_ERROR", "line 1:31: ORDER BY position 5 is not in select list"},
      {"SELECT DISTINCT n_name FROM nation ORDER BY n_nationkey", "SYNTAX_ERROR",
          "line 1:45: For SELECT DISTINCT, ORDER BY expressions must appear in select list"},
      {"SELECT 1 UNION SELECT 2 ORDER BY 2", "SYNTAX_ERROR", "line 1:34: ORDER BY position 2 is not in select list"},
      // Set operations.
      {"SELECT 1 UNION SELECT 1, 2", "SYNTAX_ERROR", "line 1:1: UNION query has different number of fields: 1, 2"},
      {"SELECT 'a' UNION SELECT 1", "SYNTAX_ERROR", "line 1:1: column 1 in UNION query has incompatible types: varchar(1), integer"},
      {"SELECT n_nationkey FROM nation EXCEPT SELECT n_name FROM nation", "SYNTAX_ERROR",
          "line 1:1: column 1 in EXCEPT query has incompatible types: bigint, varchar(25)"},
      // Relations.
      {"SELECT * FROM (SELECT 1, 2) AS t(a)", "SYNTAX_ERROR", "line 1:15: Column alias list has 1 entries but 't' has 2 columns available"},
      {"SELECT * FROM nation JOIN region USING (x)", "SYNTAX_ERROR", "line 1:41: Column 'x' is missing from left side of join"},
      {"SELECT * FROM nation JOIN region USING (n_name)", "SYNTAX_ERROR",
          "line 1:41: Column 'n_name' is missing from right side of join"},
      {"SELECT * FROM (VALUES (1, 2), (3)) t", "SYNTAX_ERROR", "line 1:32: Values rows have mismatched sizes: 2 vs 1"},
      {"SELECT * FROM (VALUES 1, 'a') t", "SYNTAX_ERROR", "line 1:16: Values rows have mismatched types: integer vs varchar(1)"},
      // Subqueries.
      {"SELECT (SELECT n_nationkey, n_name FROM nation)", "SYNTAX_ERROR",
          "line 1:8: Multiple columns returned by subquery are not yet supported. Found 2"},
      {"SELECT * FROM nation WHERE n_nationkey = (SELECT 1, 2)", "SYNTAX_ERROR",
          "line 1:42: Multiple columns returned by subquery are not yet supported. Found 2"},
      // WITH.
      {"WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a", "SYNTAX_ERROR",
          "line 1:23: WITH query name 'a' specified more than once"},
      {"WITH a(x, y) AS (SELECT 1) SELECT * FROM a", "SYNTAX_ERROR",
          "line 1:6: WITH column alias list has 2 entries but WITH query(a) has 1 columns"},
      // Parameters.
      {"SELECT ?", "SYNTAX_ERROR", "line 1:8: Query takes no parameters"},
      // Functions keep their own error codes.
      {"SELECT foo(1)", "FUNCTION_NOT_FOUND", "line 1:8: Function foo not registered"},
      {"SELECT * FROM nation TABLESAMPLE BERNOULLI (10)", "NOT_SUPPORTED", "line 1:15: TABLESAMPLE is not supported yet"},
      {"SELECT x -> x + 1", "NOT_SUPPORTED", "line 1:8: Lambda expressions are only allowed as function arguments"},
      // Writes.
      {"INSERT INTO nation SELECT 1", "SYNTAX_ERROR",
          "line 1:20: Insert query has mismatched column types: Table: [bigint, varchar(25), bigint, varchar(152)], Query: "
          "[integer]"},
      {"INSERT INTO nation (foo) SELECT 1", "SYNTAX_ERROR", "line 1:21: Insert column name does not exist in target table: foo"},
      {"CREATE TABLE nation AS SELECT 1 AS x", "ALREADY_EXISTS", "line 1:14: Destination table 'tpch.tiny.nation' already exists"},
  };
  return kCases;
}

class AnalyzerErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(AnalyzerErrorTest, reportsErrorWithLocation) {
  PlannerTestEnvironment environment;
  const auto& testCase = GetParam();
  try {
    environment.planner().plan(testCase.sql);
    FAIL() << "no error for: " << testCase.sql;
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.what(), testCase.message) << testCase.sql;
    EXPECT_EQ(error.errorCode().name, testCase.code) << testCase.sql;
  }
}

INSTANTIATE_TEST_SUITE_P(Errors, AnalyzerErrorTest, testing::ValuesIn(errorCases()),
    [](const testing::TestParamInfo<ErrorCase>& info) { return "case" + std::to_string(info.index); });

TEST(AnalyzerSessionErrorTest, missingSessionDefaults) {
  PlannerTestEnvironment environment;
  environment.session().setCatalog(std::nullopt);
  EXPECT_EQ(errorOf([&] { environment.planner().plan("SELECT * FROM tiny.nation"); }),
      "line 1:15: Catalog must be specified when session catalog is not set");
  environment.session().setSchema(std::nullopt);
  EXPECT_EQ(errorOf([&] { environment.planner().plan("SELECT * FROM nation"); }),
      "line 1:15: Schema must be specified when session schema is not set");
  EXPECT_EQ(errorOf([&] { environment.planner().plan("SHOW SCHEMAS"); }),
      "line 1:1: Catalog must be specified when session catalog is not set");
  EXPECT_EQ(errorOf([&] { environment.planner().plan("SELECT count(*) FROM tpch.tiny.nation"); }), "no error");
}

TEST(AnalyzerSessionErrorTest, wrongArgumentTypesListCandidates) {
  PlannerTestEnvironment environment;
  auto message = errorOf([&] { environment.planner().plan("SELECT abs('x')"); });
  EXPECT_EQ(message.rfind("line 1:8: Unexpected parameters (varchar(1)) for function abs. Expected:", 0), 0u) << message;
  EXPECT_NE(message.find(" * abs("), std::string::npos) << message;
}

} // namespace
} // namespace presto::sql::test
