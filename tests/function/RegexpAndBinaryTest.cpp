#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class RegexpAndBinaryTest : public ExpressionTestBase {};

const std::vector<TypePtr> kVarchar{VARCHAR()};

TEST_F(RegexpAndBinaryTest, regexpLikeAndExtract) {
  EXPECT_EQ(eval("regexp_like(c0, '\\d+b')", kVarchar, {"a12b"}), Value(true));
  EXPECT_EQ(eval("regexp_like(c0, '^b')", kVarchar, {"abc"}), Value(false));
  EXPECT_EQ(eval("regexp_like(c0, c1)", {VARCHAR(), VARCHAR()}, {"abc", "b."}), Value(true));
  EXPECT_EQ(evalError("regexp_like(c0, c1)", {VARCHAR(), VARCHAR()}, {"abc", "("}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("regexp_extract(c0, '\\d+')", kVarchar, {"1a 2b 14m"}), Value("1"));
  EXPECT_EQ(eval("regexp_extract(c0, '(\\d+)([a-z]+)', 2)", kVarchar, {"1a 2b 14m"}), Value("a"));
  EXPECT_EQ(eval("regexp_extract(c0, 'x')", kVarchar, {"abc"}), Value());
  EXPECT_EQ(evalError("regexp_extract(c0, '(a)', 2)", kVarchar, {"abc"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("regexp_extract_all(c0, '\\d+')", kVarchar, {"1a 2b 14m"}), Value::array({"1", "2", "14"}));
  EXPECT_EQ(eval("regexp_extract_all(c0, '(\\d+)([a-z]+)', 2)", kVarchar, {"1a 2b 14m"}), Value::array({"a", "b", "m"}));
  EXPECT_EQ(eval("regexp_extract_all(c0, 'x')", kVarchar, {"abc"}), Value::array({}));
}

TEST_F(RegexpAndBinaryTest, regexpReplaceAndSplit) {
  EXPECT_EQ(eval("regexp_replace(c0, '\\d+')", kVarchar, {"1a 2b 14m"}), Value("a b m"));
  EXPECT_EQ(eval("regexp_replace(c0, '(\\d+)([a-z]+)', '$2$1')", kVarchar, {"1a 2b 14m"}), Value("a1 b2 m14"));
  EXPECT_EQ(eval("regexp_split(c0, '\\s*[a-z]+\\s*')", kVarchar, {"1a 2b 14m"}), Value::array({"1", "2", "14", ""}));
  EXPECT_EQ(eval("regexp_split(c0, ',')", kVarchar, {"a,b"}), Value::array({"a", "b"}));
}

TEST_F(RegexpAndBinaryTest, digests) {
  EXPECT_EQ(eval("to_hex(md5(to_utf8(c0)))", kVarchar, {""}), Value("D41D8CD98F00B204E9800998ECF8427E"));
  EXPECT_EQ(eval("to_hex(md5(to_utf8(c0)))", kVarchar, {"abc"}), Value("900150983CD24FB0D6963F7D28E17F72"));
  EXPECT_EQ(eval("to_hex(sha1(to_utf8(c0)))", kVarchar, {"abc"}), Value("A9993E364706816ABA3E25717850C26C9CD0D89D"));
  EXPECT_EQ(eval("to_hex(sha256(to_utf8(c0)))", kVarchar, {"abc"}),
      Value("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  EXPECT_EQ(eval("to_hex(xxhash64(to_utf8(c0)))", kVarchar, {""}), Value("EF46DB3751D8E999"));
  EXPECT_EQ(eval("length(sha512(to_utf8(c0)))", kVarchar, {"abc"}), Value(int64_t{64}));
}

TEST_F(RegexpAndBinaryTest, encodings) {
  EXPECT_EQ(eval("to_base64(to_utf8(c0))", kVarchar, {"abc"}), Value("YWJj"));
  EXPECT_EQ(eval("to_base64(to_utf8(c0))", kVarchar, {"ab"}), Value("YWI="));
  EXPECT_EQ(eval("to_base64(to_utf8(c0))", kVarchar, {"a"}), Value("YQ=="));
  EXPECT_EQ(eval("from_utf8(from_base64(c0))", kVarchar, {"YWI="}), Value("ab"));
  EXPECT_EQ(evalError("from_base64(c0)", kVarchar, {"*"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("from_utf8(from_hex(c0))", kVarchar, {"616263"}), Value("abc"));
  EXPECT_EQ(evalError("from_hex(c0)", kVarchar, {"abc"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(evalError("from_hex(c0)", kVarchar, {"zz"}), "INVALID_FUNCTION_ARGUMENT");
}

} // namespace
} // namespace presto::test

namespace presto::test {
namespace {

class JsonFunctionsTest : public ExpressionTestBase {};

TEST_F(JsonFunctionsTest, parseAndExtract) {
  const std::vector<TypePtr> types{VARCHAR()};
  EXPECT_EQ(eval("json_format(json_parse(c0))", types, {"{\"a\": [1, 2]}"}), Value("{\"a\":[1,2]}"));
  EXPECT_EQ(evalError("json_parse(c0)", types, {"{bad"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("json_extract_scalar(c0, '$.a[1]')", types, {"{\"a\": [1, 2]}"}), Value("2"));
  EXPECT_EQ(eval("json_extract_scalar(c0, '$.b')", types, {"{\"a\": 1, \"b\": \"x\"}"}), Value("x"));
  EXPECT_EQ(eval("json_extract_scalar(c0, '$.a')", types, {"{\"a\": [1]}"}), Value());
  EXPECT_EQ(eval("json_extract(c0, '$.a')", types, {"{\"a\": [1, 2]}"}), Value("[1,2]"));
  EXPECT_EQ(eval("json_extract(c0, '$[\"k\"]')", types, {"{\"k\": true}"}), Value("true"));
  EXPECT_EQ(eval("json_extract(c0, '$.missing')", types, {"{}"}), Value());
  EXPECT_EQ(evalError("json_extract(c0, 'a')", types, {"{}"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("json_array_length(c0)", types, {"[1, 2, 3]"}), Value(int64_t{3}));
  EXPECT_EQ(eval("json_array_length(c0)", types, {"{}"}), Value());
  EXPECT_EQ(eval("json_size(c0, '$.a')", types, {"{\"a\": {\"x\": 1, \"y\": 2}}"}), Value(int64_t{2}));
  EXPECT_EQ(eval("is_json_scalar(c0)", types, {"12"}), Value(true));
  EXPECT_EQ(eval("json_array_contains(c0, 2)", types, {"[1, 2]"}), Value(true));
  EXPECT_EQ(eval("json_array_contains(c0, 'x')", types, {"[\"y\"]"}), Value(false));
}

} // namespace
} // namespace presto::test
