#include <gtest/gtest.h>

#include "PlannerTestEnvironment.h"

namespace presto::sql::test {
namespace {

/// EXPLAIN (TYPE LOGICAL) text of small queries: the node kinds the logical planner produces for
/// joins, subqueries, grouping sets, windows and set operations, with their symbols and types.
/// Projections not yet pruned and TableScans reading every column are expected: pruning is the
/// optimizer's job.
class PlanShapeTest : public testing::Test {
 protected:
  std::string explain(const std::string& sql) { return environment_.explain(sql); }

  PlannerTestEnvironment environment_;
};

TEST_F(PlanShapeTest, filterAndProject) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE r_regionkey = 1"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - Filter[filter = (r_regionkey = bigint '1')] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, innerJoinWithEquiCriteria) {
  EXPECT_EQ(explain("SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey"),
      "- Output[n_name, r_name] => [n_name:varchar(25), r_name:varchar(25)]\n"
      "    - Project => [n_name:varchar(25), r_name:varchar(25)]\n"
      "        - InnerJoin[(n_regionkey = r_regionkey)] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152), r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "            - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, fullJoinUsingCoalescesKey) {
  EXPECT_EQ(explain("SELECT * FROM (SELECT r_regionkey AS k FROM region) a FULL JOIN (SELECT n_regionkey AS k FROM nation) b USING (k)"),
      "- Output[k] => [k:bigint]\n"
      "    - Project => [k:bigint]\n"
      "        - Project => [r_regionkey:bigint, n_regionkey:bigint, k:bigint]\n"
      "                k := COALESCE(r_regionkey, n_regionkey)\n"
      "            - FullJoin[(r_regionkey = n_regionkey)] => [r_regionkey:bigint, n_regionkey:bigint]\n"
      "                - Project => [r_regionkey:bigint]\n"
      "                    - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "                - Project => [n_regionkey:bigint]\n"
      "                    - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, uncorrelatedInBecomesSemiJoin) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE r_regionkey IN (SELECT n_regionkey FROM nation)"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - Filter[filter = expr] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152), expr:boolean]\n"
      "            - SemiJoin[expr := r_regionkey IN n_regionkey] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152), expr:boolean]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "                - Project => [n_regionkey:bigint]\n"
      "                    - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, correlatedExistsBecomesApply) {
  EXPECT_EQ(explain("SELECT r_name FROM region r WHERE EXISTS (SELECT 1 FROM nation n WHERE n.n_regionkey = r.r_regionkey)"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - Filter[filter = exists] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152), exists:boolean]\n"
      "            - Apply[correlation = [r_regionkey]] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152), exists:boolean]\n"
      "                    exists := EXISTS\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "                - Project => [expr:integer]\n"
      "                        expr := 1\n"
      "                    - Filter[filter = (n_regionkey = r_regionkey)] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n"
      "                        - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, scalarSubqueryJoinsSingleRow) {
  EXPECT_EQ(explain("SELECT r_name, (SELECT count(*) FROM nation) FROM region"),
      "- Output[r_name, _col1] => [r_name:varchar(25), count:bigint]\n"
      "        _col1 := count\n"
      "    - Project => [r_name:varchar(25), count:bigint]\n"
      "        - CrossJoin => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152), count:bigint]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "            - EnforceSingleRow => [count:bigint]\n"
      "                - Project => [count:bigint]\n"
      "                    - Aggregate[keys = []] => [count:bigint]\n"
      "                            count := count()\n"
      "                        - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, rollupUsesGroupId) {
  EXPECT_EQ(explain("SELECT n_regionkey, count(*) FROM nation GROUP BY ROLLUP (n_regionkey)"),
      "- Output[n_regionkey, _col1] => [n_regionkey_1:bigint, count:bigint]\n"
      "        n_regionkey := n_regionkey_1\n"
      "        _col1 := count\n"
      "    - Project => [n_regionkey_1:bigint, count:bigint]\n"
      "        - Aggregate[keys = [n_regionkey_1, groupid], groupingSets = 2] => [n_regionkey_1:bigint, groupid:bigint, count:bigint]\n"
      "                count := count()\n"
      "            - GroupId[[[n_regionkey_1], []]] => [n_regionkey_1:bigint, groupid:bigint]\n"
      "                    n_regionkey_1 := n_regionkey\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, aggregateWindowFunction) {
  EXPECT_EQ(explain("SELECT n_name, sum(n_nationkey) OVER (PARTITION BY n_regionkey) FROM nation"),
      "- Output[n_name, _col1] => [n_name:varchar(25), sum:bigint]\n"
      "        _col1 := sum\n"
      "    - Project => [n_name:varchar(25), sum:bigint]\n"
      "        - Window[partitionBy = [n_regionkey]] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152), sum:bigint]\n"
      "                sum := sum(n_nationkey) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW\n"
      "            - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, unionDistinctAggregatesUnionAll) {
  EXPECT_EQ(explain("SELECT r_regionkey FROM region UNION SELECT n_nationkey FROM nation"),
      "- Output[r_regionkey] => [r_regionkey_1:bigint]\n"
      "        r_regionkey := r_regionkey_1\n"
      "    - Aggregate[keys = [r_regionkey_1]] => [r_regionkey_1:bigint]\n"
      "        - Union => [r_regionkey_1:bigint]\n"
      "                r_regionkey_1 := r_regionkey, n_nationkey\n"
      "            - Project => [r_regionkey:bigint]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "            - Project => [n_nationkey:bigint]\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, intersect) {
  EXPECT_EQ(explain("SELECT r_regionkey FROM region INTERSECT SELECT n_regionkey FROM nation"),
      "- Output[r_regionkey] => [r_regionkey_1:bigint]\n"
      "        r_regionkey := r_regionkey_1\n"
      "    - Intersect => [r_regionkey_1:bigint]\n"
      "            r_regionkey_1 := r_regionkey, n_regionkey\n"
      "        - Project => [r_regionkey:bigint]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25), r_comment:varchar(152)]\n"
      "        - Project => [n_regionkey:bigint]\n"
      "            - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, distinctWithOrderByAndLimit) {
  EXPECT_EQ(explain("SELECT DISTINCT n_regionkey FROM nation ORDER BY 1 LIMIT 3"),
      "- Output[n_regionkey] => [n_regionkey:bigint]\n"
      "    - TopN[count = 3, orderBy = [n_regionkey ASC NULLS LAST]] => [n_regionkey:bigint]\n"
      "        - Aggregate[keys = [n_regionkey]] => [n_regionkey:bigint]\n"
      "            - Project => [n_regionkey:bigint]\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, n_comment:varchar(152)]\n");
}

TEST_F(PlanShapeTest, valuesCoerceColumns) {
  EXPECT_EQ(explain("VALUES (1, 'a'), (2, 'bc')"),
      "- Output[_col0, _col1] => [field:integer, field_1:varchar(2)]\n"
      "        _col0 := field\n"
      "        _col1 := field_1\n"
      "    - Values[2 rows] => [field:integer, field_1:varchar(2)]\n"
      "            (1, CAST('a' AS varchar(2)))\n"
      "            (2, 'bc')\n");
}

TEST_F(PlanShapeTest, unnestArray) {
  EXPECT_EQ(explain("SELECT x FROM UNNEST(ARRAY[1, 2]) AS t(x)"),
      "- Output[x] => [field:integer]\n"
      "        x := field\n"
      "    - Project => [field:integer]\n"
      "        - Unnest[replicate = [], unnest -> [field]] => [field:integer]\n"
      "            - Project => [unnest:array(integer)]\n"
      "                    unnest := ARRAY[1, 2]\n"
      "                - Values[1 rows] => []\n"
      "                        ()\n");
}

TEST_F(PlanShapeTest, insertCoercesAndWritesThroughTableCommit) {
  auto connector = environment_.catalogs().requireConnector("memory");
  connector->metadata().createTable({{"default", "t"}, {{.name = "a", .type = BIGINT()}, {.name = "b", .type = VARCHAR()}}, {}}, false);
  EXPECT_EQ(explain("INSERT INTO memory.default.t (a) SELECT 1"),
      "- Output[rows] => [rows_1:bigint]\n"
      "        rows := rows_1\n"
      "    - TableCommit[target = memory.default.t] => [rows_1:bigint]\n"
      "        - TableWriter[target = memory.default.t] => [rows:bigint, fragment:varbinary]\n"
      "                a := expr_1\n"
      "                b := expr_2\n"
      "            - Project => [expr_1:bigint, expr_2:varchar]\n"
      "                - Project => [expr:integer, expr_1:bigint, expr_2:varchar]\n"
      "                        expr_1 := CAST(expr AS bigint)\n"
      "                        expr_2 := CAST(NULL AS varchar)\n"
      "                    - Project => [expr:integer]\n"
      "                            expr := 1\n"
      "                        - Values[1 rows] => []\n"
      "                                ()\n");
}

TEST_F(PlanShapeTest, showStatementsPlanOverInformationSchema) {
  auto plan = environment_.explain("SHOW TABLES");
  EXPECT_NE(plan.find("TableScan[table = tpch.information_schema.tables]"), std::string::npos) << plan;
  EXPECT_EQ(plan.rfind("- Output[Table] => [table_name:varchar]", 0), 0u) << plan;
  plan = environment_.explain("DESCRIBE nation");
  EXPECT_EQ(plan.rfind("- Output[Column, Type, Extra, Comment]", 0), 0u) << plan;
  plan = environment_.explain("SHOW CATALOGS");
  EXPECT_NE(plan.find("('memory')"), std::string::npos) << plan;
  EXPECT_NE(plan.find("('system')"), std::string::npos) << plan;
  EXPECT_NE(plan.find("'tpch'"), std::string::npos) << plan;
  plan = environment_.explain("SHOW FUNCTIONS LIKE 'abs'");
  EXPECT_EQ(plan.rfind("- Output[Function, Return Type, Argument Types, Function Type, Deterministic, Description]", 0), 0u);
}

TEST_F(PlanShapeTest, preparedStatementBindsParameters) {
  environment_.session().addPreparedStatement("q", "SELECT r_name FROM region WHERE r_regionkey = ? LIMIT ?");
  auto plan = environment_.explain("EXECUTE q USING 2, 5");
  EXPECT_NE(plan.find("Filter[filter = (r_regionkey = bigint '2')]"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Limit[count = 5]"), std::string::npos) << plan;
}

TEST_F(PlanShapeTest, explainStatementReturnsPlanText) {
  auto plan = environment_.planner().plan("EXPLAIN SELECT 1");
  EXPECT_EQ(plan->name(), "Output");
  EXPECT_EQ(plan->outputSymbols().size(), 1u);
}

} // namespace
} // namespace presto::sql::test
