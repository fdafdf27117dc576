#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/protocol/ClientTypeSignature.h"

namespace presto::server {
namespace {

using nlohmann::json;

TEST(ClientTypeSignatureTest, simpleType) {
  EXPECT_EQ(clientTypeSignature(*BIGINT()),
      json::parse(R"({"rawType":"bigint","arguments":[],"typeArguments":[],"literalArguments":[]})"));
  EXPECT_EQ(clientTypeSignature(*TIMESTAMP_WITH_TIME_ZONE())["rawType"], "timestamp with time zone");
}

TEST(ClientTypeSignatureTest, literalArguments) {
  EXPECT_EQ(clientTypeSignature(*DECIMAL(10, 2)),
      json::parse(R"({"rawType":"decimal","arguments":[{"kind":"LONG_LITERAL","value":10},
        {"kind":"LONG_LITERAL","value":2}],"typeArguments":[],"literalArguments":[]})"));
  EXPECT_EQ(clientTypeSignature(*VARCHAR(3))["arguments"], json::parse(R"([{"kind":"LONG_LITERAL","value":3}])"));
  EXPECT_EQ(clientTypeSignature(*VARCHAR())["arguments"],
      json::parse(R"([{"kind":"LONG_LITERAL","value":2147483647}])"));
  EXPECT_EQ(clientTypeSignature(*VARCHAR())["rawType"], "varchar");
}

TEST(ClientTypeSignatureTest, nestedTypes) {
  json bigint = clientTypeSignature(*BIGINT());
  json array = clientTypeSignature(*ARRAY(BIGINT()));
  EXPECT_EQ(array["rawType"], "array");
  EXPECT_EQ(array["arguments"], json::array({{{"kind", "TYPE_SIGNATURE"}, {"value", bigint}}}));
  EXPECT_EQ(array["typeArguments"], json::array({bigint}));

  json map = clientTypeSignature(*MAP(VARCHAR(), DOUBLE()));
  EXPECT_EQ(map["rawType"], "map");
  EXPECT_EQ(map["arguments"].size(), 2u);
  EXPECT_EQ(map["arguments"][1]["value"]["rawType"], "double");
}

TEST(ClientTypeSignatureTest, rowFieldsAreNamedTypeSignatures) {
  json row = clientTypeSignature(*ROW({"x", ""}, {BIGINT(), ARRAY(VARCHAR())}));
  EXPECT_EQ(row["rawType"], "row");
  EXPECT_EQ(row["arguments"][0], json::parse(R"({"kind":"NAMED_TYPE_SIGNATURE",
      "value":{"fieldName":{"name":"x","delimited":false},"typeSignature":"bigint"}})"));
  EXPECT_FALSE(row["arguments"][1]["value"].contains("fieldName"));
  EXPECT_EQ(row["arguments"][1]["value"]["typeSignature"], "array(varchar)");
  EXPECT_EQ(row["typeArguments"].size(), 2u);
}

} // namespace
} // namespace presto::server
