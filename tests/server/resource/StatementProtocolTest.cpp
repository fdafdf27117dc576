#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "../testing/TestServer.h"
#include "server/http/HttpClient.h"

namespace presto::server {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

/// The client protocol end to end: HTTP requests against a coordinator over the fake engine.
class StatementProtocolTest : public ::testing::Test {
 protected:
  void start(QueryManagerConfig config = {}) {
    config.checkInterval = Duration(10ms);
    server_ = std::make_unique<test::TestServer>(config);
    client_ = std::make_unique<http::HttpClient>("127.0.0.1", server_->port());
  }

  void SetUp() override { start(); }

  http::HttpResponse post(const std::string& sql, http::HttpHeaders headers = {}) {
    if (!headers.contains("X-Presto-User") && !headers.contains("X-Trino-User")) {
      headers.add("X-Presto-User", "alice");
    }
    return client_->send("POST", "/v1/statement", headers, sql);
  }

  /// GET or DELETE of an absolute URI the server handed out.
  http::HttpResponse follow(const std::string& uri, const std::string& method = "GET") {
    auto url = http::Url::parse(uri);
    EXPECT_TRUE(url) << uri;
    return client_->send(method, url->target);
  }

  struct Outcome {
    std::vector<json> replies;
    json rows = json::array();
    http::HttpResponse last;
  };

  /// Posts `sql` and follows nextUri to the end.
  Outcome run(const std::string& sql, http::HttpHeaders headers = {}) {
    Outcome outcome;
    auto response = post(sql, std::move(headers));
    while (true) {
      EXPECT_EQ(response.status, 200) << response.body;
      if (response.status != 200) {
        break;
      }
      json reply = json::parse(response.body);
      outcome.replies.push_back(reply);
      for (const auto& row : reply.value("data", json::array())) {
        outcome.rows.push_back(row);
      }
      outcome.last = response;
      if (!reply.contains("nextUri")) {
        break;
      }
      response = follow(reply["nextUri"]);
    }
    return outcome;
  }

  std::unique_ptr<test::TestServer> server_;
  std::unique_ptr<http::HttpClient> client_;
};

TEST_F(StatementProtocolTest, selectOneInTwoReplies) {
  auto outcome = run("SELECT 1 AS col");
  ASSERT_EQ(outcome.replies.size(), 2u);
  const json& first = outcome.replies[0];
  EXPECT_EQ(first["stats"]["state"], "QUEUED");
  EXPECT_TRUE(first.contains("id"));
  EXPECT_TRUE(first.contains("infoUri"));
  std::string nextUri = first["nextUri"];
  EXPECT_EQ(nextUri.rfind("http://127.0.0.1:" + std::to_string(server_->port()) + "/v1/statement/queued/", 0), 0u);
  EXPECT_FALSE(first.contains("data"));

  const json& last = outcome.replies[1];
  EXPECT_EQ(last["stats"]["state"], "FINISHED");
  EXPECT_EQ(last["columns"][0]["name"], "col");
  EXPECT_EQ(last["columns"][0]["type"], "integer");
  EXPECT_EQ(last["columns"][0]["typeSignature"]["rawType"], "integer");
  EXPECT_EQ(outcome.rows, json::parse("[[1]]"));
  EXPECT_FALSE(last.contains("nextUri"));
  EXPECT_FALSE(last.contains("error"));
}

TEST_F(StatementProtocolTest, valuesAreEncodedAsPrestoDoes) {
  auto outcome = run("SELECT * FROM types");
  ASSERT_EQ(outcome.rows.size(), 1u);
  EXPECT_EQ(outcome.rows[0], json::parse(R"([true, 42, 1234567890123, 1.5, "NaN", "123.45", "héllo", "Zm9v",
      "2001-08-22", "2001-08-22 03:04:05.321", [1, 2], {"a": 1}, [7, "z"], null])"));
  EXPECT_EQ(outcome.replies.back()["columns"][12]["type"], "row(x bigint,y varchar)");
}

TEST_F(StatementProtocolTest, emptyOrMissingUserIs400) {
  auto empty = post("  \n ");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body, "SQL statement is empty");
  auto noUser = client_->send("POST", "/v1/statement", {}, "SELECT 1");
  EXPECT_EQ(noUser.status, 400);
  EXPECT_EQ(noUser.body, "User must be set");
}

TEST_F(StatementProtocolTest, badHeadersAre400) {
  http::HttpHeaders headers;
  headers.add("X-Presto-Session", "a.b.c=1");
  EXPECT_EQ(post("SELECT 1", headers).status, 400);
  http::HttpHeaders noEquals;
  noEquals.add("X-Presto-Session", "novalue");
  EXPECT_EQ(post("SELECT 1", noEquals).status, 400);
  http::HttpHeaders badPrepared;
  badPrepared.add("X-Presto-Prepared-Statement", "q=%zz");
  EXPECT_EQ(post("SELECT 1", badPrepared).status, 400);
  http::HttpHeaders schemaOnly;
  schemaOnly.add("X-Presto-Schema", "tiny");
  EXPECT_EQ(post("SELECT 1", schemaOnly).status, 400);
}

TEST_F(StatementProtocolTest, syntaxErrorWithCodeNameAndLocation) {
  auto outcome = run("SELECT * FORM nation");
  const json& error = outcome.replies.back()["error"];
  EXPECT_EQ(outcome.replies.back()["stats"]["state"], "FAILED");
  EXPECT_EQ(error["errorCode"], 1);
  EXPECT_EQ(error["errorName"], "SYNTAX_ERROR");
  EXPECT_EQ(error["errorType"], "USER_ERROR");
  EXPECT_EQ(error["message"], "line 1:10: mismatched input 'FORM'. Expecting: <EOF>");
  EXPECT_EQ(error["errorLocation"], json::parse(R"({"lineNumber":1,"columnNumber":10})"));
  EXPECT_TRUE(error.contains("failureInfo"));
}

TEST_F(StatementProtocolTest, tokensAndGone) {
  auto first = json::parse(post("SELECT * FROM stream(3, 1, 100)").body);
  std::string uri1 = first["nextUri"];
  auto reply1 = follow(uri1);
  ASSERT_EQ(reply1.status, 200);
  // Asking again for the same token replays the same reply.
  auto replay = follow(uri1);
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(json::parse(replay.body)["data"], json::parse(reply1.body)["data"]);
  std::string uri2 = json::parse(reply1.body)["nextUri"];
  ASSERT_EQ(follow(uri2).status, 200);
  EXPECT_EQ(follow(uri1).status, 410);
  // Tokens ahead of the next one, unknown queries and bad slugs.
  std::string ahead = uri2;
  ahead.replace(ahead.rfind("/2?"), 3, "/9?");
  EXPECT_EQ(follow(ahead).status, 410);
  std::string badSlug = uri2.substr(0, uri2.find("slug=") + 5) + "nope";
  EXPECT_EQ(follow(badSlug).status, 404);
  EXPECT_EQ(client_->send("GET", "/v1/statement/executing/20261122_031500_00001_zzzzz/1?slug=x").status, 404);
  EXPECT_EQ(client_->send("GET", "/v1/statement/executing/not-an-id/1?slug=x").status, 404);
  EXPECT_EQ(client_->send("GET", "/v1/statement/executing/20261122_031500_00001_zzzzz/-1?slug=x").status, 404);
  EXPECT_EQ(client_->send("GET", uri2.substr(uri2.find("/v1/")) + "&maxWait=forever").status, 400);
}

TEST_F(StatementProtocolTest, streamingReturnsRowsBeforeTheEnd) {
  auto first = json::parse(post("SELECT * FROM stream(4, 5, 200)").body);
  auto reply = json::parse(follow(first["nextUri"]).body);
  EXPECT_EQ(reply["stats"]["state"], "RUNNING");
  EXPECT_EQ(reply["data"].size(), 5u);
  EXPECT_TRUE(reply.contains("nextUri"));
  EXPECT_EQ(reply["columns"][0]["name"], "n");
}

TEST_F(StatementProtocolTest, deleteNextUriCancels) {
  auto first = json::parse(post("SELECT * FROM stream(1000, 1, 20)").body);
  auto running = json::parse(follow(first["nextUri"]).body);
  std::string next = running["nextUri"];
  auto deleted = follow(next, "DELETE");
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  auto canceled = json::parse(follow(next).body);
  EXPECT_EQ(canceled["stats"]["state"], "FAILED");
  EXPECT_EQ(canceled["error"]["errorName"], "USER_CANCELED");
  EXPECT_EQ(canceled["error"]["message"], "Query was canceled");
  EXPECT_FALSE(canceled.contains("nextUri"));
}

TEST_F(StatementProtocolTest, deleteWithAbsoluteFormTarget) {
  // What the Node client sends: the absolute nextUri as the request target.
  auto first = json::parse(post("SELECT * FROM stream(1000, 1, 20)").body);
  std::string next = first["nextUri"];
  EXPECT_EQ(client_->send("DELETE", next).status, 204);
  auto info = json::parse(client_->send("GET", "/v1/query/" + first["id"].get<std::string>()).body);
  EXPECT_EQ(info["state"], "FAILED");
  EXPECT_EQ(info["errorCode"]["name"], "USER_CANCELED");
}

TEST_F(StatementProtocolTest, queryResource) {
  auto outcome = run("SELECT 1");
  std::string id = outcome.replies[0]["id"];
  auto list = json::parse(client_->send("GET", "/v1/query").body);
  ASSERT_TRUE(list.is_array());
  EXPECT_EQ(list.back()["queryId"], id);
  EXPECT_EQ(list.back()["state"], "FINISHED");
  EXPECT_EQ(list.back()["query"], "SELECT 1");
  EXPECT_EQ(list.back()["session"]["user"], "alice");
  auto one = client_->send("GET", "/v1/query/" + id);
  EXPECT_EQ(one.status, 200);
  EXPECT_EQ(json::parse(one.body)["queryId"], id);
  EXPECT_EQ(client_->send("GET", "/v1/query/20261122_031500_00001_zzzzz").status, 404);
  EXPECT_EQ(client_->send("DELETE", "/v1/query/20261122_031500_00001_zzzzz").status, 404);

  auto running = json::parse(post("SELECT * FROM stream(1000, 1, 20)").body);
  EXPECT_EQ(client_->send("DELETE", "/v1/query/" + running["id"].get<std::string>()).status, 204);
  auto killed = json::parse(follow(running["nextUri"]).body);
  EXPECT_EQ(killed["error"]["errorName"], "USER_CANCELED");
}

TEST_F(StatementProtocolTest, sessionHeadersRoundTrip) {
  http::HttpHeaders headers;
  headers.add("X-Presto-Catalog", "tpch");
  headers.add("X-Presto-Schema", "tiny");
  headers.add("X-Presto-Source", "tests");
  headers.add("X-Presto-Time-Zone", "Asia/Tokyo");
  headers.add("X-Presto-Client-Info", "info text");
  headers.add("X-Presto-Session", "query_max_run_time=2h, tpch.splits=4");
  headers.add("X-Presto-Session", "x=a%2Cb");
  headers.add("X-Presto-Prepared-Statement", "q1=SELECT%201%2C%202,my%20q=SELECT%20%2A");
  headers.add("X-Presto-Transaction-Id", "NONE");
  auto outcome = run("SELECT * FROM session", headers);
  ASSERT_EQ(outcome.rows.size(), 1u);
  EXPECT_EQ(outcome.rows[0], json::parse(R"(["alice", "tests", "tpch", "tiny", "Asia/Tokyo", "info text",
      {"query_max_run_time": "2h", "x": "a,b", "tpch.splits": "4"}, {"my q": "SELECT *", "q1": "SELECT 1, 2"}])"));
}

TEST_F(StatementProtocolTest, sessionChangesComeBackAsResponseHeaders) {
  auto use = run("USE tpch.sf1").last;
  EXPECT_EQ(use.headers.get("X-Presto-Set-Catalog"), "tpch");
  EXPECT_EQ(use.headers.get("X-Presto-Set-Schema"), "sf1");
  auto useReply = json::parse(use.body);
  EXPECT_EQ(useReply["updateType"], "USE");
  EXPECT_EQ(useReply["data"], json::parse("[[true]]"));
  EXPECT_EQ(useReply["columns"][0]["name"], "result");
  EXPECT_EQ(useReply["columns"][0]["type"], "boolean");

  EXPECT_EQ(run("SET SESSION query_max_run_time = '1 h'").last.headers.get("X-Presto-Set-Session"),
      "query_max_run_time=1%20h");
  EXPECT_EQ(run("RESET SESSION query_max_run_time").last.headers.get("X-Presto-Clear-Session"), "query_max_run_time");
  EXPECT_EQ(run("PREPARE q FROM SELECT 1").last.headers.get("X-Presto-Added-Prepare"), "q=SELECT%201");
  EXPECT_EQ(run("DEALLOCATE PREPARE q").last.headers.get("X-Presto-Deallocated-Prepare"), "q");
  auto insert = json::parse(run("INSERT INTO t VALUES 1").last.body);
  EXPECT_EQ(insert["updateType"], "INSERT");
  EXPECT_EQ(insert["updateCount"], 3);
}

TEST_F(StatementProtocolTest, trinoPrefixIsAnsweredInKind) {
  http::HttpHeaders headers;
  headers.add("X-Trino-User", "bob");
  headers.add("X-Trino-Catalog", "memory");
  auto outcome = run("USE memory.default", headers);
  EXPECT_EQ(outcome.last.headers.get("X-Trino-Set-Schema"), "default");
  EXPECT_FALSE(outcome.last.headers.contains("X-Presto-Set-Schema"));
}

TEST_F(StatementProtocolTest, queueFullAndTooLarge) {
  QueryManagerConfig config;
  config.maxConcurrentQueries = 1;
  config.maxQueuedQueries = 0;
  config.maxQueryLength = 100;
  start(config);
  auto running = json::parse(post("SELECT * FROM sleep(500)").body);
  auto rejected = json::parse(post("SELECT 1").body);
  EXPECT_EQ(rejected["error"]["errorName"], "QUERY_QUEUE_FULL");
  EXPECT_EQ(rejected["stats"]["state"], "FAILED");
  EXPECT_FALSE(rejected.contains("nextUri"));
  auto tooLarge = json::parse(post("SELECT 1 AS " + std::string(200, 'x')).body);
  EXPECT_EQ(tooLarge["error"]["errorName"], "QUERY_TEXT_TOO_LARGE");
  EXPECT_EQ(client_->send("DELETE", running["nextUri"].get<std::string>()).status, 204);
}

TEST_F(StatementProtocolTest, clientTimeoutAbandonsTheQuery) {
  QueryManagerConfig config;
  config.clientTimeout = Duration(100ms);
  start(config);
  auto first = json::parse(post("SELECT * FROM stream(1000, 1, 10)").body);
  std::this_thread::sleep_for(400ms);
  auto abandoned = json::parse(follow(first["nextUri"]).body);
  EXPECT_EQ(abandoned["error"]["errorName"], "ABANDONED_QUERY");
}

TEST_F(StatementProtocolTest, serverInfoEndpoints) {
  auto info = json::parse(client_->send("GET", "/v1/info").body);
  EXPECT_EQ(info["environment"], "test");
  EXPECT_EQ(info["coordinator"], true);
  EXPECT_EQ(info["nodeVersion"]["version"], "0.1-test");
  EXPECT_EQ(client_->send("GET", "/v1/info/state").body, "\"ACTIVE\"");
  auto nodes = json::parse(client_->send("GET", "/v1/node").body);
  ASSERT_TRUE(nodes.is_array());
  auto status = json::parse(client_->send("GET", "/v1/status").body);
  EXPECT_EQ(status["nodeId"], "test-node");
  EXPECT_EQ(client_->send("HEAD", "/v1/status").status, 200);
  EXPECT_EQ(client_->send("PUT", "/v1/info/state", {}, "SHUTTING_DOWN").status, 400);
  EXPECT_EQ(client_->send("PUT", "/v1/info/state", {}, "\"INACTIVE\"").status, 400);
}

TEST_F(StatementProtocolTest, gracefulShutdownDrainsRunningQueries) {
  auto running = json::parse(post("SELECT * FROM sleep(200)").body);
  EXPECT_EQ(client_->send("PUT", "/v1/info/state", {}, "\"SHUTTING_DOWN\"").status, 204);
  EXPECT_EQ(client_->send("GET", "/v1/info/state").body, "\"SHUTTING_DOWN\"");
  auto refused = json::parse(post("SELECT 1").body);
  EXPECT_EQ(refused["error"]["errorName"], "SERVER_SHUTTING_DOWN");
  EXPECT_FALSE(server_->drained());
  // The running query still completes for its client, then the node is drained.
  json reply = running;
  while (reply.contains("nextUri")) {
    reply = json::parse(follow(reply["nextUri"]).body);
  }
  EXPECT_EQ(reply["stats"]["state"], "FINISHED");
  for (int i = 0; i < 100 && !server_->drained(); ++i) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(server_->drained());
}

TEST_F(StatementProtocolTest, manyConcurrentClients) {
  std::vector<std::thread> threads;
  std::atomic<int> finished{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      http::HttpClient client("127.0.0.1", server_->port());
      for (int j = 0; j < 10; ++j) {
        http::HttpHeaders headers;
        headers.add("X-Presto-User", "u");
        auto reply = json::parse(client.send("POST", "/v1/statement", headers, "SELECT 7").body);
        while (reply.contains("nextUri")) {
          reply = json::parse(client.send("GET", reply["nextUri"].get<std::string>()).body);
        }
        finished += reply["stats"]["state"] == "FINISHED" ? 1 : 0;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(finished, 80);
}

} // namespace
} // namespace presto::server
