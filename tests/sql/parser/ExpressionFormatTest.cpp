#include <fmt/format.h>

#include "RoundTrip.h"

namespace presto::sql {
namespace {

struct ExpressionCase {
  std::string_view sql;
  /// The canonical text formatExpression prints, written from the formatter's rules: operator
  /// forms in parentheses, keywords upper case, identifiers lower case unless they need quotes.
  std::string_view canonical;
};

const ExpressionCase kExpressionCases[] = {
    // Arithmetic precedence and associativity.
    {"1", "1"},
    {"1 + 2", "(1 + 2)"},
    {"1 + 2 * 3", "(1 + (2 * 3))"},
    {"(1 + 2) * 3", "((1 + 2) * 3)"},
    {"1 - 2 - 3", "(1 - 2 - 3)"},
    {"8 / 4 / 2", "(8 / 4 / 2)"},
    {"a % b * c", "(a % b * c)"},
    {"a * b + c * d", "((a * b) + (c * d))"},
    {"-a * b", "(-a * b)"},
    {"- - a", "- -a"},
    {"-(1 + 2)", "-(1 + 2)"},
    {"+a", "+a"},
    {"a - -1", "(a - -1)"},
    {"a || b || c", "(a || b || c)"},
    {"concat(a, b, c)", "concat(a, b, c)"},
    {"concat(a, b)", "(a || b)"},
    {"a - (b - c)", "(a - (b - c))"},
    {"a + b - c + d", "(a + b - c + d)"},
    {"(a = b) = c", "((a = b) = c)"},
    {"a || b + c", "(a || (b + c))"},
    // Comparisons.
    {"a = b", "(a = b)"},
    {"a != b", "(a <> b)"},
    {"a <> b", "(a <> b)"},
    {"a < b", "(a < b)"},
    {"a <= b", "(a <= b)"},
    {"a > b", "(a > b)"},
    {"a >= b", "(a >= b)"},
    {"a + 1 > b * 2", "((a + 1) > (b * 2))"},
    {"a || 'x' = b", "((a || 'x') = b)"},
    // Boolean precedence.
    {"a AND b OR c", "((a AND b) OR c)"},
    {"a OR b AND c", "(a OR (b AND c))"},
    {"a OR b OR c", "(a OR b OR c)"},
    {"NOT a AND b", "((NOT a) AND b)"},
    {"NOT a = b", "(NOT (a = b))"},
    {"NOT NOT a", "(NOT NOT a)"},
    {"a = 1 AND NOT b < 2 OR c", "(((a = 1) AND (NOT (b < 2))) OR c)"},
    // Predicates.
    {"a IS NULL", "(a IS NULL)"},
    {"a is not null", "(a IS NOT NULL)"},
    {"a + 1 IS NULL", "((a + 1) IS NULL)"},
    {"a IS DISTINCT FROM b", "(a IS DISTINCT FROM b)"},
    {"a IS NOT DISTINCT FROM b", "(NOT (a IS DISTINCT FROM b))"},
    {"a BETWEEN 1 AND 10", "(a BETWEEN 1 AND 10)"},
    {"a NOT BETWEEN 1 AND 10", "(NOT (a BETWEEN 1 AND 10))"},
    {"a BETWEEN 1 AND 2 AND b", "((a BETWEEN 1 AND 2) AND b)"},
    {"a BETWEEN b + 1 AND c * 2", "(a BETWEEN (b + 1) AND (c * 2))"},
    {"a IN (1, 2, 3)", "(a IN (1, 2, 3))"},
    {"a NOT IN (1)", "(NOT (a IN (1)))"},
    {"a IN (SELECT b FROM t)", "(a IN (SELECT b FROM t))"},
    {"(a, b) IN ((1, 2))", "(ROW (a, b) IN (ROW (1, 2)))"},
    {"a LIKE 'x%'", "(a LIKE 'x%')"},
    {"a NOT LIKE 'x!%' ESCAPE '!'", "(NOT (a LIKE 'x!%' ESCAPE '!'))"},
    {"EXISTS (SELECT 1)", "(EXISTS (SELECT 1))"},
    {"NOT EXISTS (SELECT 1 FROM t)", "(NOT (EXISTS (SELECT 1 FROM t)))"},
    {"a = ANY (SELECT b FROM t)", "(a = ANY (SELECT b FROM t))"},
    {"a > ALL (SELECT b FROM t)", "(a > ALL (SELECT b FROM t))"},
    {"a <> SOME (SELECT b FROM t)", "(a <> SOME (SELECT b FROM t))"},
    {"(SELECT max(x) FROM t)", "(SELECT max(x) FROM t)"},
    {"(SELECT 1) + 1", "((SELECT 1) + 1)"},
    {"((SELECT 1) UNION ALL (SELECT 2))", "((SELECT 1) UNION ALL (SELECT 2))"},
    // Conditional forms.
    {"CASE WHEN a THEN 1 ELSE 2 END", "CASE WHEN a THEN 1 ELSE 2 END"},
    {"CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END",
     "CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END"},
    {"case when a > 1 then 'x' end", "CASE WHEN (a > 1) THEN 'x' END"},
    {"CASE a + 1 WHEN 2 THEN NULL ELSE a END", "CASE (a + 1) WHEN 2 THEN NULL ELSE a END"},
    {"IF(a > 1, 'x', 'y')", "IF((a > 1), 'x', 'y')"},
    {"if(a, b)", "IF(a, b)"},
    {"COALESCE(a, b, 0)", "COALESCE(a, b, 0)"},
    {"nullif(a, 0)", "NULLIF(a, 0)"},
    {"try(a / b)", "TRY((a / b))"},
    // Casts and types.
    {"CAST(a AS bigint)", "CAST(a AS bigint)"},
    {"cast(a as DECIMAL(15, 2))", "CAST(a AS decimal(15,2))"},
    {"TRY_CAST(a AS varchar)", "TRY_CAST(a AS varchar)"},
    {"CAST(a AS ARRAY<BIGINT>)", "CAST(a AS array(bigint))"},
    {"CAST(a AS MAP<VARCHAR, ARRAY<DOUBLE>>)", "CAST(a AS map(varchar,array(double)))"},
    {"CAST(a AS ROW(x BIGINT, y VARCHAR(10)))", "CAST(a AS row(x bigint,y varchar(10)))"},
    {"CAST(a AS double precision)", "CAST(a AS double)"},
    {"CAST(a AS timestamp with time zone)", "CAST(a AS timestamp with time zone)"},
    {"CAST(a AS TIME WITH TIME ZONE)", "CAST(a AS time with time zone)"},
    {"CAST(a AS interval day to second)", "CAST(a AS interval day to second)"},
    {"CAST(a AS INTERVAL YEAR TO MONTH)", "CAST(a AS interval year to month)"},
    {"CAST(a AS array(bigint))", "CAST(a AS array(bigint))"},
    {"CAST(a AS ROW(BIGINT, DOUBLE))", "CAST(a AS row(bigint,double))"},
    {"CAST(a AS ROW(\"X\" BIGINT))", "CAST(a AS row(\"X\" bigint))"},
    {"CAST(a AS row(x row(y array(date))))", "CAST(a AS row(x row(y array(date))))"},
    {"CAST(NULL AS char(3))", "CAST(NULL AS char(3))"},
    // Date and time.
    {"EXTRACT(YEAR FROM d)", "EXTRACT(YEAR FROM d)"},
    {"extract(day_of_week from d)", "EXTRACT(DAY_OF_WEEK FROM d)"},
    {"EXTRACT(TIMEZONE_HOUR FROM ts)", "EXTRACT(TIMEZONE_HOUR FROM ts)"},
    {"ts AT TIME ZONE 'UTC'", "(ts AT TIME ZONE 'UTC')"},
    {"ts AT TIME ZONE INTERVAL '1' HOUR", "(ts AT TIME ZONE INTERVAL '1' HOUR)"},
    {"-ts AT TIME ZONE 'UTC'", "-(ts AT TIME ZONE 'UTC')"},
    {"ts AT TIME ZONE 'UTC' + INTERVAL '1' DAY", "((ts AT TIME ZONE 'UTC') + INTERVAL '1' DAY)"},
    {"CURRENT_DATE", "CURRENT_DATE"},
    {"current_timestamp", "CURRENT_TIMESTAMP"},
    {"CURRENT_TIME(3)", "CURRENT_TIME(3)"},
    {"localtime", "LOCALTIME"},
    {"LOCALTIMESTAMP(6)", "LOCALTIMESTAMP(6)"},
    // Numbers.
    {"123", "123"},
    {"9223372036854775807", "9223372036854775807"},
    {"1.50", "1.50"},
    {".5", ".5"},
    {"1.", "1."},
    {"1E10", "1E10"},
    {"100E-2", "1E0"},
    {"0E0", "0E0"},
    {"1.5e-3", "1.5E-3"},
    {"2.5E+2", "2.5E2"},
    {"1e100", "1E100"},
    // Strings and other literals.
    {"'hello'", "'hello'"},
    {"'it''s'", "'it''s'"},
    {"''", "''"},
    {"U&'\\0041B'", "'AB'"},
    {"U&'\\+01F600'", "'\xF0\x9F\x98\x80'"},
    {"U&'#0041#0042' UESCAPE '#'", "'AB'"},
    {"U&'a\\\\b'", "'a\\b'"},
    {"X'0aFF'", "X'0AFF'"},
    {"X''", "X''"},
    {"DATE '2020-01-01'", "DATE '2020-01-01'"},
    {"timestamp '2020-01-01 00:00:00'", "TIMESTAMP '2020-01-01 00:00:00'"},
    {"TIME '01:02:03'", "TIME '01:02:03'"},
    {"DECIMAL '1.20'", "DECIMAL '1.20'"},
    {"double precision '1.5'", "DOUBLE '1.5'"},
    {"char 'x'", "CHAR 'x'"},
    {"JSON '{\"a\": 1}'", "JSON '{\"a\": 1}'"},
    {"INTERVAL '3' DAY", "INTERVAL '3' DAY"},
    {"interval '1' year to month", "INTERVAL '1' YEAR TO MONTH"},
    {"INTERVAL -'2' HOUR", "INTERVAL -'2' HOUR"},
    {"INTERVAL +'2' MINUTE", "INTERVAL '2' MINUTE"},
    {"INTERVAL '1 10:00:00' DAY TO SECOND", "INTERVAL '1 10:00:00' DAY TO SECOND"},
    {"TRUE", "TRUE"},
    {"false", "FALSE"},
    {"null", "NULL"},
    // Constructors, subscripts and fields.
    {"ARRAY[1, 2, 3]", "ARRAY[1, 2, 3]"},
    {"ARRAY[]", "ARRAY[]"},
    {"array[array[1], array[2]]", "ARRAY[ARRAY[1], ARRAY[2]]"},
    {"ROW(1, 'a')", "ROW (1, 'a')"},
    {"(1, 'a')", "ROW (1, 'a')"},
    {"a[1]", "a[1]"},
    {"a[1][2]", "a[1][2]"},
    {"m['key']", "m['key']"},
    {"a[i + 1]", "a[(i + 1)]"},
    {"r.x", "r.x"},
    {"t.r.x", "t.r.x"},
    {"a[1].x", "a[1].x"},
    {"(a + b)[1]", "(a + b)[1]"},
    {"(-a)[1]", "(-a)[1]"},
    {"ROW(1, 2).x", "ROW (1, 2).x"},
    {"f(x).y", "f(x).y"},
    // Lambdas.
    {"transform(a, x -> x + 1)", "transform(a, (x) -> (x + 1))"},
    {"reduce(a, 0, (s, x) -> s + x, s -> s)", "reduce(a, 0, (s, x) -> (s + x), (s) -> s)"},
    {"f(() -> 1)", "f(() -> 1)"},
    {"x -> y -> x + y", "((x) -> ((y) -> (x + y)))"},
    // Function calls.
    {"count(*)", "count(*)"},
    {"COUNT(DISTINCT a)", "count(DISTINCT a)"},
    {"count(ALL a)", "count(a)"},
    {"sum(a) FILTER (WHERE b > 0)", "sum(a) FILTER (WHERE (b > 0))"},
    {"array_agg(a ORDER BY b DESC)", "array_agg(a ORDER BY b DESC)"},
    {"now()", "now()"},
    {"my.schema.fn(1)", "my.schema.fn(1)"},
    {"\"Upper\"(x)", "\"Upper\"(x)"},
    {"grouping(a, t.b)", "GROUPING(a, t.b)"},
    {"position('a' IN s)", "strpos(s, 'a')"},
    {"substr(s, 1, 2)", "substr(s, 1, 2)"},
    // Windows.
    {"rank() OVER (PARTITION BY a ORDER BY b)", "rank() OVER (PARTITION BY a ORDER BY b ASC)"},
    {"sum(x) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
     "sum(x) OVER (ORDER BY d ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"},
    {"sum(x) OVER (ROWS 2 PRECEDING)", "sum(x) OVER (ROWS 2 PRECEDING)"},
    {"sum(x) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)",
     "sum(x) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"},
    {"avg(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW)",
     "avg(x) OVER (ORDER BY d ASC RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW)"},
    {"sum(x) OVER (GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING)",
     "sum(x) OVER (GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING)"},
    {"sum(x) OVER w", "sum(x) OVER w"},
    {"sum(x) OVER (w ORDER BY y)", "sum(x) OVER (w ORDER BY y ASC)"},
    {"first_value(x) IGNORE NULLS OVER (ORDER BY y)",
     "first_value(x) IGNORE NULLS OVER (ORDER BY y ASC)"},
    {"lag(x) RESPECT NULLS OVER ()", "lag(x) RESPECT NULLS OVER ()"},
    {"count(*) OVER ()", "count(*) OVER ()"},
    {"sum(x) OVER (\"range\" ORDER BY y)", "sum(x) OVER (\"range\" ORDER BY y ASC)"},
    {"row_number() OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST)",
     "row_number() OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST)"},
    // Identifiers and parameters.
    {"Abc", "abc"},
    {"\"Abc\"", "\"Abc\""},
    {"\"abc\"", "abc"},
    {"\"a\"\"b\"", "\"a\"\"b\""},
    {"\"select\"", "\"select\""},
    {"\"a b\"", "\"a b\""},
    {"date", "date"},
    {"year + month", "(year + month)"},
    {"array", "\"array\""},
    {"row", "\"row\""},
    {"_x", "_x"},
    {"a@b:c", "a@b:c"},
    {"\"1abc\"", "\"1abc\""},
    {"?", "?"},
    {"? + ?", "(? + ?)"},
    {"/* comment */ a -- trailing", "a"},
};

TEST(ExpressionFormatTest, canonicalFormAndRoundTrip) {
  for (const ExpressionCase& testCase : kExpressionCases) {
    SCOPED_TRACE(testCase.sql);
    try {
      ExpressionPtr expression = parseExpression(testCase.sql);
      std::string formatted = formatExpression(*expression);
      EXPECT_EQ(formatted, testCase.canonical);
      ExpressionPtr reparsed = parseExpression(formatted);
      EXPECT_TRUE(expression->equals(*reparsed)) << formatted;
      // The same expression inside a statement survives the statement round trip too.
      EXPECT_EQ(checkRoundTrip(fmt::format("SELECT {}", testCase.sql)),
                fmt::format("SELECT {}", testCase.canonical));
    } catch (const PrestoException& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

TEST(ExpressionFormatTest, tableIsLargeEnough) {
  EXPECT_GE(std::size(kExpressionCases), 170u);
}

} // namespace
} // namespace presto::sql
