#include <gtest/gtest.h>

#include "type/TypeCoercion.h"
#include "type/TypeSignature.h"

namespace presto {
namespace {

std::string superOf(const std::string& left, const std::string& right) {
  auto result = TypeCoercion::commonSuperType(parseTypeSignature(left), parseTypeSignature(right));
  return result ? (*result)->toString() : "<none>";
}

bool coerces(const std::string& from, const std::string& to) {
  return TypeCoercion::canCoerce(parseTypeSignature(from), parseTypeSignature(to));
}

TEST(TypeCoercionTest, numericWidening) {
  EXPECT_EQ(superOf("tinyint", "bigint"), "bigint");
  EXPECT_EQ(superOf("integer", "smallint"), "integer");
  EXPECT_EQ(superOf("integer", "real"), "real");
  EXPECT_EQ(superOf("bigint", "double"), "double");
  EXPECT_EQ(superOf("real", "double"), "double");
  EXPECT_EQ(superOf("bigint", "decimal(10,2)"), "decimal(21,2)");
  EXPECT_EQ(superOf("integer", "decimal(5,2)"), "decimal(12,2)");
  EXPECT_EQ(superOf("tinyint", "decimal(1,0)"), "decimal(3,0)");
  EXPECT_EQ(superOf("decimal(15,2)", "decimal(10,4)"), "decimal(17,4)");
  EXPECT_EQ(superOf("decimal(38,2)", "decimal(38,10)"), "decimal(38,10)");
  EXPECT_EQ(superOf("decimal(15,2)", "double"), "double");
  EXPECT_EQ(superOf("decimal(15,2)", "real"), "real");
  EXPECT_EQ(superOf("boolean", "integer"), "<none>");
}

TEST(TypeCoercionTest, stringsAndTime) {
  EXPECT_EQ(superOf("varchar(3)", "varchar(5)"), "varchar(5)");
  EXPECT_EQ(superOf("varchar(3)", "varchar"), "varchar");
  EXPECT_EQ(superOf("char(3)", "char(10)"), "char(10)");
  EXPECT_EQ(superOf("char(3)", "varchar(10)"), "char(10)");
  EXPECT_EQ(superOf("varchar", "bigint"), "<none>");
  EXPECT_EQ(superOf("date", "timestamp"), "timestamp");
  EXPECT_EQ(superOf("timestamp", "timestamp with time zone"), "timestamp with time zone");
  EXPECT_EQ(superOf("date", "varchar"), "<none>");
  EXPECT_EQ(superOf("json", "varchar"), "<none>");
}

TEST(TypeCoercionTest, unknownAndNested) {
  EXPECT_EQ(superOf("unknown", "varchar(2)"), "varchar(2)");
  EXPECT_EQ(superOf("array(integer)", "array(bigint)"), "array(bigint)");
  EXPECT_EQ(superOf("array(unknown)", "array(decimal(3,1))"), "array(decimal(3,1))");
  EXPECT_EQ(superOf("map(varchar(1),integer)", "map(varchar(4),double)"), "map(varchar(4),double)");
  EXPECT_EQ(superOf("row(a integer,b varchar)", "row(a bigint,b varchar)"), "row(a bigint,b varchar)");
  EXPECT_EQ(superOf("row(a integer)", "row(x bigint)"), "row(bigint)");
  EXPECT_EQ(superOf("row(integer)", "row(integer,integer)"), "<none>");
  EXPECT_EQ(superOf("array(bigint)", "map(bigint,bigint)"), "<none>");
}

TEST(TypeCoercionTest, canCoerceIsDirectional) {
  EXPECT_TRUE(coerces("integer", "bigint"));
  EXPECT_FALSE(coerces("bigint", "integer"));
  EXPECT_TRUE(coerces("bigint", "decimal(19,0)"));
  EXPECT_FALSE(coerces("bigint", "decimal(10,2)"));
  EXPECT_TRUE(coerces("decimal(10,2)", "decimal(12,2)"));
  EXPECT_FALSE(coerces("decimal(10,2)", "decimal(10,1)"));
  EXPECT_TRUE(coerces("decimal(10,2)", "double"));
  EXPECT_FALSE(coerces("double", "decimal(10,2)"));
  EXPECT_TRUE(coerces("varchar(3)", "varchar"));
  EXPECT_FALSE(coerces("varchar", "varchar(3)"));
  EXPECT_TRUE(coerces("unknown", "array(bigint)"));
  EXPECT_TRUE(coerces("date", "timestamp"));
  EXPECT_FALSE(coerces("timestamp", "date"));
}

} // namespace
} // namespace presto
