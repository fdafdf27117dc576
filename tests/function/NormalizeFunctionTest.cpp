#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class NormalizeFunctionTest : public ExpressionTestBase {};

const std::vector<TypePtr> kVarchar{VARCHAR()};
const std::vector<TypePtr> kTwoVarchars{VARCHAR(), VARCHAR()};

// é as one code point (U+00E9) and as e + combining acute accent (U+0065 U+0301).
const std::string kComposedE = "\xC3\xA9";
const std::string kDecomposedE = "e\xCC\x81";
// The ligature ﬁ (U+FB01), circled digit one ① (U+2460), Hangul syllable 한 (U+D55C) and its jamo
// U+1112 U+1161 U+11AB.
const std::string kLigature = "\xEF\xAC\x81";
const std::string kCircledOne = "\xE2\x91\xA0";
const std::string kHangul = "\xED\x95\x9C";
const std::string kHangulJamo = "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB";

TEST_F(NormalizeFunctionTest, defaultFormIsNfc) {
  EXPECT_EQ(eval("normalize(c0)", kVarchar, {"caf" + kDecomposedE}), Value("caf" + kComposedE));
  EXPECT_EQ(eval("normalize(c0)", kVarchar, {"caf" + kComposedE}), Value("caf" + kComposedE));
  EXPECT_EQ(eval("normalize(c0)", kVarchar, {kLigature}), Value(kLigature));  // compatibility forms stay
  EXPECT_EQ(eval("normalize(c0)", kVarchar, {kHangulJamo}), Value(kHangul));
  EXPECT_EQ(eval("normalize(c0)", kVarchar, {"plain ascii"}), Value("plain ascii"));
  EXPECT_EQ(eval("normalize(c0)", kVarchar, {""}), Value(""));
  EXPECT_EQ(eval("normalize(c0)", kVarchar, {Value()}), Value());
  EXPECT_TRUE(sameType(typeOf("normalize(c0)", kVarchar), VARCHAR()));
}

TEST_F(NormalizeFunctionTest, explicitForms) {
  EXPECT_EQ(eval("normalize(c0, 'NFC')", kVarchar, {kDecomposedE}), Value(kComposedE));
  EXPECT_EQ(eval("normalize(c0, 'NFD')", kVarchar, {kComposedE}), Value(kDecomposedE));
  EXPECT_EQ(eval("normalize(c0, 'NFD')", kVarchar, {kHangul}), Value(kHangulJamo));
  EXPECT_EQ(eval("normalize(c0, 'NFD')", kVarchar, {kLigature}), Value(kLigature));
  EXPECT_EQ(eval("normalize(c0, 'NFKC')", kVarchar, {kLigature + "x" + kCircledOne}), Value("fix1"));
  EXPECT_EQ(eval("normalize(c0, 'NFKC')", kVarchar, {kDecomposedE}), Value(kComposedE));
  EXPECT_EQ(eval("normalize(c0, 'NFKD')", kVarchar, {kComposedE + kCircledOne}), Value(kDecomposedE + "1"));
  EXPECT_EQ(eval("normalize(c0, 'NFKD')", kVarchar, {Value()}), Value());
  // The form as a column, changing from row to row.
  EXPECT_EQ(evalRows("normalize(c0, c1)", kTwoVarchars,
                {{kComposedE, "NFD"}, {kDecomposedE, "NFC"}, {kLigature, "NFKD"}, {Value(), "NFC"}, {"a", Value()}}),
      (std::vector<Value>{Value(kDecomposedE), Value(kComposedE), Value("fi"), Value(), Value()}));
}

TEST_F(NormalizeFunctionTest, unknownFormIsAnError) {
  const std::string message = "Normalization form must be one of [NFD, NFC, NFKD, NFKC]";
  EXPECT_EQ(evalError("normalize(c0, 'NFX')", kVarchar, {"a"}), "INVALID_FUNCTION_ARGUMENT");
  EXPECT_EQ(evalErrorMessage("normalize(c0, 'NFX')", kVarchar, {"a"}), message);
  // Form names are case-sensitive, as Java's Normalizer.Form.valueOf.
  EXPECT_EQ(evalErrorMessage("normalize(c0, c1)", kTwoVarchars, {"a", "nfd"}), message);
  EXPECT_EQ(eval("try(normalize(c0, 'NFX'))", kVarchar, {"a"}), Value());
}

} // namespace
} // namespace presto::test
