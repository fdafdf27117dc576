#include "ExpressionTestBase.h"
#include "expression/ConstantFolder.h"

namespace presto::test {
namespace {

class RowExpressionTest : public ExpressionTestBase {};

TEST_F(RowExpressionTest, structuralEqualityAndHash) {
  auto first = parse("plus(c0, 1)", {BIGINT()});
  auto second = parse("plus(c0, 1)", {BIGINT()});
  auto other = parse("plus(c0, 2)", {BIGINT()});
  EXPECT_TRUE(first->equals(*second));
  EXPECT_EQ(first->hash(), second->hash());
  EXPECT_FALSE(first->equals(*other));
  EXPECT_FALSE(parse("c0", {BIGINT()})->equals(*parse("c0", {INTEGER()})));
}

TEST_F(RowExpressionTest, toStringShowsTheTree) {
  EXPECT_EQ(parse("plus(c0, 1)", {BIGINT()})->toString(), "$operator$add(#0, CAST(integer '1' AS bigint))");
  EXPECT_EQ(parse("if(c0, 'a', 'b')", {BOOLEAN()})->toString(), "IF(#0, 'a', 'b')");
}

TEST_F(RowExpressionTest, determinism) {
  EXPECT_TRUE(parse("plus(c0, 1)", {BIGINT()})->isDeterministic());
  EXPECT_FALSE(parse("plus(random(), 1e0)")->isDeterministic());
}

TEST_F(RowExpressionTest, constantFoldingUsesTheSameFunctions) {
  EXPECT_EQ(evaluateConstant(parse("plus(1, 2)"), registry()), Value(3));
  EXPECT_EQ(evaluateConstant(parse("multiply(1.5, 2.25)"), registry()), Value(int64_t{3375}));
  EXPECT_THROW(evaluateConstant(parse("divide(1, 0)"), registry()), PrestoException);
  auto folded = foldConstants(parse("plus(c0, multiply(2, 3))", {INTEGER()}), registry());
  EXPECT_EQ(folded->toString(), "$operator$add(#0, integer '6')");
  // A failing subtree stays (it may be in a branch that never runs).
  auto kept = foldConstants(parse("if(gt(c0, 0), divide(1, 0), 1)", {INTEGER()}), registry());
  EXPECT_EQ(kept->toString(), "IF($operator$greater_than(#0, integer '0'), $operator$divide(integer '1', integer '0'), integer '1')");
}

} // namespace
} // namespace presto::test
