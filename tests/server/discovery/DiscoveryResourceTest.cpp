#include "server/discovery/DiscoveryResource.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestNodes.h"
#include "server/http/HttpClient.h"

namespace presto::server::discovery::test {
namespace {

class DiscoveryResourceTest : public ::testing::Test {
 protected:
  http::HttpResponse send(const std::string& method, const std::string& target, const std::string& body = "") {
    http::HttpHeaders headers;
    headers.add("Content-Type", "application/json");
    return client_.send(method, target, headers, body);
  }

  TestDiscoveryServer server_;
  NodeManager& manager_ = server_.manager();
  http::HttpClient client_{"127.0.0.1", server_.port()};
};

TEST_F(DiscoveryResourceTest, announceListAndUnannounce) {
  FakeNode node;
  auto announcement = node.announcement();
  auto put = send("PUT", "/v1/announcement/worker-1", serializeAnnouncement(announcement));
  EXPECT_EQ(put.status, 202) << put.body;
  EXPECT_TRUE(eventually([&] { return manager_.isActive("worker-1"); }));

  auto services = nlohmann::json::parse(send("GET", "/v1/service/presto").body);
  EXPECT_EQ(services["environment"], "test");
  ASSERT_EQ(services["services"].size(), 1);
  const auto& service = services["services"][0];
  EXPECT_EQ(service["id"], announcement.services[0].id);
  EXPECT_EQ(service["nodeId"], "worker-1");
  EXPECT_EQ(service["type"], "presto");
  EXPECT_EQ(service["pool"], "general");
  EXPECT_EQ(service["location"], announcement.location);
  EXPECT_EQ(service["properties"]["http"], node.uri());
  EXPECT_EQ(service["properties"]["coordinator"], "false");
  EXPECT_EQ(service["properties"]["connectorIds"], "tpch");
  EXPECT_EQ(service["properties"]["node_version"], "0.1-test");

  auto nodes = nlohmann::json::parse(send("GET", "/v1/node").body);
  ASSERT_EQ(nodes.size(), 1);
  EXPECT_EQ(nodes[0]["uri"], node.uri());
  for (const char* field : {"recentRequests", "recentFailures", "recentSuccesses", "lastRequestTime",
           "lastResponseTime", "age", "recentFailureRatio", "recentFailuresByType"}) {
    EXPECT_TRUE(nodes[0].contains(field)) << field;
  }
  EXPECT_EQ(send("GET", "/v1/node/failed").body, "[]");

  auto removed = send("DELETE", "/v1/announcement/worker-1");
  EXPECT_EQ(removed.status, 204);
  EXPECT_EQ(removed.body, "");
  EXPECT_FALSE(manager_.isActive("worker-1"));
  EXPECT_EQ(nlohmann::json::parse(send("GET", "/v1/service/presto").body)["services"].size(), 0);
}

TEST_F(DiscoveryResourceTest, environmentMismatchIs400) {
  FakeNode node;
  auto reply = send("PUT", "/v1/announcement/worker-1", serializeAnnouncement(node.announcement("production")));
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("environment 'production'"), std::string::npos) << reply.body;
  EXPECT_EQ(manager_.allNodes().size(), 1);
}

TEST_F(DiscoveryResourceTest, malformedAnnouncementIs400) {
  auto reply = send("PUT", "/v1/announcement/worker-1", "{\"environment\": 3}");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.body, "Malformed announcement: \"environment\" must be a string");
}

TEST_F(DiscoveryResourceTest, unannouncingAnUnknownNodeIs204) {
  EXPECT_EQ(send("DELETE", "/v1/announcement/nobody").status, 204);
}

} // namespace
} // namespace presto::server::discovery::test
