#include <gtest/gtest.h>

#include "OptimizerTestEnvironment.h"
#include "sql/optimizer/DistributedPlanPrinter.h"

namespace presto::sql::test {
namespace {

class DistributedPlanTest : public testing::Test {
 protected:
  std::string explain(const std::string& sql) { return printDistributedPlan(environment_.fragment(sql)); }

  OptimizerTestEnvironment environment_;
};

TEST_F(DistributedPlanTest, groupedAggregationSplitsAroundRepartition) {
  EXPECT_EQ(explain("SELECT n_regionkey, count(*), sum(n_nationkey) FROM nation GROUP BY n_regionkey"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_regionkey, count, sum]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_regionkey, _col1, _col2] => [n_regionkey:bigint, count:bigint, sum:bigint]\n"
      "            _col1 := count\n"
      "            _col2 := sum\n"
      "        - RemoteSource[1] => [n_regionkey:bigint, count:bigint, sum:bigint]\n"
      "\n"
      "Fragment 1 [HASH]\n"
      "    Output layout: [n_regionkey, count, sum]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Aggregate(FINAL)[keys = [n_regionkey]] => [n_regionkey:bigint, count:bigint, sum:bigint]\n"
      "            count := count(count_1)\n"
      "            sum := sum(sum_1)\n"
      "        - RemoteSource[2] => [n_regionkey:bigint, count_1:bigint, sum_1:bigint]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [n_regionkey, count_1, sum_1]\n"
      "    Output partitioning: HASH [n_regionkey]\n"
      "    - Aggregate(PARTIAL)[keys = [n_regionkey]] => [n_regionkey:bigint, count_1:bigint, sum_1:bigint]\n"
      "            count_1 := count()\n"
      "            sum_1 := sum(n_nationkey)\n"
      "        - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint, n_regionkey:bigint]\n");
}

TEST_F(DistributedPlanTest, globalAggregationSplitsAroundGather) {
  EXPECT_EQ(explain("SELECT count(*) FROM nation"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [count]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[_col0] => [count:bigint]\n"
      "            _col0 := count\n"
      "        - Aggregate(FINAL)[keys = []] => [count:bigint]\n"
      "                count := count(count_1)\n"
      "            - RemoteSource[1] => [count_1:bigint]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [count_1]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Aggregate(PARTIAL)[keys = []] => [count_1:bigint]\n"
      "            count_1 := count()\n"
      "        - TableScan[table = tpch.tiny.nation] => [n_nationkey:bigint]\n");
}

TEST_F(DistributedPlanTest, distinctAggregateRunsInOneStepAfterGather) {
  EXPECT_EQ(explain("SELECT count(DISTINCT n_regionkey) FROM nation"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [count]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[_col0] => [count:bigint]\n"
      "            _col0 := count\n"
      "        - Aggregate[keys = []] => [count:bigint]\n"
      "                count := count(DISTINCT n_regionkey)\n"
      "            - RemoteSource[1] => [n_regionkey:bigint]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [n_regionkey]\n"
      "    Output partitioning: SINGLE []\n"
      "    - TableScan[table = tpch.tiny.nation] => [n_regionkey:bigint]\n");
}

TEST_F(DistributedPlanTest, broadcastJoinReplicatesBuildSide) {
  EXPECT_EQ(explain("SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name, r_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name, r_name] => [n_name:varchar(25), r_name:varchar(25)]\n"
      "        - RemoteSource[1] => [n_name:varchar(25), r_name:varchar(25)]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [n_name, r_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Project => [n_name:varchar(25), r_name:varchar(25)]\n"
      "        - InnerJoin[(n_regionkey = r_regionkey), distribution = BROADCAST] => [n_name:varchar(25), n_regionkey:bigint, r_regionkey:bigint, r_name:varchar(25)]\n"
      "            - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n"
      "            - RemoteSource[2] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [r_regionkey, r_name]\n"
      "    Output partitioning: BROADCAST []\n"
      "    - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, topNIsPartialBelowGather) {
  EXPECT_EQ(explain("SELECT n_name FROM nation ORDER BY n_name LIMIT 3"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name] => [n_name:varchar(25)]\n"
      "        - TopN[count = 3, orderBy = [n_name ASC NULLS LAST]] => [n_name:varchar(25)]\n"
      "            - RemoteSource[1] => [n_name:varchar(25)]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - TopN[count = 3, orderBy = [n_name ASC NULLS LAST]] => [n_name:varchar(25)]\n"
      "        - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, limitIsPartialBelowGather) {
  EXPECT_EQ(explain("SELECT n_name FROM nation LIMIT 3"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name] => [n_name:varchar(25)]\n"
      "        - Limit[count = 3] => [n_name:varchar(25)]\n"
      "            - RemoteSource[1] => [n_name:varchar(25)]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Limit[count = 3] => [n_name:varchar(25)]\n"
      "        - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, sortAndOffsetRunAfterGather) {
  EXPECT_EQ(explain("SELECT n_name FROM nation ORDER BY n_name OFFSET 2"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name] => [n_name:varchar(25)]\n"
      "        - Offset[count = 2] => [n_name:varchar(25)]\n"
      "            - Sort[orderBy = [n_name ASC NULLS LAST]] => [n_name:varchar(25)]\n"
      "                - RemoteSource[1] => [n_name:varchar(25)]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, unionAllIsAGatherWithOneSourcePerInput) {
  EXPECT_EQ(explain("SELECT n_name FROM nation UNION ALL SELECT r_name FROM region"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name_1]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name] => [n_name_1:varchar(25)]\n"
      "            n_name := n_name_1\n"
      "        - RemoteSource[1, 2] => [n_name_1:varchar(25)]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25)]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [r_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - TableScan[table = tpch.tiny.region] => [r_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, unionDistinctPushesPartialAggregationIntoInputs) {
  EXPECT_EQ(explain("SELECT n_name FROM nation UNION SELECT r_name FROM region"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name_1]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name] => [n_name_1:varchar(25)]\n"
      "            n_name := n_name_1\n"
      "        - RemoteSource[1] => [n_name_1:varchar(25)]\n"
      "\n"
      "Fragment 1 [HASH]\n"
      "    Output layout: [n_name_1]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Aggregate(FINAL)[keys = [n_name_1]] => [n_name_1:varchar(25)]\n"
      "        - RemoteSource[2, 3] => [n_name_1:varchar(25)]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: HASH [n_name]\n"
      "    - Aggregate(PARTIAL)[keys = [n_name]] => [n_name:varchar(25)]\n"
      "        - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25)]\n"
      "\n"
      "Fragment 3 [SOURCE]\n"
      "    Output layout: [r_name]\n"
      "    Output partitioning: HASH [r_name]\n"
      "    - Aggregate(PARTIAL)[keys = [r_name]] => [r_name:varchar(25)]\n"
      "        - TableScan[table = tpch.tiny.region] => [r_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, metadataScanRunsOnCoordinator) {
  EXPECT_EQ(explain("SELECT table_name FROM information_schema.tables"),
      "Fragment 0 [COORDINATOR_ONLY]\n"
      "    Output layout: [table_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[table_name] => [table_name:varchar]\n"
      "        - TableScan[table = tpch.information_schema.tables] => [table_name:varchar]\n");
}

TEST_F(DistributedPlanTest, windowRepartitionsOnPartitionKeys) {
  EXPECT_EQ(explain("SELECT n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name, rank]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name, _col1] => [n_name:varchar(25), rank:bigint]\n"
      "            _col1 := rank\n"
      "        - RemoteSource[1] => [n_name:varchar(25), rank:bigint]\n"
      "\n"
      "Fragment 1 [HASH]\n"
      "    Output layout: [n_name, rank]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Project => [n_name:varchar(25), rank:bigint]\n"
      "        - Window[partitionBy = [n_regionkey], orderBy = [n_name ASC NULLS LAST]] => [n_name:varchar(25), n_regionkey:bigint, rank:bigint]\n"
      "                rank := rank() RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW\n"
      "            - RemoteSource[2] => [n_name:varchar(25), n_regionkey:bigint]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [n_name, n_regionkey]\n"
      "    Output partitioning: HASH [n_regionkey]\n"
      "    - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n");
}

TEST_F(DistributedPlanTest, semiJoinBroadcastsFilteringSide) {
  EXPECT_EQ(explain("SELECT n_name FROM nation WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name LIKE 'A%')"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name] => [n_name:varchar(25)]\n"
      "        - RemoteSource[1] => [n_name:varchar(25)]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [n_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Project => [n_name:varchar(25)]\n"
      "        - Filter[filter = expr] => [n_name:varchar(25), n_regionkey:bigint, expr:boolean]\n"
      "            - SemiJoin[expr := n_regionkey IN r_regionkey] => [n_name:varchar(25), n_regionkey:bigint, expr:boolean]\n"
      "                - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n"
      "                - RemoteSource[2] => [r_regionkey:bigint]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [r_regionkey]\n"
      "    Output partitioning: BROADCAST []\n"
      "    - Project => [r_regionkey:bigint]\n"
      "        - Filter[filter = like(r_name, 'A%')] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "            - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, writersRunInParallelAndCommitOnCoordinator) {
  EXPECT_EQ(explain("CREATE TABLE memory.default.t AS SELECT n_name FROM nation"),
      "Fragment 0 [COORDINATOR_ONLY]\n"
      "    Output layout: [rows_1]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[rows] => [rows_1:bigint]\n"
      "            rows := rows_1\n"
      "        - TableCommit[target = memory.default.t] => [rows_1:bigint]\n"
      "            - RemoteSource[1] => [rows:bigint, fragment:varbinary]\n"
      "\n"
      "Fragment 1 [SOURCE]\n"
      "    Output layout: [rows, fragment]\n"
      "    Output partitioning: SINGLE []\n"
      "    - TableWriter[target = memory.default.t] => [rows:bigint, fragment:varbinary]\n"
      "            n_name := n_name\n"
      "        - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, singleTaskInputsNeedNoExchange) {
  EXPECT_EQ(explain("SELECT * FROM (VALUES 1, 2) t(x) JOIN (VALUES 2, 3) u(y) ON x = y"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [field, field_1]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[x, y] => [field:integer, field_1:integer]\n"
      "            x := field\n"
      "            y := field_1\n"
      "        - InnerJoin[(field = field_1), distribution = BROADCAST] => [field:integer, field_1:integer]\n"
      "            - Values[2 rows] => [field:integer]\n"
      "                    (1)\n"
      "                    (2)\n"
      "            - Values[2 rows] => [field_1:integer]\n"
      "                    (2)\n"
      "                    (3)\n");
}

TEST_F(DistributedPlanTest, partitionedJoinRepartitionsBothSides) {
  environment_.session().setProperty("join_distribution_type", "PARTITIONED");
  EXPECT_EQ(explain("SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [n_name, r_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[n_name, r_name] => [n_name:varchar(25), r_name:varchar(25)]\n"
      "        - RemoteSource[1] => [n_name:varchar(25), r_name:varchar(25)]\n"
      "\n"
      "Fragment 1 [HASH]\n"
      "    Output layout: [n_name, r_name]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Project => [n_name:varchar(25), r_name:varchar(25)]\n"
      "        - InnerJoin[(n_regionkey = r_regionkey), distribution = PARTITIONED] => [n_name:varchar(25), n_regionkey:bigint, r_regionkey:bigint, r_name:varchar(25)]\n"
      "            - RemoteSource[2] => [n_name:varchar(25), n_regionkey:bigint]\n"
      "            - RemoteSource[3] => [r_regionkey:bigint, r_name:varchar(25)]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [n_name, n_regionkey]\n"
      "    Output partitioning: HASH [n_regionkey]\n"
      "    - TableScan[table = tpch.tiny.nation] => [n_name:varchar(25), n_regionkey:bigint]\n"
      "\n"
      "Fragment 3 [SOURCE]\n"
      "    Output layout: [r_regionkey, r_name]\n"
      "    Output partitioning: HASH [r_regionkey]\n"
      "    - TableScan[table = tpch.tiny.region] => [r_regionkey:bigint, r_name:varchar(25)]\n");
}

TEST_F(DistributedPlanTest, aggregationOnJoinKeysNeedsNoRepartition) {
  environment_.session().setProperty("join_distribution_type", "PARTITIONED");
  EXPECT_EQ(explain("SELECT c_custkey, count(*) FROM customer JOIN orders ON c_custkey = o_custkey GROUP BY c_custkey"),
      "Fragment 0 [SINGLE]\n"
      "    Output layout: [c_custkey, count]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Output[c_custkey, _col1] => [c_custkey:bigint, count:bigint]\n"
      "            _col1 := count\n"
      "        - RemoteSource[1] => [c_custkey:bigint, count:bigint]\n"
      "\n"
      "Fragment 1 [HASH]\n"
      "    Output layout: [c_custkey, count]\n"
      "    Output partitioning: SINGLE []\n"
      "    - Aggregate[keys = [c_custkey]] => [c_custkey:bigint, count:bigint]\n"
      "            count := count()\n"
      "        - InnerJoin[(o_custkey = c_custkey), distribution = PARTITIONED] => [o_custkey:bigint, c_custkey:bigint]\n"
      "            - RemoteSource[2] => [o_custkey:bigint]\n"
      "            - RemoteSource[3] => [c_custkey:bigint]\n"
      "\n"
      "Fragment 2 [SOURCE]\n"
      "    Output layout: [o_custkey]\n"
      "    Output partitioning: HASH [o_custkey]\n"
      "    - TableScan[table = tpch.tiny.orders] => [o_custkey:bigint]\n"
      "\n"
      "Fragment 3 [SOURCE]\n"
      "    Output layout: [c_custkey]\n"
      "    Output partitioning: HASH [c_custkey]\n"
      "    - TableScan[table = tpch.tiny.customer] => [c_custkey:bigint]\n");
}

TEST_F(DistributedPlanTest, hashPartitionCountIsRecorded) {
  const std::string sql = "SELECT n_regionkey, count(*) FROM nation GROUP BY n_regionkey";
  EXPECT_EQ(environment_.fragment(sql).hashPartitionCount, 4);
  environment_.session().setProperty("hash_partition_count", "7");
  EXPECT_EQ(environment_.fragment(sql).hashPartitionCount, 7);
  environment_.session().setProperty("hash_partition_count", "zero");
  EXPECT_EQ(errorOf([&] { environment_.fragment(sql); }), "hash_partition_count must be a positive integer: zero");
}

TEST_F(DistributedPlanTest, explainTypeDistributedUsesTheHook) {
  auto text = environment_.explainStatement("EXPLAIN (TYPE DISTRIBUTED) SELECT count(*) FROM nation");
  EXPECT_EQ(text, explain("SELECT count(*) FROM nation"));
  auto json = environment_.explainStatement("EXPLAIN (TYPE DISTRIBUTED, FORMAT JSON) SELECT count(*) FROM region");
  EXPECT_TRUE(json.starts_with(
      "{\"hashPartitionCount\":1,\"fragments\":[{\"id\":0,\"partitioning\":\"SINGLE\",\"outputLayout\":[\"count\"],"))
      << json;
  EXPECT_NE(json.find("\"name\":\"Aggregate(PARTIAL)\""), std::string::npos);
}

TEST_F(DistributedPlanTest, explainFormatJsonOfLogicalPlan) {
  EXPECT_EQ(environment_.explainStatement("EXPLAIN (FORMAT JSON) SELECT r_name FROM region"),
      "{\"id\":\"2\",\"name\":\"Output\",\"details\":\"r_name\",\"detailLines\":[],\"outputs\":[\"r_name:varchar(25)\"],"
      "\"children\":[{\"id\":\"0\",\"name\":\"TableScan\",\"details\":\"table = tpch.tiny.region\",\"detailLines\":[],"
      "\"outputs\":[\"r_name:varchar(25)\"],\"children\":[]}]}");
}

TEST_F(DistributedPlanTest, explainTypeDistributedNeedsTheHook) {
  EXPECT_EQ(errorOf([&] { environment_.explain("EXPLAIN (TYPE DISTRIBUTED) SELECT 1"); }),
      "line 1:10: EXPLAIN (TYPE DISTRIBUTED) is not supported");
  EXPECT_EQ(errorOf([&] { environment_.explain("EXPLAIN (TYPE IO) SELECT 1"); }),
      "line 1:10: EXPLAIN (TYPE IO) is not supported");
}

} // namespace
} // namespace presto::sql::test
