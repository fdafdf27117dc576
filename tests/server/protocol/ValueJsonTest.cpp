#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "server/protocol/ValueJson.h"
#include "type/DateTime.h"
#include "vector/VectorValues.h"

namespace presto::server {
namespace {

std::string encode(const Value& value, const TypePtr& type) {
  return valueToJson(value, *type).dump();
}

TEST(ValueJsonTest, scalars) {
  EXPECT_EQ(encode(Value(true), BOOLEAN()), "true");
  EXPECT_EQ(encode(Value(int64_t{-5}), TINYINT()), "-5");
  EXPECT_EQ(encode(Value(int64_t{300}), SMALLINT()), "300");
  EXPECT_EQ(encode(Value(int64_t{1}), INTEGER()), "1");
  EXPECT_EQ(encode(Value(int64_t{9007199254740993}), BIGINT()), "9007199254740993");
  EXPECT_EQ(encode(Value(), BIGINT()), "null");
  EXPECT_EQ(encode(Value(), UNKNOWN()), "null");
  EXPECT_EQ(encode(Value("héllo \"q\""), VARCHAR()), "\"héllo \\\"q\\\"\"");
  EXPECT_EQ(encode(Value("ab "), CHAR(3)), "\"ab \"");
  EXPECT_EQ(encode(Value("{\"a\":1}"), JSON()), "\"{\\\"a\\\":1}\"");
}

TEST(ValueJsonTest, floatingPoint) {
  EXPECT_EQ(encode(Value(1.5), DOUBLE()), "1.5");
  EXPECT_EQ(encode(Value(1.0), DOUBLE()), "1.0");
  EXPECT_EQ(encode(Value(0.1), DOUBLE()), "0.1");
  EXPECT_EQ(encode(Value(1.1f), REAL()), "1.1");
  EXPECT_EQ(encode(Value(std::nan("")), DOUBLE()), "\"NaN\"");
  EXPECT_EQ(encode(Value(std::numeric_limits<double>::infinity()), DOUBLE()), "\"Infinity\"");
  EXPECT_EQ(encode(Value(-std::numeric_limits<double>::infinity()), DOUBLE()), "\"-Infinity\"");
  EXPECT_EQ(encode(Value(std::numeric_limits<float>::quiet_NaN()), REAL()), "\"NaN\"");
  EXPECT_EQ(encode(Value(-std::numeric_limits<float>::infinity()), REAL()), "\"-Infinity\"");
}

TEST(ValueJsonTest, decimalsAreStrings) {
  EXPECT_EQ(encode(Value(int64_t{12345}), DECIMAL(10, 2)), "\"123.45\"");
  EXPECT_EQ(encode(Value(int64_t{-5}), DECIMAL(10, 2)), "\"-0.05\"");
  EXPECT_EQ(encode(Value(int64_t{1200}), DECIMAL(5, 0)), "\"1200\"");
  int128_t big = static_cast<int128_t>(1) << 100;
  EXPECT_EQ(encode(Value(big), DECIMAL(38, 3)), "\"1267650600228229401496703205.376\"");
}

TEST(ValueJsonTest, datesAndTimes) {
  EXPECT_EQ(encode(Value(int64_t{*parseDate("2001-08-22")}), DATE()), "\"2001-08-22\"");
  EXPECT_EQ(encode(Value(int64_t{3723456}), TIME()), "\"01:02:03.456\"");
  int64_t millis = *parseDate("2001-08-22") * kMillisPerDay + 11045321;
  EXPECT_EQ(encode(Value(millis), TIMESTAMP()), "\"2001-08-22 03:04:05.321\"");
  EXPECT_EQ(encode(Value(millis << 12), TIMESTAMP_WITH_TIME_ZONE()), "\"2001-08-22 03:04:05.321 UTC\"");
  EXPECT_EQ(encode(Value(int64_t{14}), INTERVAL_YEAR_MONTH()), "\"1-2\"");
  EXPECT_EQ(encode(Value(int64_t{-14}), INTERVAL_YEAR_MONTH()), "\"-1-2\"");
  EXPECT_EQ(encode(Value(int64_t{2 * kMillisPerDay + 11045000}), INTERVAL_DAY_TIME()), "\"2 03:04:05.000\"");
}

TEST(ValueJsonTest, varbinaryIsBase64) {
  EXPECT_EQ(encode(Value(std::string("")), VARBINARY()), "\"\"");
  EXPECT_EQ(encode(Value(std::string("f")), VARBINARY()), "\"Zg==\"");
  EXPECT_EQ(encode(Value(std::string("fo")), VARBINARY()), "\"Zm8=\"");
  EXPECT_EQ(encode(Value(std::string("foo")), VARBINARY()), "\"Zm9v\"");
  EXPECT_EQ(encode(Value(std::string("\x00\xff\x10", 3)), VARBINARY()), "\"AP8Q\"");
}

TEST(ValueJsonTest, nestedTypes) {
  EXPECT_EQ(encode(Value::array({Value(int64_t{1}), Value(), Value(int64_t{3})}), ARRAY(BIGINT())), "[1,null,3]");
  EXPECT_EQ(encode(Value::map({Value("a"), Value("b")}, {Value(int64_t{1}), Value()}), MAP(VARCHAR(), BIGINT())),
      "{\"a\":1,\"b\":null}");
  EXPECT_EQ(encode(Value::map({Value(int64_t{7})}, {Value(int64_t{125})}), MAP(INTEGER(), DECIMAL(5, 2))),
      "{\"7\":\"1.25\"}");
  EXPECT_EQ(encode(Value::row({Value(int64_t{1}), Value("x")}), ROW({"a", "b"}, {BIGINT(), VARCHAR()})), "[1,\"x\"]");
  EXPECT_EQ(encode(Value::array({Value::row({Value(2.5)})}), ARRAY(ROW({"d"}, {DOUBLE()}))), "[[2.5]]");
}

TEST(ValueJsonTest, pageRows) {
  auto ids = vectorFromValues(BIGINT(), {Value(int64_t{1}), Value(int64_t{2})});
  auto names = vectorFromValues(VARCHAR(), {Value("a"), Value()});
  Page page({ids, names});
  nlohmann::json rows = nlohmann::json::array();
  appendPageRows(page, rows);
  EXPECT_EQ(rows.dump(), "[[1,\"a\"],[2,null]]");
}

TEST(ValueJsonTest, pageRowsOfEveryEncodingMatchTheValuePath) {
  std::vector<std::pair<TypePtr, std::vector<Value>>> columns = {
      {BOOLEAN(), {Value(true), Value(), Value(false)}},
      {TINYINT(), {Value(int64_t{-1}), Value(int64_t{2}), Value()}},
      {SMALLINT(), {Value(), Value(int64_t{300}), Value(int64_t{-300})}},
      {INTEGER(), {Value(int64_t{7}), Value(), Value(int64_t{-7})}},
      {BIGINT(), {Value(int64_t{1} << 60), Value(int64_t{0}), Value()}},
      {DOUBLE(), {Value(std::nan("")), Value(2.5), Value()}},
      {VARCHAR(), {Value("a long string beyond the inline size"), Value(), Value("")}},
      {VARCHAR(), {Value("quote \" backslash \\ tab \t é"), Value("new\nline"), Value("\x01")}},
      {DECIMAL(5, 2), {Value(int64_t{125}), Value(), Value(int64_t{-1})}},
      {DOUBLE(), {Value(2.0), Value(1e20), Value(-std::numeric_limits<double>::infinity())}},
      {DOUBLE(), {Value(0.1), Value(-0.0), Value(123456.789e-30)}},
      {DECIMAL(30, 3), {Value(int128_t{-123456789} * 1000000000000), Value(int128_t{5}), Value()}},
      {DATE(), {Value(int64_t{0}), Value(int64_t{-719528}), Value(int64_t{11556})}},
      {TIMESTAMP(), {Value(int64_t{998449445321}), Value(), Value(int64_t{-1})}},
  };
  std::vector<VectorPtr> vectors;
  for (const auto& [type, values] : columns) {
    vectors.push_back(vectorFromValues(type, values));
  }
  // A constant column, to read through an encoding.
  vectors.push_back(makeConstant(VARCHAR(), Value("same"), 3));
  Page page(vectors);
  nlohmann::json rows = nlohmann::json::array();
  appendPageRows(page, rows);
  ASSERT_EQ(rows.size(), 3u);
  // The text writer produces the same JSON as the tree builder.
  std::string text = "[";
  writePageRows(page, text);
  writePageRows(page, text);
  nlohmann::json written = nlohmann::json::parse(text + "]");
  ASSERT_EQ(written.size(), 6u);
  for (size_t row = 0; row < 6; ++row) {
    EXPECT_EQ(written[row], rows[row % 3]) << "row " << row;
  }
  // Doubles keep the library's text: a whole number as 2.0.
  EXPECT_NE(text.find(",2.0,"), std::string::npos) << text;
  for (size_t column = 0; column < vectors.size(); ++column) {
    for (vector_size_t row = 0; row < 3; ++row) {
      EXPECT_EQ(rows[row][column], valueToJson(valueAt(*vectors[column], row), *vectors[column]->type()))
          << "column " << column << " row " << row;
    }
  }
}

} // namespace
} // namespace presto::server
