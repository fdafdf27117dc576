#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/Check.h"
#include "server/protocol/QueryInfo.h"
#include "server/protocol/QueryResults.h"
#include "server/protocol/ServerInfo.h"
#include "vector/VectorValues.h"

namespace presto::server {
namespace {

using nlohmann::json;

TEST(QueryResultsTest, queuedReplyOmitsAbsentFields) {
  QueryResults results;
  results.id = "20261122_031500_00001_abcde";
  results.infoUri = "http://localhost:8080/v1/query/20261122_031500_00001_abcde";
  results.nextUri = "http://localhost:8080/v1/statement/queued/20261122_031500_00001_abcde/1?slug=x1";
  json out = json::parse(serializeQueryResults(results));
  EXPECT_EQ(out["id"], results.id);
  EXPECT_EQ(out["nextUri"], *results.nextUri);
  EXPECT_EQ(out["stats"]["state"], "QUEUED");
  EXPECT_EQ(out["stats"]["queued"], true);
  for (const char* absent : {"columns", "data", "error", "updateType", "updateCount", "partialCancelUri"}) {
    EXPECT_FALSE(out.contains(absent)) << absent;
  }
}

TEST(QueryResultsTest, columnsAndData) {
  QueryResults results;
  results.id = "q";
  results.infoUri = "i";
  results.columns = std::vector<Column>{{"col", INTEGER()}, {"price", DECIMAL(10, 2)}};
  results.data.push_back(std::make_shared<Page>(std::vector<VectorPtr>{
      vectorFromValues(INTEGER(), {Value(int32_t{1}), Value(int32_t{2})}),
      vectorFromValues(DECIMAL(10, 2), {Value(int64_t{150}), Value()})}));
  results.data.push_back(std::make_shared<Page>(std::vector<VectorPtr>{
      vectorFromValues(INTEGER(), {Value(int32_t{3})}), vectorFromValues(DECIMAL(10, 2), {Value(int64_t{-1})})}));
  results.stats.state = QueryState::kRunning;
  json out = json::parse(serializeQueryResults(results));
  EXPECT_EQ(out["columns"][0]["name"], "col");
  EXPECT_EQ(out["columns"][0]["type"], "integer");
  EXPECT_EQ(out["columns"][1]["type"], "decimal(10,2)");
  EXPECT_EQ(out["columns"][1]["typeSignature"]["rawType"], "decimal");
  EXPECT_EQ(out["data"], json::parse(R"([[1,"1.50"],[2,null],[3,"-0.01"]])"));
  EXPECT_EQ(out["stats"]["state"], "RUNNING");
  EXPECT_FALSE(out.contains("nextUri"));
}

TEST(QueryResultsTest, emptyPagesWriteNoData) {
  QueryResults results;
  results.columns = std::vector<Column>{{"x", BIGINT()}};
  results.data.push_back(std::make_shared<Page>(std::vector<VectorPtr>{vectorFromValues(BIGINT(), {})}));
  json out = json::parse(serializeQueryResults(results));
  EXPECT_FALSE(out.contains("data"));
}

TEST(QueryResultsTest, errorWithLocation) {
  QueryResults results;
  results.stats.state = QueryState::kFailed;
  results.error = QueryError::fromException(
      PrestoException(errors::SYNTAX_ERROR, SourceLocation{1, 8}, "mismatched input 'FORM'"));
  json out = json::parse(serializeQueryResults(results));
  const json& error = out["error"];
  EXPECT_EQ(error["message"], "line 1:8: mismatched input 'FORM'");
  EXPECT_EQ(error["errorCode"], 1);
  EXPECT_EQ(error["errorName"], "SYNTAX_ERROR");
  EXPECT_EQ(error["errorType"], "USER_ERROR");
  EXPECT_EQ(error["retriable"], false);
  EXPECT_EQ(error["errorLocation"], json::parse(R"({"lineNumber":1,"columnNumber":8})"));
  EXPECT_EQ(error["failureInfo"]["message"], "line 1:8: mismatched input 'FORM'");
  EXPECT_EQ(error["failureInfo"]["errorLocation"]["columnNumber"], 8);
  EXPECT_TRUE(error["failureInfo"]["stack"].is_array());
}

TEST(QueryResultsTest, insufficientResourcesError) {
  auto error = QueryError::fromException(PrestoException(errors::QUERY_QUEUE_FULL, "Too many queued queries"));
  EXPECT_EQ(error.errorCode, 131074);
  EXPECT_EQ(error.errorType, "INSUFFICIENT_RESOURCES");
  EXPECT_FALSE(error.location);
}

TEST(QueryResultsTest, updateStatement) {
  QueryResults results;
  results.updateType = "SET SESSION";
  results.updateCount = 3;
  json out = json::parse(serializeQueryResults(results));
  EXPECT_EQ(out["updateType"], "SET SESSION");
  EXPECT_EQ(out["updateCount"], 3);
}

TEST(QueryResultsTest, invalidUtf8IsReplaced) {
  QueryResults results;
  results.columns = std::vector<Column>{{"s", VARCHAR()}};
  results.data.push_back(std::make_shared<Page>(
      std::vector<VectorPtr>{vectorFromValues(VARCHAR(), {Value(std::string("a\xff"))})}));
  json out = json::parse(serializeQueryResults(results));
  EXPECT_EQ(out["data"][0][0], "a\xEF\xBF\xBD");
}

TEST(QueryResultsTest, queryInfo) {
  QueryInfo info;
  info.queryId = "20261122_031500_00001_abcde";
  info.state = QueryState::kFinished;
  info.query = "SELECT 1";
  info.user = "alice";
  info.createTime = 0;
  info.endTime = 1500;
  json out = json::parse(serializeQueryInfoList({info}));
  EXPECT_EQ(out[0]["queryId"], info.queryId);
  EXPECT_EQ(out[0]["state"], "FINISHED");
  EXPECT_EQ(out[0]["session"]["user"], "alice");
  EXPECT_EQ(out[0]["queryStats"]["createTime"], "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(out[0]["queryStats"]["endTime"], "1970-01-01T00:00:01.500Z");
}

TEST(QueryResultsTest, serverInfo) {
  json info = json::parse(serializeServerInfo({"0.1", "test", true, false, 90000}));
  EXPECT_EQ(info["nodeVersion"]["version"], "0.1");
  EXPECT_EQ(info["environment"], "test");
  EXPECT_EQ(info["coordinator"], true);
  EXPECT_EQ(info["uptime"], "1.50m");
  EXPECT_EQ(serializeJsonString("ACTIVE"), "\"ACTIVE\"");
  EXPECT_EQ(parseJsonString("\"SHUTTING_DOWN\""), "SHUTTING_DOWN");
  EXPECT_EQ(parseJsonString("SHUTTING_DOWN"), std::nullopt);
  EXPECT_EQ(parseJsonString("{\"a\":1}"), std::nullopt);
  EXPECT_EQ(parseJsonString(""), std::nullopt);
}

} // namespace
} // namespace presto::server
