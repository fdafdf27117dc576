#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class ArrayFunctionsTest : public ExpressionTestBase {};

const std::vector<TypePtr> kBigintArray{ARRAY(BIGINT())};

Value bigints(std::initializer_list<Value> values) {
  return Value::array(std::vector<Value>(values));
}

TEST_F(ArrayFunctionsTest, accessors) {
  auto array = bigints({int64_t{10}, int64_t{20}, Value()});
  EXPECT_EQ(eval("cardinality(c0)", kBigintArray, {array}), Value(int64_t{3}));
  EXPECT_EQ(eval("cardinality(c0)", kBigintArray, {Value()}), Value());
  EXPECT_EQ(eval("element_at(c0, 2)", kBigintArray, {array}), Value(int64_t{20}));
  EXPECT_EQ(eval("element_at(c0, -3)", kBigintArray, {array}), Value(int64_t{10}));
  EXPECT_EQ(eval("element_at(c0, 4)", kBigintArray, {array}), Value());
  EXPECT_EQ(evalError("element_at(c0, 0)", kBigintArray, {array}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("subscript(c0, 1)", kBigintArray, {array}), Value(int64_t{10}));
  EXPECT_EQ(evalErrorMessage("subscript(c0, 4)", kBigintArray, {array}), "Array subscript out of bounds: index 4, size 3");
}

TEST_F(ArrayFunctionsTest, searching) {
  auto array = bigints({int64_t{1}, int64_t{2}, Value()});
  EXPECT_EQ(eval("contains(c0, 2)", kBigintArray, {array}), Value(true));
  EXPECT_EQ(eval("contains(c0, 5)", kBigintArray, {array}), Value());
  EXPECT_EQ(eval("contains(c0, 5)", kBigintArray, {bigints({int64_t{1}})}), Value(false));
  EXPECT_EQ(eval("array_position(c0, 2)", kBigintArray, {array}), Value(int64_t{2}));
  EXPECT_EQ(eval("array_position(c0, 7)", kBigintArray, {array}), Value(int64_t{0}));
  EXPECT_EQ(eval("array_max(c0)", kBigintArray, {bigints({int64_t{3}, int64_t{9}, int64_t{-1}})}), Value(int64_t{9}));
  EXPECT_EQ(eval("array_min(c0)", kBigintArray, {bigints({int64_t{3}, int64_t{9}, int64_t{-1}})}), Value(int64_t{-1}));
  EXPECT_EQ(eval("array_max(c0)", kBigintArray, {array}), Value());
  EXPECT_EQ(eval("array_max(c0)", kBigintArray, {bigints({})}), Value());
}

TEST_F(ArrayFunctionsTest, reshaping) {
  auto array = bigints({int64_t{3}, Value(), int64_t{1}, int64_t{3}, Value()});
  EXPECT_EQ(eval("array_distinct(c0)", kBigintArray, {array}), bigints({int64_t{3}, Value(), int64_t{1}}));
  EXPECT_EQ(eval("array_sort(c0)", kBigintArray, {array}), bigints({int64_t{1}, int64_t{3}, int64_t{3}, Value(), Value()}));
  EXPECT_EQ(eval("reverse(c0)", kBigintArray, {bigints({int64_t{1}, int64_t{2}})}), bigints({int64_t{2}, int64_t{1}}));
  EXPECT_EQ(eval("slice(c0, 2, 2)", kBigintArray, {array}), bigints({Value(), int64_t{1}}));
  EXPECT_EQ(eval("slice(c0, -2, 5)", kBigintArray, {array}), bigints({int64_t{3}, Value()}));
  EXPECT_EQ(evalError("slice(c0, 0, 1)", kBigintArray, {array}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("array_remove(c0, 3)", kBigintArray, {array}), bigints({Value(), int64_t{1}, Value()}));
  EXPECT_EQ(eval("array_join(c0, ', ')", {ARRAY(VARCHAR())}, {Value::array({"a", Value(), "b"})}), Value("a, b"));
  EXPECT_EQ(eval("array_join(c0, ',', 'x')", {ARRAY(VARCHAR())}, {Value::array({"a", Value(), "b"})}), Value("a,x,b"));
}

TEST_F(ArrayFunctionsTest, lambdas) {
  auto array = bigints({int64_t{1}, int64_t{2}, Value()});
  EXPECT_EQ(eval("transform(c0, (x:bigint) -> multiply(x, 10))", kBigintArray, {array}),
      bigints({int64_t{10}, int64_t{20}, Value()}));
  EXPECT_EQ(eval("transform(c0, (x:bigint) -> cast(x as varchar))", kBigintArray, {array}), Value::array({"1", "2", Value()}));
  EXPECT_EQ(eval("filter(c0, (x:bigint) -> gt(x, 1))", kBigintArray, {array}), bigints({int64_t{2}}));
  EXPECT_EQ(eval("any_match(c0, (x:bigint) -> gt(x, 1))", kBigintArray, {array}), Value(true));
  EXPECT_EQ(eval("any_match(c0, (x:bigint) -> gt(x, 5))", kBigintArray, {array}), Value());
  EXPECT_EQ(eval("all_match(c0, (x:bigint) -> gt(x, 1))", kBigintArray, {array}), Value(false));
  EXPECT_EQ(eval("none_match(c0, (x:bigint) -> gt(x, 5))", kBigintArray, {bigints({int64_t{1}})}), Value(true));
  // Captured columns are read at the element's row.
  EXPECT_EQ(eval("transform(c0, (x:bigint) -> plus(x, c1))", {ARRAY(BIGINT()), BIGINT()}, {array, int64_t{100}}),
      bigints({int64_t{101}, int64_t{102}, Value()}));
  // Errors inside lambdas fail the row; TRY turns them into NULL.
  EXPECT_EQ(evalError("transform(c0, (x:bigint) -> divide(10, minus(x, 1)))", kBigintArray, {array}), "DIVISION_BY_ZERO");
  EXPECT_EQ(eval("try(transform(c0, (x:bigint) -> divide(10, minus(x, 1))))", kBigintArray, {array}), Value());
  EXPECT_EQ(eval("transform(c0, (x:bigint) -> transform(array(x, 1), (y:bigint) -> plus(x, y)))", kBigintArray,
                {bigints({int64_t{5}})}),
      Value::array({bigints({int64_t{10}, int64_t{6}})}));
}

TEST_F(ArrayFunctionsTest, zipWithAndReduce) {
  const std::vector<TypePtr> pairs{ARRAY(BIGINT()), ARRAY(VARCHAR())};
  EXPECT_EQ(eval("zip_with(c0, c1, (x:bigint, y:varchar) -> concat(cast(x as varchar), y))", pairs,
                {bigints({int64_t{1}, int64_t{2}}), Value::array({"a", "b", "c"})}),
      Value::array({"1a", "2b", Value()}));
  EXPECT_EQ(eval("zip_with(c0, c1, (x:bigint, y:varchar) -> y)", pairs, {bigints({}), Value::array({"a"})}), Value::array({"a"}));
  EXPECT_EQ(eval("zip_with(c0, c1, (x:bigint, y:varchar) -> x)", pairs, {Value(), Value::array({"a"})}), Value());
  // Presto's examples: a NULL element makes the sum NULL unless the lambda handles it.
  EXPECT_EQ(eval("reduce(c0, 0, (s:bigint, x:bigint) -> plus(s, x), (s:bigint) -> s)", kBigintArray,
                {bigints({int64_t{5}, int64_t{20}, int64_t{50}})}),
      Value(int64_t{75}));
  EXPECT_EQ(eval("reduce(c0, 0, (s:bigint, x:bigint) -> plus(s, x), (s:bigint) -> s)", kBigintArray,
                {bigints({int64_t{5}, int64_t{20}, Value(), int64_t{50}})}),
      Value());
  EXPECT_EQ(eval("reduce(c0, 0, (s:bigint, x:bigint) -> plus(s, coalesce(x, 0)), (s:bigint) -> s)", kBigintArray,
                {bigints({int64_t{5}, int64_t{20}, Value(), int64_t{50}})}),
      Value(int64_t{75}));
  EXPECT_EQ(eval("reduce(c0, 0, (s:bigint, x:bigint) -> plus(s, x), (s:bigint) -> multiply(s, 2))", kBigintArray, {bigints({})}),
      Value(int64_t{0}));
  EXPECT_EQ(eval("reduce(c0, 0, (s:bigint, x:bigint) -> plus(s, x), (s:bigint) -> s)", kBigintArray, {Value()}), Value());
  // The state may start NULL.
  EXPECT_EQ(eval("reduce(c0, null, (s:bigint, x:bigint) -> coalesce(plus(s, x), x), (s:bigint) -> s)", kBigintArray,
                {bigints({int64_t{1}, int64_t{2}})}),
      Value(int64_t{3}));
  EXPECT_EQ(evalRows("reduce(c0, 1, (s:bigint, x:bigint) -> multiply(s, x), (s:bigint) -> cast(s as varchar))", kBigintArray,
                {{bigints({int64_t{2}, int64_t{3}})}, {bigints({})}, {Value()}, {bigints({int64_t{4}})}}),
      (std::vector<Value>{"6", "1", Value(), "4"}));
}

TEST_F(ArrayFunctionsTest, manyRowsAcrossEncodings) {
  auto rows = std::vector<std::vector<Value>>{{bigints({int64_t{1}})}, {Value()}, {bigints({})}, {bigints({int64_t{4}, int64_t{5}})}};
  EXPECT_EQ(evalRows("transform(c0, (x:bigint) -> plus(x, 1))", kBigintArray, rows),
      (std::vector<Value>{bigints({int64_t{2}}), Value(), bigints({}), bigints({int64_t{5}, int64_t{6}})}));
  EXPECT_EQ(evalRows("cardinality(filter(c0, (x:bigint) -> gt(x, 1)))", kBigintArray, rows),
      (std::vector<Value>{int64_t{0}, Value(), int64_t{0}, int64_t{2}}));
}

} // namespace
} // namespace presto::test
