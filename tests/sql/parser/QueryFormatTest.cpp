#include "RoundTrip.h"
#include "StatementCase.h"

namespace presto::sql {
namespace {

const StatementCase kQueryCases[] = {
    // SELECT lists.
    {"SELECT 1", "SELECT 1"},
    {"select a, b from t", "SELECT a, b FROM t"},
    {"SELECT DISTINCT a FROM t", "SELECT DISTINCT a FROM t"},
    {"SELECT ALL a FROM t", "SELECT a FROM t"},
    {"SELECT * FROM t", "SELECT * FROM t"},
    {"SELECT t.* FROM t", "SELECT t.* FROM t"},
    {"SELECT s.t.*, x FROM s.t", "SELECT s.t.*, x FROM s.t"},
    {"SELECT *, a FROM t", "SELECT *, a FROM t"},
    {"SELECT a AS x, b y FROM t", "SELECT a AS x, b AS y FROM t"},
    {"SELECT a AS \"Mixed Case\" FROM \"My Table\"", "SELECT a AS \"Mixed Case\" FROM \"My Table\""},
    {"SELECT 1 AS date, 2 year, 3 AS data", "SELECT 1 AS date, 2 AS year, 3 AS data"},
    {"SELECT count FROM data", "SELECT count FROM data"},
    {"SELECT value, position, first, last, comment FROM schemas",
     "SELECT value, \"position\", first, last, comment FROM schemas"},
    {"SELECT a FROM t AS first, u AS last", "SELECT a FROM t AS first, u AS last"},
    {"SELECT x.* FROM (SELECT 1 AS a) x", "SELECT x.* FROM (SELECT 1 AS a) AS x"},
    {"SELECT \"t\".* FROM t", "SELECT t.* FROM t"},
    {"SELECT 1 AS \"limit\"", "SELECT 1 AS \"limit\""},
    {"SELECT * FROM tpch.tiny.lineitem", "SELECT * FROM tpch.tiny.lineitem"},
    {"SELECT * FROM \"Cat\".\"sch\".\"Tab\"", "SELECT * FROM \"Cat\".sch.\"Tab\""},
    {"SELECT /* c */ 1 -- trailing", "SELECT 1"},
    {"SELECT\n  a\nFROM\n  t", "SELECT a FROM t"},
    // WHERE, GROUP BY, HAVING.
    {"SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE (a > 1)"},
    {"SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1",
     "SELECT a, count(*) FROM t GROUP BY a HAVING (count(*) > 1)"},
    {"SELECT a, b FROM t GROUP BY 1, 2", "SELECT a, b FROM t GROUP BY 1, 2"},
    {"SELECT a FROM t GROUP BY (a, b)", "SELECT a FROM t GROUP BY (a, b)"},
    {"SELECT count(*) FROM t GROUP BY ()", "SELECT count(*) FROM t GROUP BY ()"},
    {"SELECT a FROM t GROUP BY (a)", "SELECT a FROM t GROUP BY a"},
    {"SELECT a FROM t GROUP BY ROLLUP (a, b)", "SELECT a FROM t GROUP BY ROLLUP (a, b)"},
    {"SELECT a FROM t GROUP BY CUBE (a, b)", "SELECT a FROM t GROUP BY CUBE (a, b)"},
    {"SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), ())",
     "SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), ())"},
    {"SELECT a FROM t GROUP BY GROUPING SETS (a, b)",
     "SELECT a FROM t GROUP BY GROUPING SETS ((a), (b))"},
    {"SELECT a FROM t GROUP BY DISTINCT ROLLUP (a), CUBE (b)",
     "SELECT a FROM t GROUP BY DISTINCT ROLLUP (a), CUBE (b)"},
    {"SELECT a FROM t GROUP BY ALL a", "SELECT a FROM t GROUP BY a"},
    {"SELECT a FROM t GROUP BY a, ROLLUP (b, c)", "SELECT a FROM t GROUP BY a, ROLLUP (b, c)"},
    {"SELECT a FROM t GROUP BY a + 1", "SELECT a FROM t GROUP BY (a + 1)"},
    {"SELECT a FROM t GROUP BY (a + 1) * 2", "SELECT a FROM t GROUP BY ((a + 1) * 2)"},
    {"SELECT sum(x) FROM t HAVING sum(x) > 0", "SELECT sum(x) FROM t HAVING (sum(x) > 0)"},
    // ORDER BY, OFFSET, LIMIT, FETCH.
    {"SELECT a FROM t ORDER BY a", "SELECT a FROM t ORDER BY a ASC"},
    {"SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC NULLS LAST",
     "SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC NULLS LAST"},
    {"SELECT a FROM t LIMIT 10", "SELECT a FROM t LIMIT 10"},
    {"SELECT a FROM t LIMIT ALL", "SELECT a FROM t LIMIT ALL"},
    {"SELECT a FROM t OFFSET 5", "SELECT a FROM t OFFSET 5 ROWS"},
    {"SELECT a FROM t OFFSET 1 ROW", "SELECT a FROM t OFFSET 1 ROWS"},
    {"SELECT a FROM t FETCH FIRST 5 ROWS ONLY", "SELECT a FROM t FETCH FIRST 5 ROWS ONLY"},
    {"SELECT a FROM t FETCH NEXT ROW ONLY", "SELECT a FROM t FETCH FIRST ROWS ONLY"},
    {"SELECT a FROM t ORDER BY a FETCH FIRST 3 ROWS WITH TIES",
     "SELECT a FROM t ORDER BY a ASC FETCH FIRST 3 ROWS WITH TIES"},
    {"SELECT a FROM t ORDER BY a OFFSET 2 LIMIT 3",
     "SELECT a FROM t ORDER BY a ASC OFFSET 2 ROWS LIMIT 3"},
    {"SELECT a FROM t LIMIT ?", "SELECT a FROM t LIMIT ?"},
    {"SELECT 1 limit 5", "SELECT 1 LIMIT 5"},
    {"SELECT a FROM t limit 5", "SELECT a FROM t LIMIT 5"},
    {"SELECT a FROM t x LIMIT 5", "SELECT a FROM t AS x LIMIT 5"},
    {"SELECT a FROM t GROUP BY a ORDER BY count(*) DESC LIMIT 3",
     "SELECT a FROM t GROUP BY a ORDER BY count(*) DESC LIMIT 3"},
    // WITH.
    {"WITH x AS (SELECT 1) SELECT * FROM x", "WITH x AS (SELECT 1) SELECT * FROM x"},
    {"WITH x (a) AS (SELECT 1), y AS (SELECT a FROM x) SELECT * FROM y",
     "WITH x (a) AS (SELECT 1), y AS (SELECT a FROM x) SELECT * FROM y"},
    {"WITH RECURSIVE t(n) AS (VALUES 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) "
     "SELECT sum(n) FROM t",
     "WITH RECURSIVE t (n) AS (VALUES 1 UNION ALL SELECT (n + 1) FROM t WHERE (n < 10)) "
     "SELECT sum(n) FROM t"},
    {"WITH x AS (SELECT 1) SELECT * FROM x ORDER BY 1 LIMIT 1",
     "WITH x AS (SELECT 1) SELECT * FROM x ORDER BY 1 ASC LIMIT 1"},
    // Set operations.
    {"SELECT 1 UNION SELECT 2", "SELECT 1 UNION SELECT 2"},
    {"SELECT 1 UNION ALL SELECT 2", "SELECT 1 UNION ALL SELECT 2"},
    {"SELECT 1 UNION DISTINCT SELECT 2", "SELECT 1 UNION SELECT 2"},
    {"SELECT 1 INTERSECT SELECT 2", "SELECT 1 INTERSECT SELECT 2"},
    {"SELECT 1 EXCEPT SELECT 2", "SELECT 1 EXCEPT SELECT 2"},
    {"SELECT 1 EXCEPT ALL SELECT 2", "SELECT 1 EXCEPT ALL SELECT 2"},
    {"SELECT 1 UNION SELECT 2 INTERSECT SELECT 3", "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3"},
    {"(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3",
     "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3"},
    {"SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 5",
     "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 ASC LIMIT 5"},
    {"(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u)",
     "(SELECT a FROM t ORDER BY a ASC LIMIT 1) UNION ALL (SELECT b FROM u)"},
    {"(SELECT 1)", "(SELECT 1)"},
    {"((SELECT 1))", "((SELECT 1))"},
    {"(SELECT a FROM t) ORDER BY a", "(SELECT a FROM t) ORDER BY a ASC"},
    {"SELECT 1 UNION (SELECT 2 UNION SELECT 3)", "SELECT 1 UNION (SELECT 2 UNION SELECT 3)"},
    // VALUES and TABLE.
    {"VALUES 1, 2, 3", "VALUES 1, 2, 3"},
    {"VALUES (1, 'a'), (2, 'b')", "VALUES ROW (1, 'a'), ROW (2, 'b')"},
    {"SELECT * FROM (VALUES (1, 2)) AS t (a, b)", "SELECT * FROM (VALUES ROW (1, 2)) AS t (a, b)"},
    {"TABLE t", "TABLE t"},
    {"TABLE tpch.tiny.nation", "TABLE tpch.tiny.nation"},
    {"SELECT * FROM (TABLE t) x", "SELECT * FROM (TABLE t) AS x"},
    // Joins.
    {"SELECT * FROM a JOIN b ON a.x = b.x", "SELECT * FROM a INNER JOIN b ON (a.x = b.x)"},
    {"SELECT * FROM a INNER JOIN b ON a.x = b.x", "SELECT * FROM a INNER JOIN b ON (a.x = b.x)"},
    {"SELECT * FROM a LEFT OUTER JOIN b ON a.x = b.x", "SELECT * FROM a LEFT JOIN b ON (a.x = b.x)"},
    {"SELECT * FROM a LEFT JOIN b ON true", "SELECT * FROM a LEFT JOIN b ON TRUE"},
    {"SELECT * FROM a RIGHT JOIN b ON p", "SELECT * FROM a RIGHT JOIN b ON p"},
    {"SELECT * FROM a RIGHT OUTER JOIN b USING (x)", "SELECT * FROM a RIGHT JOIN b USING (x)"},
    {"SELECT * FROM a FULL OUTER JOIN b ON p", "SELECT * FROM a FULL JOIN b ON p"},
    {"SELECT * FROM a FULL JOIN b USING (x, y)", "SELECT * FROM a FULL JOIN b USING (x, y)"},
    {"SELECT * FROM a CROSS JOIN b", "SELECT * FROM a CROSS JOIN b"},
    {"SELECT * FROM a NATURAL JOIN b", "SELECT * FROM a NATURAL INNER JOIN b"},
    {"SELECT * FROM a NATURAL LEFT JOIN b", "SELECT * FROM a NATURAL LEFT JOIN b"},
    {"SELECT * FROM a NATURAL FULL OUTER JOIN b", "SELECT * FROM a NATURAL FULL JOIN b"},
    {"SELECT * FROM a JOIN b USING (x, y)", "SELECT * FROM a INNER JOIN b USING (x, y)"},
    {"SELECT * FROM a, b, c", "SELECT * FROM a, b, c"},
    {"SELECT * FROM a x, b y WHERE x.k = y.k", "SELECT * FROM a AS x, b AS y WHERE (x.k = y.k)"},
    {"SELECT * FROM a JOIN b ON p JOIN c ON q", "SELECT * FROM a INNER JOIN b ON p INNER JOIN c ON q"},
    {"SELECT * FROM a JOIN (b JOIN c ON q) ON p",
     "SELECT * FROM a INNER JOIN (b INNER JOIN c ON q) ON p"},
    {"SELECT * FROM (a CROSS JOIN b) AS x", "SELECT * FROM (a CROSS JOIN b) AS x"},
    {"SELECT * FROM a, b JOIN c ON p", "SELECT * FROM a, b INNER JOIN c ON p"},
    {"SELECT * FROM a JOIN b ON p, c", "SELECT * FROM a INNER JOIN b ON p, c"},
    {"SELECT * FROM (t)", "SELECT * FROM t"},
    {"SELECT * FROM ((a JOIN b ON p))", "SELECT * FROM a INNER JOIN b ON p"},
    // Subqueries in FROM.
    {"SELECT * FROM (SELECT 1) t", "SELECT * FROM (SELECT 1) AS t"},
    {"SELECT * FROM (SELECT 1) AS t (x)", "SELECT * FROM (SELECT 1) AS t (x)"},
    {"SELECT * FROM (SELECT 1)", "SELECT * FROM (SELECT 1)"},
    {"SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u",
     "SELECT * FROM ((SELECT 1) UNION (SELECT 2)) AS u"},
    {"SELECT * FROM ((SELECT 1) ORDER BY 1) u", "SELECT * FROM ((SELECT 1) ORDER BY 1 ASC) AS u"},
    {"SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) y",
     "SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) AS y"},
    // UNNEST, LATERAL, TABLESAMPLE.
    {"SELECT * FROM UNNEST(ARRAY[1, 2]) AS t (x)", "SELECT * FROM UNNEST(ARRAY[1, 2]) AS t (x)"},
    {"SELECT * FROM t CROSS JOIN UNNEST(a, b) WITH ORDINALITY AS u (x, y, n)",
     "SELECT * FROM t CROSS JOIN UNNEST(a, b) WITH ORDINALITY AS u (x, y, n)"},
    {"SELECT * FROM UNNEST(m) u", "SELECT * FROM UNNEST(m) AS u"},
    {"SELECT * FROM t CROSS JOIN LATERAL (SELECT t.a) AS l",
     "SELECT * FROM t CROSS JOIN LATERAL (SELECT t.a) AS l"},
    {"SELECT * FROM t, LATERAL (SELECT t.a + 1) l (b)",
     "SELECT * FROM t, LATERAL (SELECT (t.a + 1)) AS l (b)"},
    {"SELECT * FROM t TABLESAMPLE BERNOULLI (10)", "SELECT * FROM t TABLESAMPLE BERNOULLI (10)"},
    {"SELECT * FROM t AS x TABLESAMPLE SYSTEM (50.5)",
     "SELECT * FROM t AS x TABLESAMPLE SYSTEM (50.5)"},
    {"SELECT * FROM t TABLESAMPLE SYSTEM (1) JOIN u ON p",
     "SELECT * FROM t TABLESAMPLE SYSTEM (1) INNER JOIN u ON p"},
    // WINDOW clause.
    {"SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b)",
     "SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b ASC)"},
    {"SELECT sum(x) OVER (w2) FROM t WINDOW w1 AS (PARTITION BY a), w2 AS (w1 ORDER BY b)",
     "SELECT sum(x) OVER w2 FROM t WINDOW w1 AS (PARTITION BY a), w2 AS (w1 ORDER BY b ASC)"},
    {"SELECT 1 FROM t WINDOW w AS (v)", "SELECT 1 FROM t WINDOW w AS (v)"},
    {"SELECT 1 FROM t WINDOW w AS (\"rows\")", "SELECT 1 FROM t WINDOW w AS (\"rows\")"},
    // Subqueries in expressions.
    {"SELECT (SELECT max(b) FROM u) FROM t", "SELECT (SELECT max(b) FROM u) FROM t"},
    {"SELECT a FROM t WHERE a IN (SELECT b FROM u WHERE u.c = t.c)",
     "SELECT a FROM t WHERE (a IN (SELECT b FROM u WHERE (u.c = t.c)))"},
    {"SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE u.x = t.x)",
     "SELECT a FROM t WHERE (EXISTS (SELECT * FROM u WHERE (u.x = t.x)))"},
    {"SELECT a FROM t WHERE a > (SELECT avg(a) FROM t)",
     "SELECT a FROM t WHERE (a > (SELECT avg(a) FROM t))"},
    {"SELECT a FROM t WHERE a = ? AND b = ?", "SELECT a FROM t WHERE ((a = ?) AND (b = ?))"},
    {"SELECT CASE WHEN a IN (SELECT b FROM u) THEN 1 END FROM t",
     "SELECT CASE WHEN (a IN (SELECT b FROM u)) THEN 1 END FROM t"},
    {"SELECT a FROM t WHERE (a, b) IN (VALUES (1, 2))",
     "SELECT a FROM t WHERE (ROW (a, b) IN (VALUES ROW (1, 2)))"},
};

TEST(QueryFormatTest, canonicalFormAndRoundTrip) {
  for (const StatementCase& testCase : kQueryCases) {
    SCOPED_TRACE(testCase.sql);
    try {
      EXPECT_EQ(checkRoundTrip(testCase.sql), testCase.canonical);
    } catch (const PrestoException& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

TEST(QueryFormatTest, tableIsLargeEnough) {
  EXPECT_GE(std::size(kQueryCases), 120u);
}

TEST(QueryFormatTest, multiLineLayout) {
  StatementPtr statement = parseStatement(
      "with x as (select a, b from t where a > 1) "
      "select a, count(*) from x join u on x.b = u.b group by a order by 2 desc limit 10");
  EXPECT_EQ(
      formatSql(*statement),
      "WITH x AS (\n"
      "  SELECT a, b\n"
      "  FROM t\n"
      "  WHERE (a > 1)\n"
      ")\n"
      "SELECT a, count(*)\n"
      "FROM x\n"
      "INNER JOIN u ON (x.b = u.b)\n"
      "GROUP BY a\n"
      "ORDER BY 2 DESC\n"
      "LIMIT 10");
}

} // namespace
} // namespace presto::sql
