// Values rendered from the client protocol's JSON must read exactly as the embedded runner renders
// the engine's values: each case goes through the server's encoding (valueToJson), the wire (JSON
// text) and renderJsonValue, and is compared with ResultText's renderValue of the original value.

#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "JsonResultText.h"
#include "ResultText.h"
#include "server/protocol/ValueJson.h"

namespace presto::integration {
namespace {

std::string throughProtocol(const TypePtr& type, const Value& value) {
  nlohmann::json wire = nlohmann::json::parse(server::valueToJson(value, *type).dump());
  return renderJsonValue(*type, wire);
}

void expectSameText(const TypePtr& type, const Value& value) {
  EXPECT_EQ(throughProtocol(type, value), sql::logic::renderValue(*type, value)) << type->toString();
}

TEST(JsonResultTextTest, scalarsReadAsTheEngineRendersThem) {
  expectSameText(BOOLEAN(), Value(true));
  expectSameText(BOOLEAN(), Value(false));
  expectSameText(TINYINT(), Value(int64_t{-7}));
  expectSameText(SMALLINT(), Value(int64_t{300}));
  expectSameText(INTEGER(), Value(int64_t{-2147483648LL}));
  expectSameText(BIGINT(), Value(std::numeric_limits<int64_t>::max()));
  expectSameText(BIGINT(), Value());
  for (double number : {0.0, -0.0, 1.0, 2.5, 1.0 / 3, 1e20, -1.5e-7, 123456789012345.0,
           std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity()}) {
    expectSameText(DOUBLE(), Value(number));
  }
  for (float number : {0.0f, 1.1f, 1.0f / 3, 3.4e38f, std::numeric_limits<float>::quiet_NaN()}) {
    expectSameText(REAL(), Value(number));
  }
  expectSameText(DECIMAL(12, 2), Value(int64_t{-1250}));
  expectSameText(DECIMAL(5, 0), Value(int64_t{42}));
  expectSameText(DECIMAL(38, 4), Value(static_cast<int128_t>(1) << 100));
  expectSameText(VARCHAR(), Value("héllo | \"quoted\""));
  expectSameText(VARCHAR(), Value(""));
  expectSameText(VARCHAR(3), Value("abc"));
  expectSameText(CHAR(3), Value("ab "));
  expectSameText(JSON(), Value("{\"a\":[1,2]}"));
  expectSameText(VARBINARY(), Value(std::string("\x00\xff" "ab", 4)));
  expectSameText(VARBINARY(), Value(std::string("abc")));
  expectSameText(VARBINARY(), Value(std::string("a")));
  expectSameText(DATE(), Value(int64_t{18262}));
  expectSameText(DATE(), Value(int64_t{-1}));
  expectSameText(TIME(), Value(int64_t{3723004}));
  expectSameText(TIMESTAMP(), Value(int64_t{1577934245123}));
  expectSameText(TIMESTAMP(), Value(int64_t{-1}));
  expectSameText(TIMESTAMP_WITH_TIME_ZONE(), Value(int64_t{1577934245123} << 12));
  expectSameText(INTERVAL_DAY_TIME(), Value(int64_t{29 * 86'400'000LL + 1}));
  expectSameText(INTERVAL_DAY_TIME(), Value(int64_t{-3'600'000}));
  expectSameText(INTERVAL_YEAR_MONTH(), Value(int64_t{14}));
  expectSameText(INTERVAL_YEAR_MONTH(), Value(int64_t{-14}));
  expectSameText(UNKNOWN(), Value());
}

TEST(JsonResultTextTest, nestedValuesReadAsTheEngineRendersThem) {
  expectSameText(ARRAY(BIGINT()), Value::array({Value(int64_t{1}), Value(), Value(int64_t{3})}));
  expectSameText(ARRAY(DOUBLE()), Value::array({Value(2.5), Value(1.0 / 3)}));
  expectSameText(ARRAY(VARCHAR()), Value::array({Value(""), Value("a")}));
  expectSameText(ARRAY(DECIMAL(4, 1)), Value::array({Value(int64_t{15})}));
  expectSameText(ARRAY(ARRAY(DATE())), Value::array({Value::array({Value(int64_t{0})}), Value::array({})}));
  expectSameText(MAP(VARCHAR(), BIGINT()), Value::map({Value("a")}, {Value(int64_t{1})}));
  expectSameText(MAP(BIGINT(), VARCHAR()), Value::map({Value(int64_t{1}), Value(int64_t{2})}, {Value("x"), Value()}));
  expectSameText(MAP(DOUBLE(), BOOLEAN()), Value::map({Value(2.5)}, {Value(true)}));
  expectSameText(MAP(BOOLEAN(), DOUBLE()), Value::map({Value(false)}, {Value(0.1)}));
  expectSameText(MAP(DECIMAL(4, 2), ARRAY(BIGINT())), Value::map({Value(int64_t{125})}, {Value::array({})}));
  expectSameText(MAP(DATE(), BIGINT()), Value::map({Value(int64_t{1})}, {Value(int64_t{1})}));
  expectSameText(ROW({"x", "y"}, {BIGINT(), VARCHAR()}), Value::row({Value(int64_t{1}), Value("a")}));
  expectSameText(ROW({BIGINT(), DOUBLE()}), Value::row({Value(), Value(0.5)}));
  expectSameText(ROW({"r"}, {ROW({"s"}, {ARRAY(VARBINARY())})}),
      Value::row({Value::row({Value::array({Value(std::string("ab"))})})}));
}

TEST(JsonResultTextTest, mapsArriveInKeyTextOrder) {
  // The protocol's JSON object does not keep the engine's entry order (see JsonResultText.h).
  auto type = MAP(VARCHAR(), BIGINT());
  Value map = Value::map({Value("b"), Value("a")}, {Value(int64_t{2}), Value(int64_t{1})});
  EXPECT_EQ(sql::logic::renderValue(*type, map), "{b=2, a=1}");
  EXPECT_EQ(throughProtocol(type, map), "{a=1, b=2}");
}

TEST(JsonResultTextTest, rendersRows) {
  std::vector<TypePtr> types{BIGINT(), VARCHAR(), DOUBLE()};
  EXPECT_EQ(renderJsonRow(types, nlohmann::json::parse(R"([1, "", "NaN"])")), "1|(empty)|NaN");
  EXPECT_THROW(renderJsonRow(types, nlohmann::json::parse("[1]")), std::runtime_error);
}

} // namespace
} // namespace presto::integration
