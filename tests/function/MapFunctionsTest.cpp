#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class MapFunctionsTest : public ExpressionTestBase {};

const std::vector<TypePtr> kMap{MAP(VARCHAR(), BIGINT())};

Value sample() {
  return Value::map({"a", "b"}, {int64_t{1}, Value()});
}

TEST_F(MapFunctionsTest, accessors) {
  EXPECT_EQ(eval("cardinality(c0)", kMap, {sample()}), Value(int64_t{2}));
  EXPECT_EQ(eval("cardinality(c0)", kMap, {Value::map({}, {})}), Value(int64_t{0}));
  EXPECT_EQ(eval("cardinality(c0)", kMap, {Value()}), Value());
  EXPECT_EQ(eval("map_keys(c0)", kMap, {sample()}), Value::array({"a", "b"}));
  EXPECT_EQ(eval("map_values(c0)", kMap, {sample()}), Value::array({int64_t{1}, Value()}));
  EXPECT_EQ(eval("map_keys(c0)", kMap, {Value()}), Value());
  EXPECT_EQ(typeOf("map_values(c0)", kMap)->toString(), "array(bigint)");
}

TEST_F(MapFunctionsTest, lookup) {
  EXPECT_EQ(eval("element_at(c0, 'a')", kMap, {sample()}), Value(int64_t{1}));
  EXPECT_EQ(eval("element_at(c0, 'b')", kMap, {sample()}), Value());
  EXPECT_EQ(eval("element_at(c0, 'z')", kMap, {sample()}), Value());
  EXPECT_EQ(eval("element_at(c0, null)", kMap, {sample()}), Value());
  EXPECT_EQ(eval("subscript(c0, 'a')", kMap, {sample()}), Value(int64_t{1}));
  EXPECT_EQ(evalErrorMessage("subscript(c0, 'z')", kMap, {sample()}), "Key not present in map: z");
  // An integer key coerces to the map's bigint keys.
  const std::vector<TypePtr> byNumber{MAP(BIGINT(), ARRAY(VARCHAR()))};
  auto map = Value::map({int64_t{7}, int64_t{9}}, {Value::array({"x"}), Value::array({"y", "z"})});
  EXPECT_EQ(eval("element_at(c0, 9)", byNumber, {map}), Value::array({"y", "z"}));
  EXPECT_EQ(evalRows("element_at(c0, 7)", byNumber, {{map}, {Value()}, {Value::map({}, {})}}),
      (std::vector<Value>{Value::array({"x"}), Value(), Value()}));
}

TEST_F(MapFunctionsTest, construction) {
  const std::vector<TypePtr> arrays{ARRAY(BIGINT()), ARRAY(VARCHAR())};
  auto keys = Value::array({int64_t{1}, int64_t{2}});
  EXPECT_EQ(eval("map(c0, c1)", arrays, {keys, Value::array({"x", Value()})}),
      Value::map({int64_t{1}, int64_t{2}}, {"x", Value()}));
  EXPECT_EQ(typeOf("map(c0, c1)", arrays)->toString(), "map(bigint,varchar)");
  EXPECT_EQ(evalErrorMessage("map(c0, c1)", arrays, {keys, Value::array({"x"})}), "Key and value arrays must be the same length");
  EXPECT_EQ(evalErrorMessage("map(c0, c1)", arrays, {Value::array({int64_t{1}, Value()}), Value::array({"x", "y"})}),
      "map key cannot be null");
  EXPECT_EQ(evalErrorMessage("map(c0, c1)", arrays, {Value::array({int64_t{1}, int64_t{1}}), Value::array({"x", "y"})}),
      "Duplicate map keys (1) are not allowed");
  EXPECT_EQ(eval("map(c0, c1)", arrays, {Value(), Value::array({})}), Value());
  EXPECT_EQ(eval("cardinality(map())"), Value(int64_t{0}));
}

TEST_F(MapFunctionsTest, concatAndEntries) {
  const std::vector<TypePtr> two{MAP(VARCHAR(), BIGINT()), MAP(VARCHAR(), BIGINT())};
  auto left = Value::map({"a", "b"}, {int64_t{1}, int64_t{2}});
  auto right = Value::map({"b", "c"}, {int64_t{3}, int64_t{4}});
  // Equal keys take the last map's value.
  EXPECT_EQ(eval("map_concat(c0, c1)", two, {left, right}), Value::map({"a", "b", "c"}, {int64_t{1}, int64_t{3}, int64_t{4}}));
  EXPECT_EQ(eval("map_concat(c0, c1)", two, {left, Value()}), Value());
  EXPECT_EQ(eval("map_entries(c0)", kMap, {left}),
      Value::array({Value::row({"a", int64_t{1}}), Value::row({"b", int64_t{2}})}));
  EXPECT_EQ(typeOf("map_entries(c0)", kMap)->toString(), "array(row(varchar,bigint))");
  EXPECT_EQ(eval("map_from_entries(map_entries(c0))", kMap, {left}), left);
  const std::vector<TypePtr> entries{ARRAY(ROW({"k", "v"}, {BIGINT(), DOUBLE()}))};
  EXPECT_EQ(evalErrorMessage("map_from_entries(c0)", entries,
                {Value::array({Value::row({int64_t{1}, 1.0}), Value::row({int64_t{1}, 2.0})})}),
      "Duplicate map keys (1) are not allowed");
  EXPECT_EQ(evalErrorMessage("map_from_entries(c0)", entries, {Value::array({Value()})}), "map entry cannot be null");
}

} // namespace
} // namespace presto::test
