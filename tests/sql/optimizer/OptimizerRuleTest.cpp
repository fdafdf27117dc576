#include <gtest/gtest.h>

#include "OptimizerTestEnvironment.h"

namespace presto::sql::test {
namespace {

class OptimizerRuleTest : public testing::Test {
 protected:
  std::string explain(const std::string& sql) { return environment_.explainOptimized(sql); }

  OptimizerTestEnvironment environment_;
};

TEST_F(OptimizerRuleTest, filterPushedAndColumnsPruned) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE r_regionkey = 1"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - Filter[filter = (r_regionkey = bigint '1')] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n");
}

TEST_F(OptimizerRuleTest, whereFalseBecomesEmptyValues) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE 1 = 2"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Values[0 rows] => [r_name:varchar(25)]\n");
}

TEST_F(OptimizerRuleTest, uncorrelatedExistsBecomesCountOverLimit) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE EXISTS (SELECT * FROM nation)"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - CrossJoin[distribution = BROADCAST] => [r_name:varchar(25)]\n"
      "        - TableScan[table = tpch.tiny.region] => [r_name:varchar(25)]\n"
      "        - Project => []\n"
      "            - Filter[filter = (count > bigint '0')] => [count:bigint]\n"
      "                - Aggregate[keys = []] => [count:bigint]\n"
      "                        count := count()\n"
      "                    - Limit[count = 1] => [n_nationkey:bigint]\n"
      "                        - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint]\n");
}

TEST_F(OptimizerRuleTest, quantifiedComparisonUsesMinMaxCount) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE r_regionkey < ALL (SELECT n_regionkey FROM nation)"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - InnerJoin[filter = CASE WHEN (count_all = bigint '0') THEN true WHEN (NOT (r_regionkey < min)) THEN false WHEN (count_all <> count_non_null) THEN CAST(NULL AS boolean) ELSE (r_regionkey < min) END, distribution = BROADCAST] => [r_regionkey:bigint, r_name:varchar(25), min:bigint, count_all:bigint, count_non_null:bigint]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "            - Aggregate[keys = []] => [min:bigint, count_all:bigint, count_non_null:bigint]\n"
      "                    min := min(n_regionkey)\n"
      "                    count_all := count()\n"
      "                    count_non_null := count(n_regionkey)\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_regionkey:bigint]\n");
}

TEST_F(OptimizerRuleTest, notInAllBecomesNegatedSemiJoin) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE r_regionkey <> ALL (SELECT n_regionkey FROM nation)"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - Filter[filter = (NOT expr_1)] => [r_regionkey:bigint, r_name:varchar(25), expr_1:boolean]\n"
      "            - SemiJoin[expr_1 := r_regionkey IN n_regionkey] => [r_regionkey:bigint, r_name:varchar(25), expr_1:boolean]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_regionkey:bigint]\n");
}

TEST_F(OptimizerRuleTest, correlatedInBecomesSemiJoinWithKeys) {
  EXPECT_EQ(explain("SELECT r_name FROM region r WHERE r_regionkey IN (SELECT n_regionkey FROM nation n WHERE n.n_name = r.r_name)"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - Filter[filter = expr] => [r_regionkey:bigint, r_name:varchar(25), expr:boolean]\n"
      "            - SemiJoin[expr := r_regionkey IN n_regionkey AND (r_name = n_name)] => [r_regionkey:bigint, r_name:varchar(25), expr:boolean]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "                - Project => [n_regionkey:bigint, n_name:varchar(25)]\n"
      "                    - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n");
}

TEST_F(OptimizerRuleTest, intersectBecomesUnionAggregation) {
  EXPECT_EQ(explain("SELECT n_regionkey FROM nation INTERSECT SELECT r_regionkey FROM region"),
      "- Output[n_regionkey] => [n_regionkey_1:bigint]\n"
      "        n_regionkey := n_regionkey_1\n"
      "    - Project => [n_regionkey_1:bigint]\n"
      "        - Filter[filter = ((count > bigint '0') AND (count_1 > bigint '0'))] => [n_regionkey_1:bigint, count:bigint, count_1:bigint]\n"
      "            - Aggregate[keys = [n_regionkey_1]] => [n_regionkey_1:bigint, count:bigint, count_1:bigint]\n"
      "                    count := count() FILTER (WHERE marker)\n"
      "                    count_1 := count() FILTER (WHERE marker_1)\n"
      "                - Union => [n_regionkey_1:bigint, marker:boolean, marker_1:boolean]\n"
      "                        n_regionkey_1 := n_regionkey, r_regionkey\n"
      "                        marker := marker_2, marker_4\n"
      "                        marker_1 := marker_3, marker_5\n"
      "                    - Project => [n_regionkey:bigint, marker_2:boolean, marker_3:boolean]\n"
      "                            marker_2 := true\n"
      "                            marker_3 := false\n"
      "                        - TableScan[table = tpch.tiny.nation] => [n_regionkey:bigint]\n"
      "                    - Project => [r_regionkey:bigint, marker_4:boolean, marker_5:boolean]\n"
      "                            marker_4 := false\n"
      "                            marker_5 := true\n"
      "                        - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint]\n");
}

TEST_F(OptimizerRuleTest, existsHashesTheOuterSideWhenItIsSmaller) {
  // 5 regions against 25 nations: the regions are hashed and marked by the nations streaming by.
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE EXISTS "
                    "(SELECT 1 FROM nation WHERE n_regionkey = r_regionkey AND n_name <> r_name)"),
      "- Output[r_name] => [r_name:varchar(25)]\n"
      "    - Project => [r_name:varchar(25)]\n"
      "        - Filter[filter = exists] => [r_regionkey:bigint, r_name:varchar(25), exists:boolean]\n"
      "            - SemiJoin[exists := EXISTS (r_regionkey = n_regionkey), filter = (n_name <> r_name), hashed = source] => [r_regionkey:bigint, r_name:varchar(25), exists:boolean]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n");
  // IN keeps hashing the subquery: its NULL rules need the whole subquery side first.
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE r_regionkey IN (SELECT n_regionkey FROM nation)").find("hashed"),
      std::string::npos);
}

TEST_F(OptimizerRuleTest, aggregationInputIsReducedToTheKeysTheJoinUses) {
  // The correlated subquery aggregates lineitem by part; only the parts the outer filter keeps
  // can match, so lineitem is first semi-joined with a second scan of those parts.
  auto plan = explain("SELECT p_partkey, (SELECT avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey) "
                      "FROM part WHERE p_brand = 'Brand#13' AND p_container = 'JUMBO PKG'");
  EXPECT_NE(plan.find("            - Aggregate[keys = [l_partkey]] => [l_partkey:bigint, avg:decimal(15,2)]\n"
                      "                    avg := avg(l_quantity)\n"
                      "                - Project => [l_partkey:bigint, l_quantity:decimal(15,2)]\n"
                      "                    - Filter[filter = reduce] => [l_partkey:bigint, l_quantity:decimal(15,2), reduce:boolean]\n"
                      "                        - SemiJoin[reduce := EXISTS (l_partkey = p_partkey_1)]"),
      std::string::npos)
      << plan;
  EXPECT_NE(plan.find("- Filter[filter = ((p_brand_1 = 'Brand#13') AND (p_container_1 = 'JUMBO PKG'))]"), std::string::npos)
      << plan;
  // Without a selective filter on the parts there is nothing to gain.
  EXPECT_EQ(explain("SELECT p_partkey, (SELECT avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey) FROM part")
                .find("SemiJoin"),
      std::string::npos);
}

TEST_F(OptimizerRuleTest, broadcastIntoPartitionedTasksWeighsTheCopies) {
  // The lineitem-orders join is partitioned over hash_partition_count tasks; broadcasting
  // partsupp's 800,000 rows into each would build 4 copies, more than moving both sides once.
  const std::string sql =
      "SELECT count(*) FROM tpch.sf1.lineitem, tpch.sf1.orders, tpch.sf1.partsupp WHERE l_orderkey = o_orderkey "
      "AND l_partkey = ps_partkey AND l_suppkey = ps_suppkey AND l_shipdate < DATE '1992-03-01'";
  const std::string partsuppJoin = "InnerJoin[(l_partkey = ps_partkey) AND (l_suppkey = ps_suppkey), distribution = ";
  EXPECT_NE(explain(sql).find(partsuppJoin + "PARTITIONED]"), std::string::npos) << explain(sql);
  // With one task per stage there is one copy: broadcast.
  environment_.session().setProperty("hash_partition_count", "1");
  EXPECT_NE(explain(sql).find(partsuppJoin + "BROADCAST]"), std::string::npos) << explain(sql);
}

TEST_F(OptimizerRuleTest, outerJoinBecomesInnerWhenFilterRejectsNulls) {
  EXPECT_EQ(explain("SELECT n_name FROM nation LEFT JOIN region ON n_regionkey = r_regionkey WHERE r_name = 'ASIA'"),
      "- Output[n_name] => [n_name:varchar(25)]\n"
      "    - Project => [n_name:varchar(25)]\n"
      "        - InnerJoin[(n_regionkey = r_regionkey), distribution = BROADCAST] => [n_name:varchar(25), n_regionkey:bigint, r_regionkey:bigint, r_name:varchar(25)]\n"
      "            - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n"
      "            - Filter[filter = (r_name = 'ASIA')] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n");
}

TEST_F(OptimizerRuleTest, limitPushedIntoUnionBranches) {
  EXPECT_EQ(explain("SELECT n_name FROM nation UNION ALL SELECT r_name FROM region LIMIT 3"),
      "- Output[n_name] => [n_name_1:varchar(25)]\n"
      "        n_name := n_name_1\n"
      "    - Limit[count = 3] => [n_name_1:varchar(25)]\n"
      "        - Union => [n_name_1:varchar(25)]\n"
      "                n_name_1 := n_name, r_name\n"
      "            - Limit[count = 3] => [n_name:varchar(25)]\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25)]\n"
      "            - Limit[count = 3] => [r_name:varchar(25)]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_name:varchar(25)]\n");
}

TEST_F(OptimizerRuleTest, crossJoinWithFilterBecomesConnectedJoins) {
  EXPECT_EQ(explain("SELECT n_name FROM region, supplier, nation WHERE r_regionkey = n_regionkey AND s_nationkey = n_nationkey"),
      "- Output[n_name] => [n_name:varchar(25)]\n"
      "    - Project => [n_name:varchar(25)]\n"
      "        - InnerJoin[(s_nationkey = n_nationkey), distribution = BROADCAST] => [s_nationkey:bigint, n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, r_regionkey:bigint]\n"
      "            - TableScan[table = tpch.tiny.supplier] => [s_nationkey:bigint]\n"
      "            - InnerJoin[(n_regionkey = r_regionkey), distribution = BROADCAST] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint, r_regionkey:bigint]\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_name:varchar(25), n_regionkey:bigint]\n"
      "                - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint]\n");
}

TEST_F(OptimizerRuleTest, disjunctionAcrossJoinSidesFiltersEachSideEarly) {
  // TPC-H Q7's pair of nations: each nation copy can keep only FRANCE and GERMANY; the exact
  // condition stays on the join.
  auto plan = explain("SELECT n1.n_name, n2.n_name FROM nation n1, nation n2 WHERE n1.n_regionkey = n2.n_regionkey AND "
                      "((n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE'))");
  EXPECT_NE(plan.find("filter = (((n_name = 'FRANCE') AND (n_name_1 = 'GERMANY')) OR ((n_name = 'GERMANY') AND (n_name_1 = 'FRANCE')))"),
      std::string::npos) << plan;
  EXPECT_NE(plan.find("- Filter[filter = ((n_name = 'FRANCE') OR (n_name = 'GERMANY'))]"), std::string::npos) << plan;
  EXPECT_NE(plan.find("- Filter[filter = ((n_name_1 = 'GERMANY') OR (n_name_1 = 'FRANCE'))]"), std::string::npos) << plan;
  // A disjunct that says nothing about one side implies nothing there.
  plan = explain("SELECT n_name FROM nation, region WHERE n_regionkey = r_regionkey AND (n_name = 'CHINA' OR r_name = 'ASIA')");
  EXPECT_EQ(plan.find("- Filter"), std::string::npos) << plan;
}

TEST_F(OptimizerRuleTest, commonConjunctsFactoredOutOfOr) {
  EXPECT_EQ(explain("SELECT n_name FROM nation, region WHERE (n_regionkey = r_regionkey AND r_name = 'ASIA') OR (n_regionkey = r_regionkey AND n_name = 'CHINA')"),
      "- Output[n_name] => [n_name:varchar(25)]\n"
      "    - Project => [n_name:varchar(25)]\n"
      "        - InnerJoin[(n_regionkey = r_regionkey), filter = ((r_name = 'ASIA') OR (n_name = 'CHINA')), distribution = BROADCAST] => [n_name:varchar(25), n_regionkey:bigint, r_regionkey:bigint, r_name:varchar(25)]\n"
      "            - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n");
}

TEST_F(OptimizerRuleTest, disabledRulesAreSkipped) {
  environment_.session().setProperty("disabled_optimizer_rules", "reorder_joins, predicate_pushdown");
  auto text = explain("SELECT n_name FROM nation, region WHERE n_regionkey = r_regionkey");
  EXPECT_NE(text.find("CrossJoin"), std::string::npos) << text;
}

TEST_F(OptimizerRuleTest, joinDistributionFollowsSession) {
  environment_.session().setProperty("join_distribution_type", "PARTITIONED");
  auto text = explain("SELECT n_name FROM nation JOIN region ON n_regionkey = r_regionkey");
  EXPECT_NE(text.find("InnerJoin[(n_regionkey = r_regionkey), distribution = PARTITIONED]"), std::string::npos) << text;
}

TEST_F(OptimizerRuleTest, unsupportedCorrelationFails) {
  EXPECT_EQ(errorOf([&] {
    environment_.optimize("SELECT (SELECT n_name FROM nation WHERE n_regionkey = r_regionkey) FROM region");
  }),
      "Given correlated subquery is not supported");
}

} // namespace
} // namespace presto::sql::test
