#include <fmt/format.h>
#include <gtest/gtest.h>

#include "sql/parser/SqlFormatter.h"
#include "sql/parser/SqlParser.h"

namespace presto::sql {
namespace {

bool sameExpression(std::string_view left, std::string_view right) {
  return parseExpression(left)->equals(*parseExpression(right));
}

const QuerySpecification& specificationOf(const StatementPtr& statement) {
  return statement->as<Query>().body->as<QuerySpecification>();
}

const Expression& firstSelectExpression(const StatementPtr& statement) {
  return *specificationOf(statement).select->selectItems[0]->as<SingleColumn>().expression;
}

TEST(AstShapeTest, operatorPrecedenceMatchesExplicitParentheses) {
  struct Equivalence {
    std::string_view implicit;
    std::string_view explicitForm;
  };
  const Equivalence cases[] = {
      {"a + b * c", "a + (b * c)"},
      {"a * b + c", "(a * b) + c"},
      {"a - b - c", "(a - b) - c"},
      {"a / b * c", "(a / b) * c"},
      {"-a * b", "(-a) * b"},
      {"-a.b", "-(a.b)"},
      {"-a[1]", "-(a[1])"},
      {"a || b + c", "a || (b + c)"},
      {"a + b || c", "(a + b) || c"},
      {"a = b + c", "a = (b + c)"},
      {"a = b AND c = d", "(a = b) AND (c = d)"},
      {"a OR b AND c", "a OR (b AND c)"},
      {"a AND b OR c AND d", "(a AND b) OR (c AND d)"},
      {"NOT a OR b", "(NOT a) OR b"},
      {"NOT a AND b", "(NOT a) AND b"},
      {"NOT a = b", "NOT (a = b)"},
      {"a BETWEEN b AND c AND d", "(a BETWEEN b AND c) AND d"},
      {"a IS NULL AND b", "(a IS NULL) AND b"},
      {"a LIKE b OR c", "(a LIKE b) OR c"},
      {"a IN (1) AND b", "(a IN (1)) AND b"},
      {"x AT TIME ZONE 'UTC' + y", "(x AT TIME ZONE 'UTC') + y"},
      {"-x AT TIME ZONE 'UTC'", "-(x AT TIME ZONE 'UTC')"},
      {"a.b.c", "(a.b).c"},
      {"a[1][2]", "(a[1])[2]"},
      {"a + b + c + d", "((a + b) + c) + d"},
      {"a OR b OR c", "(a OR b) OR c"},
      {"Abc", "\"abc\""},
      {"x -> x + 1 > 2", "x -> ((x + 1) > 2)"},
  };
  for (const Equivalence& equivalence : cases) {
    EXPECT_TRUE(sameExpression(equivalence.implicit, equivalence.explicitForm))
        << equivalence.implicit << " vs " << equivalence.explicitForm;
  }
  EXPECT_FALSE(sameExpression("a - b - c", "a - (b - c)"));
  EXPECT_FALSE(sameExpression("a OR b AND c", "(a OR b) AND c"));
  EXPECT_FALSE(sameExpression("\"Abc\"", "abc"));
  EXPECT_FALSE(sameExpression("1.0", "1.00"));
  EXPECT_FALSE(sameExpression("1", "1.0"));
}

TEST(AstShapeTest, negatedPredicatesWrapInNot) {
  for (std::string_view sql : {"a NOT BETWEEN 1 AND 2", "a NOT IN (1)", "a NOT LIKE 'x'",
                               "a IS NOT DISTINCT FROM b"}) {
    ExpressionPtr expression = parseExpression(sql);
    ASSERT_TRUE(expression->is<Not>()) << sql;
  }
  ExpressionPtr distinct = parseExpression("a IS NOT DISTINCT FROM b");
  const auto& comparison = distinct->as<Not>().value->as<Comparison>();
  EXPECT_EQ(comparison.op, ComparisonOperator::kIsDistinctFrom);
  ExpressionPtr isNotNull = parseExpression("a IS NOT NULL");
  ASSERT_TRUE(isNotNull->is<IsNull>());
  EXPECT_TRUE(isNotNull->as<IsNull>().negated);
}

TEST(AstShapeTest, desugaredForms) {
  ExpressionPtr concat = parseExpression("a || b");
  ASSERT_TRUE(concat->is<FunctionCall>());
  EXPECT_EQ(concat->as<FunctionCall>().name.toString(), "concat");
  EXPECT_EQ(concat->as<FunctionCall>().arguments.size(), 2u);

  ExpressionPtr count = parseExpression("COUNT(*)");
  ASSERT_TRUE(count->is<FunctionCall>());
  EXPECT_TRUE(count->as<FunctionCall>().arguments.empty());
  EXPECT_EQ(count->as<FunctionCall>().name.toString(), "count");

  ExpressionPtr position = parseExpression("position('b' IN 'abc')");
  ASSERT_TRUE(position->is<FunctionCall>());
  EXPECT_EQ(position->as<FunctionCall>().name.toString(), "strpos");
  EXPECT_EQ(position->as<FunctionCall>().arguments[0]->as<StringLiteral>().value, "abc");

  EXPECT_TRUE(parseExpression("IF(a, b)")->is<If>());
  EXPECT_TRUE(parseExpression("coalesce(a, b)")->is<Coalesce>());
  EXPECT_TRUE(parseExpression("NULLIF(a, b)")->is<NullIf>());
  EXPECT_TRUE(parseExpression("try(a)")->is<Try>());
  EXPECT_TRUE(parseExpression("s.try(a)")->is<FunctionCall>());
  EXPECT_TRUE(parseExpression("(1, 2)")->is<Row>());
  EXPECT_TRUE(parseExpression("(1)")->is<LongLiteral>());
  EXPECT_TRUE(parseExpression("DATE '2001-01-01'")->is<GenericLiteral>());
  EXPECT_TRUE(parseExpression("date")->is<Identifier>());
  EXPECT_TRUE(parseExpression("date(x)")->is<FunctionCall>());
  EXPECT_TRUE(parseExpression("interval")->is<Identifier>());
  EXPECT_TRUE(parseExpression("interval - 1")->is<ArithmeticBinary>());
  EXPECT_TRUE(parseExpression("array")->is<Identifier>());
  EXPECT_TRUE(parseExpression("row")->is<Identifier>());
}

TEST(AstShapeTest, literalValues) {
  EXPECT_EQ(parseExpression("9223372036854775807")->as<LongLiteral>().value, INT64_MAX);
  EXPECT_EQ(parseExpression("1.50")->as<DecimalLiteral>().value, "1.50");
  EXPECT_DOUBLE_EQ(parseExpression("2.5E3")->as<DoubleLiteral>().value, 2500.0);
  EXPECT_EQ(parseExpression("'a''b'")->as<StringLiteral>().value, "a'b");
  EXPECT_EQ(parseExpression("U&'\\00e9'")->as<StringLiteral>().value, "\xC3\xA9");
  EXPECT_EQ(parseExpression("X'00 ff'")->as<BinaryLiteral>().value, std::string("\x00\xff", 2));
  ExpressionPtr genericLiteral = parseExpression("decimal '1.20'");
  const auto& generic = genericLiteral->as<GenericLiteral>();
  EXPECT_EQ(generic.type, "DECIMAL");
  EXPECT_EQ(generic.value, "1.20");
  ExpressionPtr intervalLiteral = parseExpression("INTERVAL -'1-2' YEAR TO MONTH");
  const auto& interval = intervalLiteral->as<IntervalLiteral>();
  EXPECT_TRUE(interval.negative);
  EXPECT_EQ(interval.value, "1-2");
  EXPECT_EQ(interval.startField, IntervalLiteral::Field::kYear);
  EXPECT_EQ(interval.endField, IntervalLiteral::Field::kMonth);
  EXPECT_EQ(parseExpression("CAST(x AS DOUBLE PRECISION)")->as<Cast>().type, "double");
  EXPECT_EQ(
      parseExpression("CAST(x AS Row(A Bigint, \"B\" Array<Varchar(3)>))")->as<Cast>().type,
      "row(a bigint,\"B\" array(varchar(3)))");
}

TEST(AstShapeTest, identifiersAreNormalized) {
  ExpressionPtr plain = parseExpression("MyColumn");
  EXPECT_EQ(plain->as<Identifier>().value, "mycolumn");
  EXPECT_FALSE(plain->as<Identifier>().delimited);
  ExpressionPtr quoted = parseExpression("\"MyColumn\"");
  EXPECT_EQ(quoted->as<Identifier>().value, "MyColumn");
  EXPECT_TRUE(quoted->as<Identifier>().delimited);
  ExpressionPtr escaped = parseExpression("\"a\"\"b\"");
  EXPECT_EQ(escaped->as<Identifier>().value, "a\"b");

  StatementPtr statement = parseStatement("SELECT * FROM Tpch.\"Tiny\".LineItem");
  const auto& table = specificationOf(statement).from->as<Table>();
  EXPECT_EQ(table.name.toString(), "tpch.Tiny.lineitem");
}

TEST(AstShapeTest, locationsPointAtFirstTokenOrOperator) {
  StatementPtr statement = parseStatement("SELECT a,\n       b + c AS s\nFROM t\nWHERE x = 1");
  const auto& specification = specificationOf(statement);
  EXPECT_EQ(statement->location, (SourceLocation{1, 1}));
  EXPECT_EQ(specification.select->selectItems[0]->location, (SourceLocation{1, 8}));
  const auto& sum = *specification.select->selectItems[1]->as<SingleColumn>().expression;
  // Binary arithmetic and comparisons are located at their operator, as in Presto.
  EXPECT_EQ(sum.location, (SourceLocation{2, 10}));
  EXPECT_EQ(sum.as<ArithmeticBinary>().left->location, (SourceLocation{2, 8}));
  EXPECT_EQ(sum.as<ArithmeticBinary>().right->location, (SourceLocation{2, 12}));
  EXPECT_EQ(specification.select->selectItems[1]->as<SingleColumn>().alias->location,
            (SourceLocation{2, 17}));
  EXPECT_EQ(specification.from->location, (SourceLocation{3, 6}));
  EXPECT_EQ(specification.where->location, (SourceLocation{4, 9}));
  EXPECT_EQ(specification.where->as<Comparison>().right->location, (SourceLocation{4, 11}));
}

TEST(AstShapeTest, locationsCountCharactersNotBytes) {
  StatementPtr statement = parseStatement("SELECT '\xC3\xA9\xC3\xA9', x");
  const auto& second = specificationOf(statement).select->selectItems[1];
  EXPECT_EQ(second->location, (SourceLocation{1, 14}));
}

TEST(AstShapeTest, equalityIgnoresLocations) {
  StatementPtr compact = parseStatement("SELECT a FROM t WHERE b = 1");
  StatementPtr spread = parseStatement("select\n  A\nfrom\n  T\nwhere\n  b   =   1");
  EXPECT_TRUE(compact->equals(*spread));
  EXPECT_FALSE(compact->equals(*parseStatement("SELECT a FROM t WHERE b = 2")));
  EXPECT_FALSE(compact->equals(*parseStatement("SELECT a FROM t WHERE b <> 1")));
  EXPECT_FALSE(compact->equals(*parseStatement("SELECT a FROM u WHERE b = 1")));
}

TEST(AstShapeTest, parametersAreNumberedInOrder) {
  StatementPtr statement = parseStatement("SELECT ? FROM t WHERE a = ? LIMIT ?");
  const auto& specification = specificationOf(statement);
  EXPECT_EQ(firstSelectExpression(statement).as<Parameter>().position, 0);
  EXPECT_EQ(specification.where->as<Comparison>().right->as<Parameter>().position, 1);
  EXPECT_EQ(specification.limit->as<Limit>().rowCount->as<Parameter>().position, 2);
}

TEST(AstShapeTest, orderByAndLimitAttachToTheSelectBlock) {
  StatementPtr simple = parseStatement("SELECT a FROM t ORDER BY a LIMIT 5");
  const auto& query = simple->as<Query>();
  EXPECT_TRUE(query.orderBy.empty());
  EXPECT_EQ(query.limit, nullptr);
  EXPECT_EQ(specificationOf(simple).orderBy.size(), 1u);
  EXPECT_EQ(specificationOf(simple).limit->as<Limit>().rowCount->as<LongLiteral>().value, 5);

  StatementPtr union_ = parseStatement("SELECT a FROM t UNION SELECT a FROM u ORDER BY a LIMIT 5");
  const auto& unionQuery = union_->as<Query>();
  EXPECT_EQ(unionQuery.orderBy.size(), 1u);
  EXPECT_NE(unionQuery.limit, nullptr);
  EXPECT_TRUE(unionQuery.body->as<SetOperation>().right->as<QuerySpecification>().orderBy.empty());
}

TEST(AstShapeTest, setOperationPrecedence) {
  StatementPtr statement = parseStatement("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4");
  const auto& except = statement->as<Query>().body->as<SetOperation>();
  EXPECT_EQ(except.op, SetOperation::Operator::kExcept);
  const auto& union_ = except.left->as<SetOperation>();
  EXPECT_EQ(union_.op, SetOperation::Operator::kUnion);
  EXPECT_TRUE(union_.distinct);
  EXPECT_EQ(union_.right->as<SetOperation>().op, SetOperation::Operator::kIntersect);
  EXPECT_TRUE(union_.left->is<QuerySpecification>());
  StatementPtr all = parseStatement("SELECT 1 UNION ALL SELECT 2");
  EXPECT_FALSE(all->as<Query>().body->as<SetOperation>().distinct);
}

TEST(AstShapeTest, joinsAreLeftDeep) {
  StatementPtr statement = parseStatement("SELECT * FROM a, b LEFT JOIN c USING (k), d");
  const auto& outer = specificationOf(statement).from->as<Join>();
  EXPECT_EQ(outer.type, Join::Type::kImplicit);
  EXPECT_EQ(outer.right->as<Table>().name.toString(), "d");
  const auto& inner = outer.left->as<Join>();
  EXPECT_EQ(inner.type, Join::Type::kImplicit);
  EXPECT_EQ(inner.left->as<Table>().name.toString(), "a");
  const auto& leftJoin = inner.right->as<Join>();
  EXPECT_EQ(leftJoin.type, Join::Type::kLeft);
  ASSERT_EQ(leftJoin.usingColumns.size(), 1u);
  EXPECT_EQ(leftJoin.usingColumns[0]->value, "k");

  StatementPtr natural = parseStatement("SELECT * FROM a NATURAL RIGHT JOIN b");
  const auto& naturalJoin = specificationOf(natural).from->as<Join>();
  EXPECT_TRUE(naturalJoin.natural);
  EXPECT_EQ(naturalJoin.type, Join::Type::kRight);
  EXPECT_EQ(naturalJoin.condition, nullptr);
}

TEST(AstShapeTest, groupingElements) {
  StatementPtr statement =
      parseStatement("SELECT 1 FROM t GROUP BY a, (b, c), (), ROLLUP (d), GROUPING SETS ((e), f)");
  const auto& elements = specificationOf(statement).groupBy->groupingElements;
  ASSERT_EQ(elements.size(), 5u);
  EXPECT_EQ(elements[0]->as<SimpleGroupBy>().expressions.size(), 1u);
  EXPECT_EQ(elements[1]->as<SimpleGroupBy>().expressions.size(), 2u);
  EXPECT_TRUE(elements[2]->as<SimpleGroupBy>().expressions.empty());
  EXPECT_EQ(elements[3]->as<Rollup>().expressions.size(), 1u);
  EXPECT_EQ(elements[4]->as<GroupingSets>().sets.size(), 2u);
  StatementPtr row = parseStatement("SELECT 1 FROM t GROUP BY ROW (b, c)");
  const auto& rowElement = specificationOf(row).groupBy->groupingElements[0];
  ASSERT_EQ(rowElement->as<SimpleGroupBy>().expressions.size(), 1u);
  EXPECT_TRUE(rowElement->as<SimpleGroupBy>().expressions[0]->is<Row>());
}

TEST(AstShapeTest, windowSpecification) {
  ExpressionPtr expression = parseExpression(
      "sum(x) OVER (w PARTITION BY a ORDER BY b DESC "
      "ROWS BETWEEN 3 PRECEDING AND UNBOUNDED FOLLOWING)");
  const auto& call = expression->as<FunctionCall>();
  const WindowSpecification& window = *call.window;
  EXPECT_EQ(window.existingWindowName->value, "w");
  EXPECT_EQ(window.partitionBy.size(), 1u);
  EXPECT_TRUE(window.orderBy[0]->descending);
  EXPECT_EQ(window.frame->type, WindowFrame::Type::kRows);
  EXPECT_EQ(window.frame->start->type, FrameBound::Type::kPreceding);
  EXPECT_EQ(window.frame->start->value->as<LongLiteral>().value, 3);
  EXPECT_EQ(window.frame->end->type, FrameBound::Type::kUnboundedFollowing);
}

TEST(AstShapeTest, statementKinds) {
  EXPECT_TRUE(parseStatement("DESCRIBE t")->is<ShowColumns>());
  EXPECT_TRUE(parseStatement("DESCRIBE INPUT q")->is<DescribeInput>());
  EXPECT_TRUE(parseStatement("DESCRIBE OUTPUT q")->is<DescribeOutput>());
  EXPECT_TRUE(parseStatement("CREATE TABLE t (a bigint)")->is<CreateTable>());
  EXPECT_TRUE(parseStatement("CREATE TABLE t (a) AS SELECT 1")->is<CreateTableAsSelect>());
  EXPECT_TRUE(parseStatement("CREATE TABLE t AS SELECT 1")->is<CreateTableAsSelect>());
  EXPECT_TRUE(parseStatement("INSERT INTO t (a) SELECT 1")->is<Insert>());
  StatementPtr explainStatement = parseStatement("EXPLAIN (TYPE IO, FORMAT JSON) SELECT 1");
  const auto& explain = explainStatement->as<Explain>();
  ASSERT_EQ(explain.options.size(), 2u);
  EXPECT_EQ(explain.options[0]->type, ExplainOption::Type::kType);
  EXPECT_EQ(explain.options[0]->value, "IO");
  EXPECT_EQ(explain.options[1]->value, "JSON");
  EXPECT_TRUE(explain.statement->is<Query>());
  StatementPtr prepareStatement = parseStatement("PREPARE p FROM SELECT ?");
  const auto& prepare = prepareStatement->as<Prepare>();
  EXPECT_EQ(prepare.name->value, "p");
  EXPECT_TRUE(prepare.statement->is<Query>());
}

TEST(AstShapeTest, deepButBoundedNestingParses) {
  std::string parentheses = std::string(200, '(') + "1" + std::string(200, ')');
  EXPECT_TRUE(parseExpression(parentheses)->is<LongLiteral>());
  std::string chain = "1";
  for (int i = 0; i < 900; ++i) {
    chain += " + 1";
  }
  EXPECT_TRUE(parseExpression(chain)->is<ArithmeticBinary>());
  std::string conditions = "a = 0";
  for (int i = 1; i < 500; ++i) {
    conditions += fmt::format(" OR a = {}", i);
  }
  StatementPtr statement = parseStatement("SELECT * FROM t WHERE " + conditions);
  EXPECT_TRUE(statement->equals(*parseStatement(formatSql(*statement))));
}

} // namespace
} // namespace presto::sql
