#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class ArrayBuildAndSetTest : public ExpressionTestBase {};

const std::vector<TypePtr> kTwoArrays{ARRAY(BIGINT()), ARRAY(BIGINT())};

Value ints(std::initializer_list<Value> values) {
  return Value::array(std::vector<Value>(values));
}

TEST_F(ArrayBuildAndSetTest, setOperations) {
  auto left = ints({int64_t{1}, int64_t{2}, int64_t{2}, Value(), int64_t{3}});
  auto right = ints({int64_t{3}, Value(), int64_t{4}});
  EXPECT_EQ(eval("array_union(c0, c1)", kTwoArrays, {left, right}), ints({int64_t{1}, int64_t{2}, Value(), int64_t{3}, int64_t{4}}));
  EXPECT_EQ(eval("array_intersect(c0, c1)", kTwoArrays, {left, right}), ints({Value(), int64_t{3}}));
  EXPECT_EQ(eval("array_except(c0, c1)", kTwoArrays, {left, right}), ints({int64_t{1}, int64_t{2}}));
  EXPECT_EQ(eval("array_union(c0, c1)", kTwoArrays, {left, Value()}), Value());
  EXPECT_EQ(eval("arrays_overlap(c0, c1)", kTwoArrays, {left, right}), Value(true));
  EXPECT_EQ(eval("arrays_overlap(c0, c1)", kTwoArrays, {ints({int64_t{1}}), ints({int64_t{2}})}), Value(false));
  EXPECT_EQ(eval("arrays_overlap(c0, c1)", kTwoArrays, {ints({int64_t{1}, Value()}), ints({int64_t{2}})}), Value());
  EXPECT_EQ(eval("array_intersect(c0, c1)", {ARRAY(VARCHAR()), ARRAY(VARCHAR())},
                {Value::array({"b", "a", "b"}), Value::array({"b", "c"})}),
      Value::array({"b"}));
}

TEST_F(ArrayBuildAndSetTest, sequences) {
  EXPECT_EQ(eval("sequence(c0, 4)", {BIGINT()}, {int64_t{1}}), ints({int64_t{1}, int64_t{2}, int64_t{3}, int64_t{4}}));
  EXPECT_EQ(eval("sequence(c0, 1)", {BIGINT()}, {int64_t{3}}), ints({int64_t{3}, int64_t{2}, int64_t{1}}));
  EXPECT_EQ(eval("sequence(c0, 10, 4)", {BIGINT()}, {int64_t{1}}), ints({int64_t{1}, int64_t{5}, int64_t{9}}));
  EXPECT_EQ(evalErrorMessage("sequence(c0, 10, 0)", {BIGINT()}, {int64_t{1}}), "step must not be zero");
  EXPECT_EQ(evalError("sequence(c0, 10, -1)", {BIGINT()}, {int64_t{1}}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(evalErrorMessage("sequence(c0, 20000)", {BIGINT()}, {int64_t{1}}), "result of sequence function must not have more than 10000 entries");
  // Dates count days: 2020-02-28 is day 18320.
  EXPECT_EQ(eval("sequence(c0, c1)", {DATE(), DATE()}, {int64_t{18320}, int64_t{18322}}), ints({int64_t{18320}, int64_t{18321}, int64_t{18322}}));
  const std::vector<TypePtr> dateStep{DATE(), DATE(), INTERVAL_DAY_TIME()};
  EXPECT_EQ(eval("sequence(c0, c1, c2)", dateStep, {int64_t{0}, int64_t{5}, int64_t{2 * 86'400'000}}), ints({int64_t{0}, int64_t{2}, int64_t{4}}));
  EXPECT_EQ(evalErrorMessage("sequence(c0, c1, c2)", dateStep, {int64_t{0}, int64_t{5}, int64_t{3'600'000}}),
      "sequence step must be a day interval if start and end values are dates");
  EXPECT_EQ(eval("sequence(c0, c1, c2)", {TIMESTAMP(), TIMESTAMP(), INTERVAL_DAY_TIME()}, {int64_t{0}, int64_t{7'200'000}, int64_t{3'600'000}}),
      ints({int64_t{0}, int64_t{3'600'000}, int64_t{7'200'000}}));
}

TEST_F(ArrayBuildAndSetTest, reshaping) {
  EXPECT_EQ(eval("flatten(c0)", {ARRAY(ARRAY(BIGINT()))}, {Value::array({ints({int64_t{1}}), Value(), ints({}), ints({int64_t{2}, Value()})})}),
      ints({int64_t{1}, int64_t{2}, Value()}));
  EXPECT_EQ(eval("concat(c0, c1)", kTwoArrays, {ints({int64_t{1}}), ints({int64_t{2}, int64_t{3}})}), ints({int64_t{1}, int64_t{2}, int64_t{3}}));
  EXPECT_EQ(eval("concat(c0, c1, c0)", kTwoArrays, {ints({int64_t{1}}), ints({})}), ints({int64_t{1}, int64_t{1}}));
  EXPECT_EQ(eval("concat(c0, c1)", kTwoArrays, {ints({int64_t{1}}), Value()}), Value());
  EXPECT_EQ(eval("concat(c0, null)", {VARCHAR()}, {"a"}), Value());
  EXPECT_EQ(eval("zip(c0, c1)", {ARRAY(BIGINT()), ARRAY(VARCHAR())}, {ints({int64_t{1}, int64_t{2}}), Value::array({"a"})}),
      Value::array({Value::row({int64_t{1}, "a"}), Value::row({int64_t{2}, Value()})}));
  EXPECT_EQ(eval("repeat(c0, 3)", {VARCHAR()}, {"ab"}), Value::array({"ab", "ab", "ab"}));
  EXPECT_EQ(eval("repeat(c0, 2)", {VARCHAR()}, {Value()}), Value::array({Value(), Value()}));
  EXPECT_EQ(eval("repeat(c0, 0)", {VARCHAR()}, {"ab"}), Value::array({}));
  EXPECT_EQ(evalError("repeat(c0, -1)", {VARCHAR()}, {"ab"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("cardinality(shuffle(c0))", {ARRAY(BIGINT())}, {ints({int64_t{1}, int64_t{2}, int64_t{3}})}), Value(int64_t{3}));
  EXPECT_EQ(eval("array_sort(shuffle(c0))", {ARRAY(BIGINT())}, {ints({int64_t{3}, int64_t{1}, int64_t{2}})}), ints({int64_t{1}, int64_t{2}, int64_t{3}}));
}

} // namespace
} // namespace presto::test
