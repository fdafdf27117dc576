#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../server/testing/TestServer.h"
#include "client/StatementClient.h"
#include "server/http/HttpClient.h"

namespace presto::client {
namespace {

using nlohmann::json;

class StatementClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    session_.server = "http://127.0.0.1:" + std::to_string(server_.port());
    session_.user = "carol";
  }

  /// Runs `sql` to the end; returns its rows.
  std::vector<json> run(StatementClient& statement) {
    std::vector<json> rows;
    do {
      for (auto& row : statement.takeRows()) {
        rows.push_back(std::move(row));
      }
    } while (statement.advance());
    for (auto& row : statement.takeRows()) {
      rows.push_back(std::move(row));
    }
    return rows;
  }

  server::test::TestServer server_;
  server::http::HttpClient http_{"127.0.0.1", server_.port()};
  ClientSession session_;
};

TEST_F(StatementClientTest, rowsAndColumns) {
  StatementClient statement(http_, session_, "SELECT * FROM stream(3, 2, 10)");
  auto rows = run(statement);
  EXPECT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[5], json::array({5}));
  ASSERT_TRUE(statement.columns());
  EXPECT_EQ((*statement.columns())[0].name, "n");
  EXPECT_EQ((*statement.columns())[0].type, "bigint");
  EXPECT_EQ(statement.state(), "FINISHED");
  EXPECT_FALSE(statement.failure());
  EXPECT_FALSE(statement.isRunning());
}

TEST_F(StatementClientTest, failureWithLocation) {
  StatementClient statement(http_, session_, "SELECT * FORM t");
  run(statement);
  ASSERT_TRUE(statement.failure());
  EXPECT_EQ(statement.failure()->errorName, "SYNTAX_ERROR");
  EXPECT_EQ(statement.failure()->location, std::make_pair(1, 10));
  EXPECT_EQ(statement.state(), "FAILED");
}

TEST_F(StatementClientTest, sessionChangesAreApplied) {
  StatementClient use(http_, session_, "USE tpch.tiny");
  run(use);
  EXPECT_EQ(use.updateType(), "USE");
  EXPECT_EQ(session_.catalog, "tpch");
  EXPECT_EQ(session_.schema, "tiny");
  StatementClient set(http_, session_, "SET SESSION query_max_run_time = '2 h'");
  run(set);
  EXPECT_EQ(session_.properties.at("query_max_run_time"), "2 h");
  StatementClient prepare(http_, session_, "PREPARE q FROM SELECT 1, 2");
  run(prepare);
  EXPECT_EQ(session_.preparedStatements.at("q"), "SELECT 1, 2");

  StatementClient show(http_, session_, "SELECT * FROM session");
  auto rows = run(show);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][2], "tpch");
  EXPECT_EQ(rows[0][3], "tiny");
  EXPECT_EQ(rows[0][6], json({{"query_max_run_time", "2 h"}}));
  EXPECT_EQ(rows[0][7], json({{"q", "SELECT 1, 2"}}));

  StatementClient reset(http_, session_, "RESET SESSION query_max_run_time");
  run(reset);
  StatementClient deallocate(http_, session_, "DEALLOCATE PREPARE q");
  run(deallocate);
  EXPECT_TRUE(session_.properties.empty());
  EXPECT_TRUE(session_.preparedStatements.empty());
}

TEST_F(StatementClientTest, cancel) {
  StatementClient statement(http_, session_, "SELECT * FROM stream(1000, 1, 10)");
  statement.advance();
  EXPECT_TRUE(statement.isRunning());
  statement.cancel();
  EXPECT_FALSE(statement.isRunning());
  auto info = server_.queries().queryInfo(statement.queryId());
  ASSERT_TRUE(info);
  ASSERT_TRUE(info->error);
  EXPECT_EQ(info->error->errorName, "USER_CANCELED");
}

TEST_F(StatementClientTest, httpErrorsThrow) {
  session_.user.clear();
  EXPECT_THROW(StatementClient(http_, session_, "SELECT 1"), PrestoException);
  server::http::HttpClient nowhere("127.0.0.1", 1);
  session_.user = "carol";
  EXPECT_THROW(StatementClient(nowhere, session_, "SELECT 1"), PrestoException);
}

} // namespace
} // namespace presto::client
