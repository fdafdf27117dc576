#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class LogicalFunctionsTest : public ExpressionTestBase {};

TEST_F(LogicalFunctionsTest, notNegatesAndKeepsNull) {
  EXPECT_EQ(eval("not(c0)", {BOOLEAN()}, {true}), Value(false));
  EXPECT_EQ(eval("not(c0)", {BOOLEAN()}, {false}), Value(true));
  EXPECT_EQ(eval("not(c0)", {BOOLEAN()}, {Value()}), Value());
  EXPECT_EQ(evalRows("not(c0)", {BOOLEAN()}, {{true}, {Value()}, {false}, {true}}),
      (std::vector<Value>{false, Value(), true, false}));
  EXPECT_TRUE(sameType(typeOf("not(c0)", {BOOLEAN()}), BOOLEAN()));
}

TEST_F(LogicalFunctionsTest, notOverPredicates) {
  // NOT LIKE, NOT IN, NOT BETWEEN as the analyzer writes them.
  EXPECT_EQ(eval("not(like(c0, 'a%'))", {VARCHAR()}, {"abc"}), Value(false));
  EXPECT_EQ(eval("not(like(c0, 'a%'))", {VARCHAR()}, {"xbc"}), Value(true));
  EXPECT_EQ(eval("not(in(c0, 1, 2))", {BIGINT()}, {int64_t{3}}), Value(true));
  EXPECT_EQ(eval("not(in(c0, 1, 2))", {BIGINT()}, {int64_t{2}}), Value(false));
  // 3 NOT IN (1, NULL) is NULL: the IN is NULL and so is its negation.
  EXPECT_EQ(eval("not(in(c0, 1, null))", {BIGINT()}, {int64_t{3}}), Value());
  EXPECT_EQ(eval("not(between(c0, 1, 5))", {BIGINT()}, {int64_t{7}}), Value(true));
  EXPECT_EQ(eval("not(not(c0))", {BOOLEAN()}, {true}), Value(true));
}

TEST_F(LogicalFunctionsTest, notErrorInArgumentIsNullUnderTry) {
  EXPECT_EQ(evalError("not(eq(divide(c0, 0), 1))", {BIGINT()}, {int64_t{3}}), "DIVISION_BY_ZERO");
  EXPECT_EQ(eval("try(not(eq(divide(c0, 0), 1)))", {BIGINT()}, {int64_t{3}}), Value());
}

} // namespace
} // namespace presto::test
