#include <cmath>
#include <limits>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "PlanFragmentRoundTrip.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/TableWriterNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::server::test {
namespace {

using sql::test::OptimizerTestEnvironment;

sql::Symbol symbolOf(const std::string& name, TypePtr type) {
  return std::make_shared<VariableReferenceExpression>(name, std::move(type));
}

/// A fragment of one Values node with one row per `rows` entry, all of `types`.
sql::PlanFragment valuesFragment(const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows) {
  std::vector<sql::Symbol> outputs;
  for (size_t i = 0; i < types.size(); ++i) {
    outputs.push_back(symbolOf("c" + std::to_string(i), types[i]));
  }
  std::vector<std::vector<RowExpressionPtr>> expressions;
  for (const auto& row : rows) {
    auto& constants = expressions.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      constants.push_back(std::make_shared<ConstantExpression>(row[i], types[i]));
    }
  }
  sql::PlanFragment fragment;
  fragment.root = std::make_shared<sql::ValuesNode>(0, outputs, std::move(expressions));
  fragment.outputLayout = outputs;
  return fragment;
}

TEST(PlanFragmentJsonCasesTest, constantsOfEveryType) {
  OptimizerTestEnvironment environment;
  std::vector<TypePtr> types{BOOLEAN(), TINYINT(), SMALLINT(), INTEGER(), BIGINT(), REAL(), DOUBLE(), DECIMAL(10, 2),
      DECIMAL(30, 5), VARCHAR(), VARCHAR(5), CHAR(3), VARBINARY(), JSON(), DATE(), TIME(), TIMESTAMP(),
      TIMESTAMP_WITH_TIME_ZONE(), INTERVAL_DAY_TIME(), INTERVAL_YEAR_MONTH(), ARRAY(BIGINT()),
      MAP(VARCHAR(), ARRAY(DOUBLE())), ROW({"a", "b c"}, {BIGINT(), VARCHAR()}), UNKNOWN()};
  int128_t longUnscaled = -(static_cast<int128_t>(123456789012345678LL) * 1000000000000LL + 1);
  std::vector<Value> values{Value(true), Value(int64_t{-128}), Value(int64_t{32767}), Value(int64_t{-7}),
      Value(std::numeric_limits<int64_t>::min()), Value(1.5f), Value(-0.0), Value(int64_t{-1250}), Value(longUnscaled),
      Value("héllo \"quoted\"\n"), Value("abc"), Value("ab "), Value(std::string("\0\xff\x10", 3)), Value("{\"a\":[1]}"),
      Value(int64_t{-719162}), Value(int64_t{45296789}), Value(int64_t{1700000000123}), Value(int64_t{(1700000000123LL << 12) | 7}),
      Value(int64_t{-90061001}), Value(int64_t{-14}), Value::array({Value(int64_t{1}), Value(), Value(int64_t{3})}),
      Value::map({Value("k"), Value("empty")}, {Value::array({Value(0.25), Value()}), Value::array({})}),
      Value::row({Value(int64_t{9}), Value()}), Value()};
  std::vector<Value> nulls(types.size());
  auto fragment = valuesFragment(types, {values, nulls});
  auto decoded = expectRoundTrip(fragment, contextOf(environment));
  const auto& originalRows = fragment.root->as<sql::ValuesNode>()->rows();
  const auto& decodedRows = decoded.root->as<sql::ValuesNode>()->rows();
  ASSERT_EQ(decodedRows.size(), 2u);
  for (size_t row = 0; row < 2; ++row) {
    for (size_t i = 0; i < types.size(); ++i) {
      EXPECT_TRUE(decodedRows[row][i]->equals(*originalRows[row][i])) << types[i]->toString() << " row " << row;
    }
  }
}

TEST(PlanFragmentJsonCasesTest, floatingPointSpecialValues) {
  OptimizerTestEnvironment environment;
  double infinity = std::numeric_limits<double>::infinity();
  auto fragment = valuesFragment({DOUBLE(), REAL(), DOUBLE()},
      {{Value(std::nan("")), Value(-std::numeric_limits<float>::infinity()), Value(infinity)},
          {Value(0.1), Value(std::numeric_limits<float>::denorm_min()), Value(std::numeric_limits<double>::max())}});
  auto decoded = expectRoundTrip(fragment, contextOf(environment));
  const auto& row = decoded.root->as<sql::ValuesNode>()->rows()[0];
  EXPECT_TRUE(std::isnan(row[0]->as<ConstantExpression>()->value().as<double>()));
  EXPECT_EQ(row[1]->as<ConstantExpression>()->value().as<float>(), -std::numeric_limits<float>::infinity());
  EXPECT_EQ(row[2]->as<ConstantExpression>()->value().as<double>(), infinity);
  const auto& exact = decoded.root->as<sql::ValuesNode>()->rows()[1];
  EXPECT_EQ(exact[0]->as<ConstantExpression>()->value().as<double>(), 0.1);
  EXPECT_EQ(exact[1]->as<ConstantExpression>()->value().as<float>(), std::numeric_limits<float>::denorm_min());
}

/// Lambdas (the planner does not produce them yet): `transform(a, x -> x * 2)` and a lambda bound to
/// a captured symbol, `transform(a, BIND(c, (c, x) -> x + c))`, whose parameter `x` shadows a
/// plan symbol of another type.
TEST(PlanFragmentJsonCasesTest, lambdas) {
  OptimizerTestEnvironment environment;
  const auto& functions = environment.functions();
  auto array = symbolOf("a", ARRAY(BIGINT()));
  auto captured = symbolOf("c", BIGINT());
  auto shadowed = symbolOf("x", VARCHAR());
  auto x = std::make_shared<VariableReferenceExpression>("x", BIGINT());
  auto two = std::make_shared<ConstantExpression>(Value(int64_t{2}), BIGINT());
  auto doubled = std::make_shared<CallExpression>(
      functions.resolve(operators::kMultiply, {BIGINT(), BIGINT()}), std::vector<RowExpressionPtr>{x, two});
  auto doubleLambda = std::make_shared<LambdaDefinitionExpression>(
      std::vector<std::string>{"x"}, std::vector<TypePtr>{BIGINT()}, doubled);
  auto c = std::make_shared<VariableReferenceExpression>("c", BIGINT());
  auto sum = std::make_shared<CallExpression>(
      functions.resolve(operators::kAdd, {BIGINT(), BIGINT()}), std::vector<RowExpressionPtr>{x, c});
  auto addLambda = std::make_shared<LambdaDefinitionExpression>(
      std::vector<std::string>{"c", "x"}, std::vector<TypePtr>{BIGINT(), BIGINT()}, sum);
  auto bound = std::make_shared<SpecialFormExpression>(
      SpecialForm::kBind, BIGINT(), std::vector<RowExpressionPtr>{captured, addLambda});
  auto transform = functions.resolve("transform", {ARRAY(BIGINT()), BIGINT()});

  auto source = valuesFragment({ARRAY(BIGINT()), BIGINT(), VARCHAR()},
      {{Value::array({Value(int64_t{1}), Value(int64_t{2})}), Value(int64_t{10}), Value("text")}});
  auto values = std::make_shared<sql::ValuesNode>(
      0, std::vector<sql::Symbol>{array, captured, shadowed}, source.root->as<sql::ValuesNode>()->rows());
  std::vector<sql::Assignment> assignments{
      {symbolOf("doubled", ARRAY(BIGINT())), std::make_shared<CallExpression>(transform, std::vector<RowExpressionPtr>{array, doubleLambda})},
      {symbolOf("shifted", ARRAY(BIGINT())), std::make_shared<CallExpression>(transform, std::vector<RowExpressionPtr>{array, bound})},
      {shadowed, shadowed}};
  sql::PlanFragment fragment;
  fragment.root = std::make_shared<sql::ProjectNode>(1, values, assignments);
  fragment.outputLayout = fragment.root->outputSymbols();
  auto decoded = expectRoundTrip(fragment, contextOf(environment));
  const auto& decodedAssignments = decoded.root->as<sql::ProjectNode>()->assignments();
  for (size_t i = 0; i < assignments.size(); ++i) {
    EXPECT_TRUE(decodedAssignments[i].expression->equals(*assignments[i].expression)) << i;
  }
}

void collectNodeKinds(const nlohmann::json& node, std::set<std::string>& kinds) {
  kinds.insert(node["@kind"].get<std::string>());
  for (const auto& source : node["sources"]) {
    collectNodeKinds(source, kinds);
  }
}

/// Queries whose plans hold special forms and the less common node kinds.
TEST(PlanFragmentJsonCasesTest, expressionsAndNodeKindsFromSql) {
  OptimizerTestEnvironment environment;
  const char* queries[] = {
      "SELECT CASE WHEN n_nationkey > 3 THEN 'a' WHEN n_nationkey > 1 THEN 'b' ELSE 'c' END, "
      "CASE n_regionkey WHEN 1 THEN 'one' ELSE 'other' END, IF(n_nationkey = 1, 1.5, NULL), "
      "COALESCE(NULL, n_name), n_nationkey IN (1, 2, 3), n_comment IS NULL, CAST(n_nationkey AS varchar), "
      "TRY_CAST(n_name AS bigint), TRY(n_nationkey / 0), NULLIF(n_regionkey, 2), "
      "CAST(ROW(n_nationkey, n_name) AS ROW(x bigint, y varchar)).y, MAP(ARRAY['a'], ARRAY[n_nationkey]), "
      "DATE '2020-02-29' + INTERVAL '1' DAY, DECIMAL '12345678901234567890.5', n_nationkey BETWEEN 1 AND 4 "
      "FROM nation WHERE n_name LIKE 'A%' OR n_regionkey <> 2",
      "SELECT n_regionkey, count(DISTINCT n_nationkey), max(n_name), sum(n_nationkey) FILTER (WHERE n_nationkey > 2) "
      "FROM nation GROUP BY ROLLUP (n_regionkey)",
      "SELECT n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey DESC), "
      "sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM nation",
      "SELECT x, o FROM UNNEST(ARRAY[1, 2], ARRAY['a']) WITH ORDINALITY AS t (x, y, o)",
      "SELECT n_name FROM nation UNION SELECT r_name FROM region INTERSECT SELECT r_name FROM region",
      "SELECT n_nationkey FROM nation EXCEPT SELECT r_regionkey FROM region",
      "SELECT * FROM nation ORDER BY n_name OFFSET 3 LIMIT 5",
      "SELECT * FROM nation ORDER BY n_name DESC LIMIT 3",
      "SELECT count(DISTINCT n_regionkey), sum(DISTINCT n_nationkey), count(*) FROM nation",
      "SELECT n_regionkey FROM nation UNION ALL SELECT r_regionkey FROM region",
      "SELECT * FROM nation WHERE n_regionkey = (SELECT max(r_regionkey) FROM region) "
      "AND n_nationkey NOT IN (SELECT r_regionkey FROM region) "
      "AND EXISTS (SELECT 1 FROM region WHERE r_regionkey = n_regionkey)",
      "SELECT * FROM nation n FULL JOIN region r ON n.n_regionkey = r.r_regionkey AND n.n_nationkey > r.r_regionkey",
      "SELECT * FROM (VALUES (1, 'a'), (2, NULL)) AS t (x, y) LIMIT 1",
  };
  std::set<std::string> kinds;
  for (const char* query : queries) {
    SCOPED_TRACE(query);
    try {
      auto plan = environment.fragment(query);
      roundTripFragments(plan, contextOf(environment));
      for (const auto& fragment : plan.fragments) {
        collectNodeKinds(nlohmann::json::parse(planFragmentToJson(fragment))["root"], kinds);
      }
    } catch (const PrestoException& error) {
      ADD_FAILURE() << error.what();
    }
  }
  for (const char* kind : {"Aggregation", "EnforceSingleRow", "Filter", "GroupId", "Join", "Limit", "Offset", "Output",
           "Project", "RemoteSource", "SemiJoin", "Sort", "TableScan", "TopN", "Unnest", "Values", "Window"}) {
    EXPECT_TRUE(kinds.count(kind)) << kind << " not covered";
  }
}

/// Node kinds the optimizer leaves out of these queries' fragments: a union of two sources and a
/// distinct marker.
TEST(PlanFragmentJsonCasesTest, unionAndMarkDistinct) {
  OptimizerTestEnvironment environment;
  auto left = valuesFragment({BIGINT(), VARCHAR()}, {{Value(int64_t{1}), Value("a")}}).root;
  auto rightA = symbolOf("r0", BIGINT());
  auto rightB = symbolOf("r1", VARCHAR());
  auto right = std::make_shared<sql::ValuesNode>(1, std::vector<sql::Symbol>{rightA, rightB},
      std::vector<std::vector<RowExpressionPtr>>{{std::make_shared<ConstantExpression>(Value(int64_t{2}), BIGINT()),
          std::make_shared<ConstantExpression>(Value(), VARCHAR())}});
  auto unionA = symbolOf("u0", BIGINT());
  auto unionB = symbolOf("u1", VARCHAR());
  auto setOperation = std::make_shared<sql::SetOperationNode>(2, sql::SetOperationNode::Kind::kUnion, false,
      std::vector<sql::PlanNodePtr>{left, right}, std::vector<sql::Symbol>{unionA, unionB},
      std::vector<std::vector<sql::Symbol>>{left->outputSymbols(), {rightA, rightB}});
  sql::PlanFragment fragment;
  fragment.root = std::make_shared<sql::MarkDistinctNode>(3, setOperation, symbolOf("marker", BOOLEAN()),
      std::vector<sql::Symbol>{unionB});
  fragment.outputLayout = fragment.root->outputSymbols();
  auto decoded = expectRoundTrip(fragment, contextOf(environment));
  EXPECT_EQ(decoded.root->name(), "MarkDistinct");
  EXPECT_EQ(decoded.root->source()->name(), "Union");
}

std::vector<const sql::PlanNode*> nodesNamed(const sql::PlanNode& node, const std::string& name) {
  std::vector<const sql::PlanNode*> found;
  if (node.name() == name) {
    found.push_back(&node);
  }
  for (const auto& source : node.sources()) {
    auto below = nodesNamed(*source, name);
    found.insert(found.end(), below.begin(), below.end());
  }
  return found;
}

TEST(PlanFragmentJsonCasesTest, memoryTableWrites) {
  OptimizerTestEnvironment environment;
  auto memory = environment.catalogs().requireConnector("memory");
  memory->metadata().createSchema("s");
  memory->metadata().createTable({{"s", "t"}, {{"a", BIGINT()}, {"b", VARCHAR()}}}, false);
  for (const char* statement : {"INSERT INTO memory.s.t SELECT n_nationkey, n_name FROM nation",
           "CREATE TABLE memory.s.u AS SELECT n_nationkey AS k, n_comment FROM nation WHERE n_regionkey = 1"}) {
    SCOPED_TRACE(statement);
    auto decoded = roundTripFragments(environment.fragment(statement), contextOf(environment));
    size_t writers = 0;
    size_t commits = 0;
    for (const auto& fragment : decoded.fragments) {
      writers += nodesNamed(*fragment.root, "TableWriter").size();
      commits += nodesNamed(*fragment.root, "TableCommit").size();
    }
    EXPECT_GE(writers, 1u);
    EXPECT_EQ(commits, 1u);
  }
}

} // namespace
} // namespace presto::server::test
