#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class MapLambdaFunctionsTest : public ExpressionTestBase {};

const std::vector<TypePtr> kMap{MAP(VARCHAR(), BIGINT())};

Value sample() {
  return Value::map({"a", "b", "c"}, {int64_t{1}, Value(), int64_t{3}});
}

TEST_F(MapLambdaFunctionsTest, transformValues) {
  EXPECT_EQ(eval("transform_values(c0, (k:varchar, v:bigint) -> multiply(v, 10))", kMap, {sample()}),
      Value::map({"a", "b", "c"}, {int64_t{10}, Value(), int64_t{30}}));
  EXPECT_EQ(eval("transform_values(c0, (k:varchar, v:bigint) -> concat(k, '!'))", kMap, {sample()}),
      Value::map({"a", "b", "c"}, {"a!", "b!", "c!"}));
  EXPECT_EQ(eval("transform_values(c0, (k:varchar, v:bigint) -> v)", kMap, {Value()}), Value());
  EXPECT_EQ(eval("transform_values(c0, (k:varchar, v:bigint) -> v)", kMap, {Value::map({}, {})}), Value::map({}, {}));
  EXPECT_EQ(evalRows("transform_values(c0, (k:varchar, v:bigint) -> plus(v, 1))", kMap,
                {{sample()}, {Value()}, {Value::map({"z"}, {int64_t{0}})}}),
      (std::vector<Value>{Value::map({"a", "b", "c"}, {int64_t{2}, Value(), int64_t{4}}), Value(), Value::map({"z"}, {int64_t{1}})}));
}

TEST_F(MapLambdaFunctionsTest, transformKeys) {
  EXPECT_EQ(eval("transform_keys(c0, (k:varchar, v:bigint) -> upper(k))", kMap, {sample()}),
      Value::map({"A", "B", "C"}, {int64_t{1}, Value(), int64_t{3}}));
  EXPECT_EQ(typeOf("transform_keys(c0, (k:varchar, v:bigint) -> length(k))", kMap)->toString(), "map(bigint,bigint)");
  EXPECT_EQ(evalErrorMessage("transform_keys(c0, (k:varchar, v:bigint) -> length(k))", kMap, {sample()}),
      "Duplicate map keys (1) are not allowed");
  EXPECT_EQ(evalErrorMessage("transform_keys(c0, (k:varchar, v:bigint) -> v)", kMap, {sample()}), "map key cannot be null");
}

TEST_F(MapLambdaFunctionsTest, mapFilter) {
  EXPECT_EQ(eval("map_filter(c0, (k:varchar, v:bigint) -> gt(v, 1))", kMap, {sample()}), Value::map({"c"}, {int64_t{3}}));
  EXPECT_EQ(eval("map_filter(c0, (k:varchar, v:bigint) -> neq(k, 'a'))", kMap, {sample()}),
      Value::map({"b", "c"}, {Value(), int64_t{3}}));
  EXPECT_EQ(eval("map_filter(c0, (k:varchar, v:bigint) -> false)", kMap, {sample()}), Value::map({}, {}));
  EXPECT_EQ(eval("map_filter(c0, (k:varchar, v:bigint) -> true)", kMap, {Value()}), Value());
}

} // namespace
} // namespace presto::test
