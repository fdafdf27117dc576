#include "RoundTrip.h"
#include "StatementCase.h"

namespace presto::sql {
namespace {

const StatementCase kStatementCases[] = {
    // EXPLAIN.
    {"EXPLAIN SELECT 1", "EXPLAIN SELECT 1"},
    {"EXPLAIN ANALYZE SELECT 1", "EXPLAIN ANALYZE SELECT 1"},
    {"EXPLAIN (TYPE DISTRIBUTED) SELECT 1", "EXPLAIN (TYPE DISTRIBUTED) SELECT 1"},
    {"EXPLAIN (FORMAT GRAPHVIZ, TYPE LOGICAL) SELECT 1",
     "EXPLAIN (FORMAT GRAPHVIZ, TYPE LOGICAL) SELECT 1"},
    {"explain (type io) select 1", "EXPLAIN (TYPE IO) SELECT 1"},
    {"EXPLAIN (TYPE VALIDATE) SELECT 1", "EXPLAIN (TYPE VALIDATE) SELECT 1"},
    {"EXPLAIN (FORMAT JSON) SELECT 1", "EXPLAIN (FORMAT JSON) SELECT 1"},
    {"EXPLAIN (FORMAT TEXT) SHOW TABLES", "EXPLAIN (FORMAT TEXT) SHOW TABLES"},
    {"EXPLAIN (SELECT 1)", "EXPLAIN (SELECT 1)"},
    {"EXPLAIN ANALYZE (FORMAT TEXT) SELECT 1", "EXPLAIN ANALYZE (FORMAT TEXT) SELECT 1"},
    {"EXPLAIN EXPLAIN SELECT 1", "EXPLAIN EXPLAIN SELECT 1"},
    {"EXPLAIN INSERT INTO t SELECT 1", "EXPLAIN INSERT INTO t SELECT 1"},
    // SHOW and DESCRIBE.
    {"SHOW CATALOGS", "SHOW CATALOGS"},
    {"SHOW CATALOGS LIKE 't%'", "SHOW CATALOGS LIKE 't%'"},
    {"SHOW SCHEMAS", "SHOW SCHEMAS"},
    {"SHOW SCHEMAS FROM tpch", "SHOW SCHEMAS FROM tpch"},
    {"SHOW SCHEMAS IN tpch LIKE 's%' ESCAPE '\\'", "SHOW SCHEMAS FROM tpch LIKE 's%' ESCAPE '\\'"},
    {"SHOW TABLES", "SHOW TABLES"},
    {"SHOW TABLES FROM tpch.tiny", "SHOW TABLES FROM tpch.tiny"},
    {"SHOW TABLES IN tiny LIKE 'l%'", "SHOW TABLES FROM tiny LIKE 'l%'"},
    {"SHOW COLUMNS FROM lineitem", "SHOW COLUMNS FROM lineitem"},
    {"SHOW COLUMNS IN tpch.tiny.orders", "SHOW COLUMNS FROM tpch.tiny.orders"},
    {"DESCRIBE orders", "SHOW COLUMNS FROM orders"},
    {"DESC tpch.tiny.orders", "SHOW COLUMNS FROM tpch.tiny.orders"},
    {"DESCRIBE input", "SHOW COLUMNS FROM input"},
    {"SHOW FUNCTIONS", "SHOW FUNCTIONS"},
    {"SHOW FUNCTIONS LIKE 'array%'", "SHOW FUNCTIONS LIKE 'array%'"},
    {"SHOW SESSION", "SHOW SESSION"},
    {"SHOW SESSION LIKE 'join%'", "SHOW SESSION LIKE 'join%'"},
    {"SHOW CREATE TABLE t", "SHOW CREATE TABLE t"},
    {"SHOW CREATE VIEW s.v", "SHOW CREATE VIEW s.v"},
    {"SHOW STATS FOR t", "SHOW STATS FOR t"},
    {"SHOW STATS FOR (SELECT * FROM t WHERE a > 1)",
     "SHOW STATS FOR (SELECT * FROM t WHERE (a > 1))"},
    // Session.
    {"USE tpch.tiny", "USE tpch.tiny"},
    {"USE tiny", "USE tiny"},
    {"USE \"My\".\"Schema\"", "USE \"My\".\"Schema\""},
    {"SET SESSION query_max_memory = '1GB'", "SET SESSION query_max_memory = '1GB'"},
    {"SET SESSION hive.compression = 'ZSTD'", "SET SESSION hive.compression = 'ZSTD'"},
    {"SET SESSION optimize_hash_generation = true", "SET SESSION optimize_hash_generation = TRUE"},
    {"SET SESSION task_concurrency = 4 * 2", "SET SESSION task_concurrency = (4 * 2)"},
    {"RESET SESSION join_distribution_type", "RESET SESSION join_distribution_type"},
    {"RESET SESSION hive.foo", "RESET SESSION hive.foo"},
    // Schemas.
    {"CREATE SCHEMA s", "CREATE SCHEMA s"},
    {"CREATE SCHEMA IF NOT EXISTS cat.s WITH (location = 's3://x')",
     "CREATE SCHEMA IF NOT EXISTS cat.s WITH (location = 's3://x')"},
    {"DROP SCHEMA s", "DROP SCHEMA s"},
    {"DROP SCHEMA IF EXISTS s CASCADE", "DROP SCHEMA IF EXISTS s CASCADE"},
    {"DROP SCHEMA s RESTRICT", "DROP SCHEMA s"},
    // Tables.
    {"CREATE TABLE t (a bigint, b varchar(10))", "CREATE TABLE t (a bigint, b varchar(10))"},
    {"CREATE TABLE IF NOT EXISTS t (a bigint NOT NULL COMMENT 'key', b double WITH "
     "(encoding = 'plain')) COMMENT 'table' WITH (format = 'ORC', partitioned_by = ARRAY['b'])",
     "CREATE TABLE IF NOT EXISTS t (a bigint NOT NULL COMMENT 'key', b double WITH "
     "(encoding = 'plain')) COMMENT 'table' WITH (format = 'ORC', partitioned_by = ARRAY['b'])"},
    {"CREATE TABLE t (d DECIMAL(15,2), ts TIMESTAMP WITH TIME ZONE, m MAP<VARCHAR, BIGINT>)",
     "CREATE TABLE t (d decimal(15,2), ts timestamp with time zone, m map(varchar,bigint))"},
    {"CREATE TABLE t (r ROW(x INTEGER, y ARRAY(DOUBLE)), \"Key\" date)",
     "CREATE TABLE t (r row(x integer,y array(double)), \"Key\" date)"},
    {"CREATE TABLE t AS SELECT * FROM u", "CREATE TABLE t AS SELECT * FROM u"},
    {"CREATE TABLE t (x, y) AS SELECT 1, 2", "CREATE TABLE t (x, y) AS SELECT 1, 2"},
    {"CREATE TABLE IF NOT EXISTS t WITH (format = 'ORC') AS SELECT 1 WITH NO DATA",
     "CREATE TABLE IF NOT EXISTS t WITH (format = 'ORC') AS SELECT 1 WITH NO DATA"},
    {"CREATE TABLE t AS SELECT 1 WITH DATA", "CREATE TABLE t AS SELECT 1"},
    {"CREATE TABLE t COMMENT 'c' AS (SELECT 1)", "CREATE TABLE t COMMENT 'c' AS (SELECT 1)"},
    {"CREATE TABLE t AS WITH x AS (SELECT 1) SELECT * FROM x",
     "CREATE TABLE t AS WITH x AS (SELECT 1) SELECT * FROM x"},
    {"DROP TABLE t", "DROP TABLE t"},
    {"DROP TABLE IF EXISTS s.t", "DROP TABLE IF EXISTS s.t"},
    {"ALTER TABLE t RENAME TO u", "ALTER TABLE t RENAME TO u"},
    {"ALTER TABLE IF EXISTS t RENAME TO s.u", "ALTER TABLE IF EXISTS t RENAME TO s.u"},
    {"ALTER TABLE t ADD COLUMN c bigint", "ALTER TABLE t ADD COLUMN c bigint"},
    {"ALTER TABLE t ADD COLUMN IF NOT EXISTS c varchar COMMENT 'x'",
     "ALTER TABLE t ADD COLUMN IF NOT EXISTS c varchar COMMENT 'x'"},
    {"ALTER TABLE t DROP COLUMN c", "ALTER TABLE t DROP COLUMN c"},
    {"ALTER TABLE IF EXISTS t DROP COLUMN IF EXISTS c",
     "ALTER TABLE IF EXISTS t DROP COLUMN IF EXISTS c"},
    {"ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE t RENAME COLUMN a TO b"},
    {"ALTER TABLE t RENAME COLUMN IF EXISTS a TO \"B\"",
     "ALTER TABLE t RENAME COLUMN IF EXISTS a TO \"B\""},
    // Views.
    {"CREATE VIEW v AS SELECT 1", "CREATE VIEW v AS SELECT 1"},
    {"CREATE OR REPLACE VIEW s.v SECURITY INVOKER AS SELECT a FROM t",
     "CREATE OR REPLACE VIEW s.v SECURITY INVOKER AS SELECT a FROM t"},
    {"CREATE VIEW v SECURITY DEFINER AS SELECT 1", "CREATE VIEW v SECURITY DEFINER AS SELECT 1"},
    {"DROP VIEW v", "DROP VIEW v"},
    {"DROP VIEW IF EXISTS v", "DROP VIEW IF EXISTS v"},
    // Data changes.
    {"INSERT INTO t SELECT * FROM u", "INSERT INTO t SELECT * FROM u"},
    {"INSERT INTO t (a, b) VALUES (1, 2)", "INSERT INTO t (a, b) VALUES ROW (1, 2)"},
    {"INSERT INTO t VALUES 1, 2", "INSERT INTO t VALUES 1, 2"},
    {"INSERT INTO t (SELECT 1)", "INSERT INTO t (SELECT 1)"},
    {"INSERT INTO cat.s.t WITH x AS (SELECT 1) SELECT * FROM x",
     "INSERT INTO cat.s.t WITH x AS (SELECT 1) SELECT * FROM x"},
    {"DELETE FROM t", "DELETE FROM t"},
    {"DELETE FROM t WHERE a = 1", "DELETE FROM t WHERE (a = 1)"},
    {"UPDATE t SET a = 1", "UPDATE t SET a = 1"},
    {"UPDATE t SET a = a + 1, b = 'x' WHERE c IS NULL",
     "UPDATE t SET a = (a + 1), b = 'x' WHERE (c IS NULL)"},
    {"ANALYZE t", "ANALYZE t"},
    {"ANALYZE hive.s.t WITH (partitions = ARRAY[ARRAY['1992']])",
     "ANALYZE hive.s.t WITH (partitions = ARRAY[ARRAY['1992']])"},
    // Prepared statements.
    {"PREPARE q FROM SELECT * FROM t WHERE a = ?", "PREPARE q FROM SELECT * FROM t WHERE (a = ?)"},
    {"PREPARE ins FROM INSERT INTO t VALUES (?, ?)",
     "PREPARE ins FROM INSERT INTO t VALUES ROW (?, ?)"},
    {"EXECUTE q", "EXECUTE q"},
    {"EXECUTE q USING 1, 'a'", "EXECUTE q USING 1, 'a'"},
    {"DEALLOCATE PREPARE q", "DEALLOCATE PREPARE q"},
    {"DESCRIBE INPUT q", "DESCRIBE INPUT q"},
    {"DESCRIBE OUTPUT q", "DESCRIBE OUTPUT q"},
    // Transactions.
    {"START TRANSACTION", "START TRANSACTION"},
    {"START TRANSACTION ISOLATION LEVEL READ COMMITTED",
     "START TRANSACTION ISOLATION LEVEL READ COMMITTED"},
    {"START TRANSACTION READ ONLY", "START TRANSACTION READ ONLY"},
    {"START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE",
     "START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE"},
    {"start transaction isolation level repeatable read",
     "START TRANSACTION ISOLATION LEVEL REPEATABLE READ"},
    {"START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED",
     "START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED"},
    {"COMMIT", "COMMIT"},
    {"COMMIT WORK", "COMMIT"},
    {"ROLLBACK", "ROLLBACK"},
    {"rollback work", "ROLLBACK"},
    // Procedures.
    {"CALL system.runtime.kill_query('id')", "CALL system.runtime.kill_query('id')"},
    {"CALL p(x => 1, y => 'a')", "CALL p(x => 1, y => 'a')"},
    {"CALL p()", "CALL p()"},
    {"CALL p(1, b => 2 + 3)", "CALL p(1, b => (2 + 3))"},
};

TEST(StatementFormatTest, canonicalFormAndRoundTrip) {
  for (const StatementCase& testCase : kStatementCases) {
    SCOPED_TRACE(testCase.sql);
    try {
      EXPECT_EQ(checkRoundTrip(testCase.sql), testCase.canonical);
    } catch (const PrestoException& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

TEST(StatementFormatTest, tableIsLargeEnough) {
  EXPECT_GE(std::size(kStatementCases), 100u);
}

TEST(StatementFormatTest, createTableMultiLine) {
  StatementPtr statement = parseStatement("create table t (a bigint, b varchar) with (x = 1)");
  EXPECT_EQ(
      formatSql(*statement),
      "CREATE TABLE t (\n"
      "  a bigint,\n"
      "  b varchar\n"
      ") WITH (x = 1)");
}

} // namespace
} // namespace presto::sql
