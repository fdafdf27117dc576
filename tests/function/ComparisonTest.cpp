#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class ComparisonTest : public ExpressionTestBase {};

TEST_F(ComparisonTest, everyOrderableType) {
  EXPECT_EQ(eval("lt(c0, c1)", {BIGINT(), BIGINT()}, {int64_t{1}, int64_t{2}}), Value(true));
  EXPECT_EQ(eval("gte(c0, c1)", {DOUBLE(), DOUBLE()}, {1.5, 1.5}), Value(true));
  EXPECT_EQ(eval("gt(c0, c1)", {VARCHAR(), VARCHAR()}, {"abd", "abc"}), Value(true));
  EXPECT_EQ(eval("lt(c0, c1)", {VARCHAR(), VARCHAR()}, {"ab", "abc"}), Value(true));
  EXPECT_EQ(eval("eq(c0, c1)", {VARCHAR(), VARCHAR()}, {"a string longer than twelve", "a string longer than twelve"}), Value(true));
  EXPECT_EQ(eval("lte(c0, date '1998-12-01')", {DATE()}, {int64_t{10000}}), Value(true));
  EXPECT_EQ(eval("neq(c0, c1)", {BOOLEAN(), BOOLEAN()}, {true, false}), Value(true));
  EXPECT_EQ(eval("lt(c0, c1)", {DECIMAL(30, 2), DECIMAL(30, 2)}, {int128Value("-5"), int128Value("3")}), Value(true));
  EXPECT_EQ(eval("eq(c0, c1)", {BIGINT(), BIGINT()}, {Value(), int64_t{2}}), Value());
}

TEST_F(ComparisonTest, mixedTypesCoerce) {
  EXPECT_EQ(eval("eq(c0, c1)", {INTEGER(), BIGINT()}, {5, int64_t{5}}), Value(true));
  EXPECT_EQ(eval("eq(c0, c1)", {DECIMAL(3, 1), DECIMAL(4, 2)}, {int64_t{15}, int64_t{150}}), Value(true));
  EXPECT_EQ(eval("lt(c0, 2.5)", {BIGINT()}, {int64_t{2}}), Value(true));
  EXPECT_EQ(eval("lt(c0, 2.5e0)", {INTEGER()}, {3}), Value(false));
}

TEST_F(ComparisonTest, betweenAndDistinctFrom) {
  EXPECT_EQ(eval("between(c0, 1, 10)", {BIGINT()}, {int64_t{10}}), Value(true));
  EXPECT_EQ(eval("between(c0, 1, 10)", {BIGINT()}, {int64_t{11}}), Value(false));
  EXPECT_EQ(eval("between(c0, 'a', 'c')", {VARCHAR()}, {"b"}), Value(true));
  EXPECT_EQ(eval("between(c0, 1, 10)", {BIGINT()}, {Value()}), Value());
  EXPECT_EQ(eval("distinct(c0, c1)", {BIGINT(), BIGINT()}, {Value(), Value()}), Value(false));
  EXPECT_EQ(eval("distinct(c0, c1)", {BIGINT(), BIGINT()}, {Value(), int64_t{1}}), Value(true));
  EXPECT_EQ(eval("distinct(c0, c1)", {BIGINT(), BIGINT()}, {int64_t{1}, int64_t{1}}), Value(false));
  EXPECT_EQ(eval("distinct(c0, c1)", {VARCHAR(), VARCHAR()}, {"x", "y"}), Value(true));
}

TEST_F(ComparisonTest, nestedEquality) {
  EXPECT_EQ(eval("eq(array(c0, 2), array(1, 2))", {BIGINT()}, {int64_t{1}}), Value(true));
  EXPECT_EQ(eval("neq(row(c0, 'a'), row(1, 'b'))", {BIGINT()}, {int64_t{1}}), Value(true));
}

TEST_F(ComparisonTest, unknownFunctionIsAnError) {
  try {
    parse("no_such_function(1)");
    FAIL();
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode(), errors::FUNCTION_NOT_FOUND);
  }
  try {
    parse("lt(1, 'a')");
    FAIL();
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode(), errors::FUNCTION_NOT_FOUND);
  }
}

} // namespace
} // namespace presto::test
