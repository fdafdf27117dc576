#include <gtest/gtest.h>

#include "common/PrestoException.h"
#include "type/TypeSignature.h"

namespace presto {
namespace {

void expectRoundTrip(const std::string& text, const std::string& canonical) {
  auto type = parseTypeSignature(text);
  EXPECT_EQ(type->toString(), canonical) << text;
  auto reparsed = parseTypeSignature(type->toString());
  EXPECT_TRUE(reparsed->equals(*type)) << text;
}

TEST(TypeSignatureTest, primitives) {
  for (auto name : {"boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "varchar", "varbinary",
           "date", "time", "timestamp", "timestamp with time zone", "interval day to second",
           "interval year to month", "json", "unknown"}) {
    expectRoundTrip(name, name);
  }
  expectRoundTrip("BIGINT", "bigint");
  expectRoundTrip("int", "integer");
  expectRoundTrip("double precision", "double");
  expectRoundTrip("Timestamp  With Time  Zone", "timestamp with time zone");
}

TEST(TypeSignatureTest, parametricTypes) {
  expectRoundTrip("decimal(15,2)", "decimal(15,2)");
  expectRoundTrip("decimal( 38 , 10 )", "decimal(38,10)");
  expectRoundTrip("decimal(5)", "decimal(5,0)");
  expectRoundTrip("decimal", "decimal(38,0)");
  expectRoundTrip("varchar(25)", "varchar(25)");
  expectRoundTrip("char(1)", "char(1)");
  expectRoundTrip("char", "char(1)");
  expectRoundTrip("array(bigint)", "array(bigint)");
  expectRoundTrip("map(varchar, array(bigint))", "map(varchar,array(bigint))");
}

TEST(TypeSignatureTest, rows) {
  expectRoundTrip("row(a bigint, b array(decimal(15,2)))", "row(a bigint,b array(decimal(15,2)))");
  expectRoundTrip("row(bigint, varchar)", "row(bigint,varchar)");
  expectRoundTrip("row(date date, \"Mixed Case\" double)", "row(date date,\"Mixed Case\" double)");
  expectRoundTrip("row(ts timestamp with time zone, x row(y map(bigint, json)))",
      "row(ts timestamp with time zone,x row(y map(bigint,json)))");
  expectRoundTrip("row(timestamp with time zone)", "row(timestamp with time zone)");
  auto type = parseTypeSignature("row(a bigint, b varchar(3))");
  const auto& row = asRow(*type);
  EXPECT_EQ(row.size(), 2u);
  EXPECT_EQ(row.nameOf(1), "b");
  EXPECT_EQ(row.fieldIndex("B"), 1);
  EXPECT_EQ(row.fieldIndex("c"), -1);
  EXPECT_TRUE(row.childAt(1)->equals(*VARCHAR(3)));
}

TEST(TypeSignatureTest, errors) {
  auto errorOf = [](const std::string& text) -> std::string {
    try {
      parseTypeSignature(text);
    } catch (const PrestoException& e) {
      return e.what();
    }
    return "<no error>";
  };
  EXPECT_EQ(errorOf("foo"), "Unknown type: foo");
  EXPECT_EQ(errorOf("array(bigint"), "Invalid type signature 'array(bigint': expected ')' at position 13");
  EXPECT_EQ(errorOf("bigint bigint"), "Invalid type signature 'bigint bigint': unexpected text at position 8");
  EXPECT_EQ(errorOf("decimal(39,2)"), "DECIMAL precision must be in range [1, 38]: 39");
  EXPECT_EQ(errorOf("decimal(5,6)"), "DECIMAL scale must be in range [0, precision (5)]: 6");
  EXPECT_EQ(errorOf("interval day to month"),
      "Invalid type signature 'interval day to month': expected 'day to second' or 'year to month' at position 22");
  EXPECT_EQ(errorOf(""), "Invalid type signature '': expected a type name at position 1");
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "array(";
  EXPECT_NE(errorOf(deep + "bigint").find("nesting too deep"), std::string::npos);
}

TEST(TypeTest, propertiesAndLayout) {
  EXPECT_EQ(BIGINT()->fixedWidthBytes(), 8u);
  EXPECT_EQ(DECIMAL(18, 2)->fixedWidthBytes(), 8u);
  EXPECT_EQ(DECIMAL(19, 2)->fixedWidthBytes(), 16u);
  EXPECT_TRUE(DECIMAL(19, 2)->isLongDecimal());
  EXPECT_EQ(DATE()->fixedWidthBytes(), 4u);
  EXPECT_EQ(VARCHAR()->fixedWidthBytes(), 0u);
  EXPECT_TRUE(VARCHAR(3)->isStringLike());
  EXPECT_FALSE(MAP(BIGINT(), BIGINT())->isOrderable());
  EXPECT_TRUE(MAP(BIGINT(), BIGINT())->isComparable());
  EXPECT_FALSE(JSON()->isComparable());
  EXPECT_TRUE(ARRAY(BIGINT())->isOrderable());
  EXPECT_FALSE(VARCHAR(3)->equals(*VARCHAR(4)));
  EXPECT_FALSE(VARCHAR(3)->equals(*CHAR(3)));
  EXPECT_FALSE(ROW({"a"}, {BIGINT()})->equals(*ROW({"b"}, {BIGINT()})));
  EXPECT_TRUE(sameType(ARRAY(DECIMAL(10, 2)), ARRAY(DECIMAL(10, 2))));
}

} // namespace
} // namespace presto
