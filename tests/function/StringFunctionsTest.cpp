#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class StringFunctionsTest : public ExpressionTestBase {};

const std::vector<TypePtr> kVarchar{VARCHAR()};

TEST_F(StringFunctionsTest, lengthAndCase) {
  EXPECT_EQ(eval("length(c0)", kVarchar, {"héllo"}), Value(int64_t{5}));
  EXPECT_EQ(eval("length(c0)", kVarchar, {""}), Value(int64_t{0}));
  EXPECT_EQ(eval("length(c0)", kVarchar, {Value()}), Value());
  EXPECT_EQ(eval("lower(c0)", kVarchar, {"AbC"}), Value("abc"));
  EXPECT_EQ(eval("upper(c0)", kVarchar, {"AbC xyz long enough to be out of line"}), Value("ABC XYZ LONG ENOUGH TO BE OUT OF LINE"));
}

TEST_F(StringFunctionsTest, substr) {
  EXPECT_EQ(eval("substr(c0, 2)", kVarchar, {"hello"}), Value("ello"));
  EXPECT_EQ(eval("substr(c0, 2, 3)", kVarchar, {"hello"}), Value("ell"));
  EXPECT_EQ(eval("substr(c0, -3)", kVarchar, {"hello"}), Value("llo"));
  EXPECT_EQ(eval("substr(c0, -3, 2)", kVarchar, {"hello"}), Value("ll"));
  EXPECT_EQ(eval("substr(c0, 0)", kVarchar, {"hello"}), Value(""));
  EXPECT_EQ(eval("substr(c0, 6)", kVarchar, {"hello"}), Value(""));
  EXPECT_EQ(eval("substr(c0, 1, 100)", kVarchar, {"hello"}), Value("hello"));
  EXPECT_EQ(eval("substr(c0, 2, 2)", kVarchar, {"añbc"}), Value("ñb"));
  EXPECT_EQ(eval("substring(c0, 10, 6)", kVarchar, {"a string long enough to live in a buffer"}), Value("long e"));
}

TEST_F(StringFunctionsTest, trimPadReplaceReverse) {
  EXPECT_EQ(eval("trim(c0)", kVarchar, {"  a b  "}), Value("a b"));
  EXPECT_EQ(eval("ltrim(c0)", kVarchar, {"  a "}), Value("a "));
  EXPECT_EQ(eval("rtrim(c0)", kVarchar, {"  a "}), Value("  a"));
  EXPECT_EQ(eval("trim(c0, 'xy')", kVarchar, {"xyaxy"}), Value("a"));
  EXPECT_EQ(eval("lpad(c0, 5, '12')", kVarchar, {"ab"}), Value("121ab"));
  EXPECT_EQ(eval("rpad(c0, 5, '12')", kVarchar, {"ab"}), Value("ab121"));
  EXPECT_EQ(eval("lpad(c0, 1, '12')", kVarchar, {"ab"}), Value("a"));
  EXPECT_EQ(evalError("lpad(c0, 5, '')", kVarchar, {"ab"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("replace(c0, 'a', 'xy')", kVarchar, {"banana"}), Value("bxynxynxy"));
  EXPECT_EQ(eval("replace(c0, 'an')", kVarchar, {"banana"}), Value("ba"));
  EXPECT_EQ(eval("replace(c0, '', '-')", kVarchar, {"ab"}), Value("-a-b-"));
  EXPECT_EQ(eval("reverse(c0)", kVarchar, {"añb"}), Value("bña"));
}

TEST_F(StringFunctionsTest, searching) {
  EXPECT_EQ(eval("strpos(c0, 'an')", kVarchar, {"banana"}), Value(int64_t{2}));
  EXPECT_EQ(eval("strpos(c0, 'an', 2)", kVarchar, {"banana"}), Value(int64_t{4}));
  EXPECT_EQ(eval("strpos(c0, 'x')", kVarchar, {"banana"}), Value(int64_t{0}));
  EXPECT_EQ(eval("position(c0, 'ñ')", kVarchar, {"aña"}), Value(int64_t{2}));
  EXPECT_EQ(eval("starts_with(c0, 'ba')", kVarchar, {"banana"}), Value(true));
  EXPECT_EQ(eval("ends_with(c0, 'ba')", kVarchar, {"banana"}), Value(false));
  EXPECT_EQ(eval("split_part(c0, ',', 2)", kVarchar, {"a,b,c"}), Value("b"));
  EXPECT_EQ(eval("split_part(c0, ',', 4)", kVarchar, {"a,b,c"}), Value());
  EXPECT_EQ(eval("split(c0, ',')", kVarchar, {"a,b,,c"}), Value::array({"a", "b", "", "c"}));
  EXPECT_EQ(eval("split(c0, ',', 2)", kVarchar, {"a,b,c"}), Value::array({"a", "b,c"}));
}

TEST_F(StringFunctionsTest, codePointsAndDistances) {
  EXPECT_EQ(eval("chr(c0)", {BIGINT()}, {int64_t{241}}), Value("ñ"));
  EXPECT_EQ(evalError("chr(c0)", {BIGINT()}, {int64_t{-1}}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("codepoint(cast(c0 as varchar(1)))", kVarchar, {"A"}), Value(65));
  EXPECT_EQ(eval("levenshtein_distance(c0, 'kitten')", kVarchar, {"sitting"}), Value(int64_t{3}));
  EXPECT_EQ(eval("hamming_distance(c0, 'abd')", kVarchar, {"abc"}), Value(int64_t{1}));
  EXPECT_EQ(evalError("hamming_distance(c0, 'ab')", kVarchar, {"abc"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(eval("from_utf8(to_utf8(c0))", kVarchar, {"añb"}), Value("añb"));
}

TEST_F(StringFunctionsTest, concat) {
  EXPECT_EQ(eval("concat(c0, '-', c0)", kVarchar, {"ab"}), Value("ab-ab"));
  EXPECT_EQ(eval("concat(c0, null)", kVarchar, {"ab"}), Value());
}

TEST_F(StringFunctionsTest, boundedTypesArePreserved) {
  EXPECT_EQ(typeOf("substr(c0, 2)", {VARCHAR(7)})->toString(), "varchar(7)");
  EXPECT_EQ(typeOf("substring(c0, 2, 3)", {VARCHAR(7)})->toString(), "varchar(7)");
  EXPECT_EQ(typeOf("trim(c0)", {VARCHAR(7)})->toString(), "varchar(7)");
  EXPECT_EQ(typeOf("upper(c0)", {VARCHAR(7)})->toString(), "varchar(7)");
  EXPECT_EQ(typeOf("substr(c0, 2)", kVarchar)->toString(), "varchar");
  // A NULL literal still finds the varchar overload.
  EXPECT_EQ(eval("substr(null, 2)"), Value());
}

TEST_F(StringFunctionsTest, charOverloads) {
  const std::vector<TypePtr> char10{CHAR(10)};
  EXPECT_EQ(typeOf("substr(c0, 1, 5)", char10)->toString(), "char(10)");
  EXPECT_EQ(eval("substr(c0, 2, 3)", char10, {"hello"}), Value("ell"));
  EXPECT_EQ(eval("substring(c0, -2)", char10, {"hello"}), Value("lo"));
  EXPECT_EQ(eval("substr(c0, 1, 5)", char10, {Value()}), Value());
  // length of a char(x) is x.
  EXPECT_EQ(eval("length(c0)", char10, {"ab"}), Value(int64_t{10}));
  EXPECT_EQ(eval("length(c0)", char10, {Value()}), Value());
  EXPECT_EQ(typeOf("trim(c0)", char10)->toString(), "char(10)");
  EXPECT_EQ(eval("trim(c0)", char10, {"  ab"}), Value("ab"));
  EXPECT_EQ(eval("ltrim(c0)", char10, {"  ab"}), Value("ab"));
  EXPECT_EQ(eval("rtrim(c0)", char10, {"ab  "}), Value("ab"));
  EXPECT_EQ(eval("upper(c0)", char10, {"ab"}), Value("AB"));
  EXPECT_EQ(eval("lower(c0)", char10, {"AB"}), Value("ab"));
}

TEST_F(StringFunctionsTest, charConcatPadsTheLeftValue) {
  const std::vector<TypePtr> chars{CHAR(3), CHAR(2)};
  EXPECT_EQ(typeOf("concat(c0, c1)", chars)->toString(), "char(5)");
  EXPECT_EQ(eval("concat(c0, c1)", chars, {"ab", "cd"}), Value("ab cd"));
  EXPECT_EQ(eval("concat(c0, c1)", chars, {"abc", "d"}), Value("abcd"));
  EXPECT_EQ(eval("concat(c0, c1)", chars, {"ab", ""}), Value("ab"));
  EXPECT_EQ(eval("concat(c0, c1)", chars, {Value(), "cd"}), Value());
  // A bounded varchar coerces to char of its length: char(5) || varchar(2) is char(7).
  const std::vector<TypePtr> mixed{CHAR(5), VARCHAR(2)};
  EXPECT_EQ(typeOf("concat(c0, c1)", mixed)->toString(), "char(7)");
  EXPECT_EQ(eval("concat(c0, c1)", mixed, {"ab", ", "}), Value("ab   , "));
  EXPECT_EQ(typeOf("concat(c1, c0)", mixed)->toString(), "char(7)");
  EXPECT_EQ(eval("concat(c1, c0)", mixed, {"ab", ", "}), Value(", ab"));
  // Varchar operands keep the variadic varchar concat.
  EXPECT_EQ(typeOf("concat(c0, c0)", {VARCHAR(2)})->toString(), "varchar");
}

TEST_F(StringFunctionsTest, likePatterns) {
  auto like = [&](const std::string& value, const std::string& pattern) {
    return eval("like(c0, '" + pattern + "')", kVarchar, {Value(value)});
  };
  EXPECT_EQ(like("abc", "abc"), Value(true));
  EXPECT_EQ(like("abc", "ab"), Value(false));
  EXPECT_EQ(like("abcdef", "abc%"), Value(true));
  EXPECT_EQ(like("xabc", "abc%"), Value(false));
  EXPECT_EQ(like("xxabc", "%abc"), Value(true));
  EXPECT_EQ(like("a long string with special requests in it", "%special%requests%"), Value(true));
  EXPECT_EQ(like("PROMO BRUSHED", "PROMO%"), Value(true));
  EXPECT_EQ(like("xxabcyy", "%abc%"), Value(true));
  EXPECT_EQ(like("xxabyy", "%abc%"), Value(false));
  EXPECT_EQ(like("anything", "%"), Value(true));
  EXPECT_EQ(like("abc", "a_c"), Value(true));
  EXPECT_EQ(like("añc", "a_c"), Value(true));
  EXPECT_EQ(like("abbc", "a_c"), Value(false));
  EXPECT_EQ(like("abcbc", "a%b_"), Value(true));
  EXPECT_EQ(like("", ""), Value(true));
  // Patterns with only '%' wildcards: anchored ends, literals in order, no overlaps.
  EXPECT_EQ(like("requests special", "%special%requests%"), Value(false));
  EXPECT_EQ(like("specialrequests", "%special%requests%"), Value(true));
  EXPECT_EQ(like("special requests", "special%requests"), Value(true));
  EXPECT_EQ(like("special requests!", "special%requests"), Value(false));
  EXPECT_EQ(like("aba", "ab%ba"), Value(false));
  EXPECT_EQ(like("abba", "ab%ba"), Value(true));
  EXPECT_EQ(like("abxab", "%ab%ab"), Value(true));
  EXPECT_EQ(like("xab", "%ab%ab"), Value(false));
  EXPECT_EQ(like("a-b-c", "a%%b%c"), Value(true));
  EXPECT_EQ(like("acb", "a%b%c"), Value(false));
  EXPECT_EQ(eval("like(c0, c1)", {VARCHAR(), VARCHAR()}, {"hello", "h%o"}), Value(true));
  EXPECT_EQ(eval("like(c0, c1)", {VARCHAR(), VARCHAR()}, {"hello", Value()}), Value());
}

TEST_F(StringFunctionsTest, likeWithEscape) {
  EXPECT_EQ(eval("like(c0, 'a#%b', '#')", kVarchar, {"a%b"}), Value(true));
  EXPECT_EQ(eval("like(c0, 'a#%b', '#')", kVarchar, {"axb"}), Value(false));
  EXPECT_EQ(eval("like(c0, '%#_%', '#')", kVarchar, {"a_b"}), Value(true));
  EXPECT_EQ(eval("like(c0, '%#_%', '#')", kVarchar, {"ab"}), Value(false));
  EXPECT_EQ(eval("like(c0, c1, '#')", {VARCHAR(), VARCHAR()}, {"a#b", "a##b"}), Value(true));
  EXPECT_EQ(evalError("like(c0, c1, '#')", {VARCHAR(), VARCHAR()}, {"ab", "a#b"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(evalError("like(c0, c1, '##')", {VARCHAR(), VARCHAR()}, {"ab", "ab"}), "INVALID_FUNCTION_ARGUMENT");
}

} // namespace
} // namespace presto::test
