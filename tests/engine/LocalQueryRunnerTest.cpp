#include <gtest/gtest.h>

#include "ResultText.h"
#include "common/PrestoException.h"

namespace presto::engine::test {
namespace {

class LocalQueryRunnerTest : public ::testing::Test {
 protected:
  std::vector<std::string> rows(const std::string& sql) { return resultRows(runner_.execute(sql)); }

  /// `NAME: message` of the error `sql` raises.
  std::string error(const std::string& sql) {
    try {
      runner_.execute(sql);
    } catch (const PrestoException& error) {
      return std::string(error.errorCode().name) + ": " + error.what();
    }
    return "no error";
  }

  LocalQueryRunner runner_;
};

TEST_F(LocalQueryRunnerTest, scansFiltersAndAggregatesTpch) {
  EXPECT_EQ(rows("SELECT count(*) FROM nation"), std::vector<std::string>{"25"});
  EXPECT_EQ(rows("SELECT n_name FROM tpch.tiny.nation WHERE n_nationkey = 7"), std::vector<std::string>{"GERMANY"});
  EXPECT_EQ(rows("SELECT r_regionkey, count(*) FROM nation JOIN region ON n_regionkey = r_regionkey "
                 "GROUP BY r_regionkey ORDER BY r_regionkey"),
      (std::vector<std::string>{"0|5", "1|5", "2|5", "3|5", "4|5"}));
  EXPECT_EQ(rows("SELECT count(*), sum(o_totalprice) FROM orders"), std::vector<std::string>{"15000|2127396830.02"});
}

TEST_F(LocalQueryRunnerTest, valuesAndExpressions) {
  EXPECT_EQ(rows("SELECT 1 + 2, 'a' || 'b'"), std::vector<std::string>{"3|ab"});
  EXPECT_EQ(rows("SELECT x * 2 FROM (VALUES 1, 2, 3) t(x) ORDER BY 1 DESC"), (std::vector<std::string>{"6", "4", "2"}));
  EXPECT_EQ(rows("SELECT x FROM (VALUES 1, 2) t(x) UNION ALL SELECT 5 ORDER BY 1"),
      (std::vector<std::string>{"1", "2", "5"}));
}

TEST_F(LocalQueryRunnerTest, memoryTablesTakeDdlAndInserts) {
  EXPECT_EQ(rows("CREATE TABLE memory.default.t (a bigint, b varchar)"), std::vector<std::string>{"true"});
  auto insert = runner_.execute("INSERT INTO memory.default.t VALUES (1, 'x'), (2, NULL)");
  EXPECT_EQ(insert.updateType, "INSERT");
  EXPECT_EQ(insert.updateCount, 2);
  EXPECT_EQ(rows("SELECT a, b FROM memory.default.t ORDER BY a"), (std::vector<std::string>{"1|x", "2|NULL"}));
  auto created = runner_.execute("CREATE TABLE memory.default.u AS SELECT n_name FROM nation WHERE n_regionkey = 0");
  EXPECT_EQ(created.updateCount, 5);
  EXPECT_EQ(rows("SELECT count(*) FROM memory.default.u"), std::vector<std::string>{"5"});
  EXPECT_EQ(error("CREATE TABLE memory.default.t (c bigint)"),
      "ALREADY_EXISTS: line 1:14: Table 'memory.default.t' already exists");
  EXPECT_EQ(rows("DROP TABLE memory.default.t"), std::vector<std::string>{"true"});
  EXPECT_EQ(error("SELECT * FROM memory.default.t"), "SYNTAX_ERROR: line 1:15: Table 'memory.default.t' does not exist");
}

TEST_F(LocalQueryRunnerTest, viewsStoreTheirQuery) {
  runner_.execute("CREATE TABLE memory.default.base (a bigint)");
  runner_.execute("INSERT INTO memory.default.base VALUES 1, 2, 3");
  EXPECT_EQ(rows("CREATE VIEW memory.default.v AS SELECT a * 10 AS b FROM memory.default.base WHERE a > 1"),
      std::vector<std::string>{"true"});
  EXPECT_EQ(rows("SELECT b FROM memory.default.v ORDER BY b"), (std::vector<std::string>{"20", "30"}));
  // A view reads the table as it is when the query runs.
  runner_.execute("INSERT INTO memory.default.base VALUES 4");
  EXPECT_EQ(rows("SELECT count(*) FROM memory.default.v"), std::vector<std::string>{"3"});
  EXPECT_EQ(error("CREATE VIEW memory.default.v AS SELECT 1 x"), "ALREADY_EXISTS: View 'default.v' already exists");
  runner_.execute("CREATE OR REPLACE VIEW memory.default.v AS SELECT 1 AS x");
  EXPECT_EQ(rows("SELECT * FROM memory.default.v"), std::vector<std::string>{"1"});
  EXPECT_EQ(error("CREATE VIEW memory.default.w AS SELECT nope FROM memory.default.base"),
      "SYNTAX_ERROR: line 1:40: Column 'nope' cannot be resolved");
  runner_.execute("DROP VIEW memory.default.v");
  EXPECT_EQ(error("DROP VIEW memory.default.v"), "NOT_FOUND: line 1:11: View 'memory.default.v' does not exist");
  EXPECT_EQ(rows("DROP VIEW IF EXISTS memory.default.v"), std::vector<std::string>{"true"});
}

TEST_F(LocalQueryRunnerTest, sessionStatementsChangeTheSession) {
  runner_.execute("USE memory.default");
  EXPECT_EQ(runner_.session().catalog(), "memory");
  EXPECT_EQ(runner_.session().schema(), "default");
  runner_.execute("SET SESSION join_distribution_type = 'BROADCAST'");
  EXPECT_EQ(runner_.session().property("join_distribution_type"), "BROADCAST");
  EXPECT_EQ(error("SET SESSION no_such_property = 1"), "INVALID_SESSION_PROPERTY: Session property no_such_property does not exist");
  runner_.execute("RESET SESSION join_distribution_type");
  EXPECT_FALSE(runner_.session().property("join_distribution_type").has_value());
  runner_.execute("PREPARE q FROM SELECT n_name FROM tpch.tiny.nation WHERE n_nationkey = ?");
  EXPECT_EQ(rows("EXECUTE q USING 3"), std::vector<std::string>{"CANADA"});
  EXPECT_EQ(error("USE nowhere.x"), "NOT_FOUND: line 1:1: Catalog does not exist: nowhere");
}

TEST_F(LocalQueryRunnerTest, showStatementsAndSystemTables) {
  EXPECT_EQ(rows("SHOW CATALOGS"), (std::vector<std::string>{"memory", "system", "tpch"}));
  EXPECT_EQ(rows("SHOW TABLES FROM tpch.tiny LIKE 'n%'"), std::vector<std::string>{"nation"});
  EXPECT_EQ(rows("SELECT count(*) FROM system.runtime.nodes"), std::vector<std::string>{"1"});
}

TEST_F(LocalQueryRunnerTest, errorsCarryCodesAndPositions) {
  EXPECT_EQ(error("SELECT 1 / 0"), "DIVISION_BY_ZERO: Division by zero");
  EXPECT_EQ(error("SELECT nope FROM nation"), "SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved");
  EXPECT_EQ(error("SELEC 1").rfind("SYNTAX_ERROR: line 1:1: mismatched input 'SELEC'", 0), 0u);
}

TEST_F(LocalQueryRunnerTest, windowFunctionsTakeConstantArguments) {
  EXPECT_EQ(rows("SELECT x, ntile(2) OVER (ORDER BY x), lag(x, 2) OVER (ORDER BY x) FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x"),
      (std::vector<std::string>{"1|1|NULL", "2|1|NULL", "3|2|1", "4|2|2"}));
  EXPECT_EQ(rows("SELECT x, lag(x, 1, 0) OVER (ORDER BY x), lead(x, 2, -1) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x"),
      (std::vector<std::string>{"1|0|3", "2|1|-1", "3|2|-1"}));
  EXPECT_EQ(error("SELECT lag(x, x) OVER (ORDER BY x) FROM (VALUES 1) t(x)"),
      "NOT_SUPPORTED: Argument 2 of window function lag must be a non-null constant");
}

TEST_F(LocalQueryRunnerTest, explainShowsEstimatedRows) {
  auto text = rows("EXPLAIN SELECT * FROM nation");
  ASSERT_EQ(text.size(), 1u);
  EXPECT_NE(text[0].find("- TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), "
                         "n_regionkey:bigint, n_comment:varchar(152)] {rows: 25}"),
      std::string::npos)
      << text[0];
}

TEST_F(LocalQueryRunnerTest, explainAnalyzeReportsOperators) {
  auto text = rows("EXPLAIN ANALYZE SELECT n_regionkey, count(*) FROM nation GROUP BY n_regionkey");
  ASSERT_EQ(text.size(), 1u);
  EXPECT_NE(text[0].find("- Aggregate[keys = [n_regionkey]]"), std::string::npos) << text[0];
  EXPECT_NE(text[0].find("TableScan["), std::string::npos) << text[0];
  EXPECT_NE(text[0].find("output 25 rows"), std::string::npos) << text[0];
  EXPECT_NE(text[0].find("peak memory"), std::string::npos) << text[0];
}

/// Collects streamed pages; with `canceled`, asks the engine to stop at once.
class CollectingListener : public StatementListener {
 public:
  explicit CollectingListener(bool canceled) : canceled_(canceled) {}
  void onColumns(const std::vector<std::string>& names, const std::vector<TypePtr>&) override { columns = names; }
  void onPage(PagePtr page) override { rows += page->numRows(); }
  bool isCanceled() const override { return canceled_; }

  std::vector<std::string> columns;
  int64_t rows = 0;

 private:
  const bool canceled_;
};

TEST_F(LocalQueryRunnerTest, listenerReceivesRowsAndCancels) {
  CollectingListener all(false);
  auto result = runner_.execute(runner_.session(), "SELECT l_orderkey FROM lineitem", "q1", &all);
  EXPECT_EQ(all.columns, std::vector<std::string>{"l_orderkey"});
  EXPECT_EQ(all.rows, 60175);
  EXPECT_TRUE(result.pages.empty());
  CollectingListener canceling(true);
  try {
    // Hours of work if it were not canceled.
    runner_.execute(runner_.session(), "SELECT count(*) FROM tpch.sf100.lineitem", "q2", &canceling);
    FAIL() << "not canceled";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, std::string("USER_CANCELED"));
  }
}

} // namespace
} // namespace presto::engine::test
