#include "server/discovery/NodeManager.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestNodes.h"
#include "common/PrestoException.h"
#include "server/http/AsyncHttpClient.h"

namespace presto::server::discovery::test {
namespace {

using namespace std::chrono_literals;

const ClusterNode kCoordinator{"coordinator", "http://127.0.0.1:1", "0.1-test", true, ClusterNodeState::kActive};

class NodeManagerTest : public ::testing::Test {
 protected:
  void createManager(NodeManagerConfig config = testNodeManagerConfig()) {
    manager_ = std::make_unique<NodeManager>(config, kCoordinator, client_);
  }

  std::optional<ClusterNodeState> stateOf(const std::string& nodeId) const {
    for (const auto& node : manager_->allNodes()) {
      if (node.nodeId == nodeId) {
        return node.state;
      }
    }
    return std::nullopt;
  }

  /// Announces `node` and waits until it is active.
  std::string announceActive(const FakeNode& node) {
    std::string nodeId = "worker-1";
    manager_->announce(nodeId, node.announcement());
    EXPECT_TRUE(eventually([&] { return manager_->isActive(nodeId); }));
    return nodeId;
  }

  std::shared_ptr<http::AsyncHttpClient> client_ = std::make_shared<http::AsyncHttpClient>();
  std::unique_ptr<NodeManager> manager_;
};

TEST_F(NodeManagerTest, coordinatorIsAlwaysActive) {
  createManager();
  EXPECT_EQ(manager_->activeNodes(), std::vector<ClusterNode>{kCoordinator});
  EXPECT_EQ(manager_->allNodes(), std::vector<ClusterNode>{kCoordinator});
  EXPECT_TRUE(manager_->isActive("coordinator"));
  EXPECT_EQ(manager_->failureOf("coordinator"), std::nullopt);
  EXPECT_EQ(manager_->failureOf("nobody"), "Node nobody is not announced");
  EXPECT_FALSE(manager_->isActive("nobody"));
}

TEST_F(NodeManagerTest, announcedNodeBecomesActiveAfterWarmup) {
  createManager();
  FakeNode node;
  auto start = std::chrono::steady_clock::now();
  manager_->announce("worker-1", node.announcement());
  EXPECT_FALSE(manager_->isActive("worker-1"));
  EXPECT_EQ(stateOf("worker-1"), ClusterNodeState::kInactive);
  EXPECT_EQ(manager_->failureOf("worker-1"), std::nullopt);

  ASSERT_TRUE(eventually([&] { return manager_->isActive("worker-1"); }));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 200ms);
  auto active = manager_->activeNodes();
  ASSERT_EQ(active.size(), 2);
  EXPECT_EQ(active[0], kCoordinator);
  EXPECT_EQ(active[1], (ClusterNode{"worker-1", node.uri(), "0.1-test", false, ClusterNodeState::kActive}));
  EXPECT_EQ(manager_->failureOf("worker-1"), std::nullopt);
}

TEST_F(NodeManagerTest, stoppedNodeFailsAndRecoversAfterRestart) {
  createManager();
  FakeNode node;
  auto nodeId = announceActive(node);

  node.stop();
  auto stopped = std::chrono::steady_clock::now();
  ASSERT_TRUE(eventually([&] { return !manager_->isActive(nodeId); }));
  EXPECT_LT(std::chrono::steady_clock::now() - stopped, 3s);
  EXPECT_EQ(stateOf(nodeId), ClusterNodeState::kInactive);
  ASSERT_TRUE(eventually([&] { return manager_->failureOf(nodeId).has_value(); }));
  EXPECT_NE(manager_->failureOf(nodeId)->find("Connection refused"), std::string::npos)
      << *manager_->failureOf(nodeId);
  EXPECT_EQ(manager_->activeNodes(), std::vector<ClusterNode>{kCoordinator});

  // The restarted node announces again and is judged on a fresh history, after a new warm-up.
  node.start();
  manager_->announce(nodeId, node.announcement());
  ASSERT_TRUE(eventually([&] { return manager_->isActive(nodeId); }));
  EXPECT_EQ(manager_->failureOf(nodeId), std::nullopt);
}

TEST_F(NodeManagerTest, unresponsiveNodeFailsOnTimeout) {
  createManager();
  FakeNode node;
  auto nodeId = announceActive(node);

  node.setSilent(true);
  ASSERT_TRUE(eventually([&] { return manager_->failureOf(nodeId).has_value(); }));
  EXPECT_NE(manager_->failureOf(nodeId)->find("timed out"), std::string::npos) << *manager_->failureOf(nodeId);
  EXPECT_FALSE(manager_->isActive(nodeId));
}

TEST_F(NodeManagerTest, shuttingDownNodeIsNotActiveButNotFailed) {
  createManager();
  FakeNode node;
  auto nodeId = announceActive(node);

  node.setShuttingDown(true);
  ASSERT_TRUE(eventually([&] { return stateOf(nodeId) == ClusterNodeState::kShuttingDown; }));
  EXPECT_FALSE(manager_->isActive(nodeId));
  EXPECT_EQ(manager_->failureOf(nodeId), std::nullopt);

  node.setShuttingDown(false);
  EXPECT_TRUE(eventually([&] { return manager_->isActive(nodeId); }));
}

TEST_F(NodeManagerTest, environmentMismatchIsRefused) {
  createManager();
  FakeNode node;
  try {
    manager_->announce("worker-1", node.announcement("production"));
    FAIL() << "expected an error";
  } catch (const PrestoException& error) {
    EXPECT_TRUE(error.isUserError());
    EXPECT_EQ(std::string(error.what()),
        "Node worker-1 announced environment 'production', but this coordinator is in environment 'test'");
  }
  EXPECT_EQ(manager_->allNodes().size(), 1);
}

TEST_F(NodeManagerTest, announcementWithoutHttpUriIsRefused) {
  createManager();
  FakeNode node;
  auto announcement = node.announcement();
  announcement.services[0].properties.erase("http");
  EXPECT_THROW(manager_->announce("worker-1", announcement), PrestoException);
  announcement.services.clear();
  EXPECT_THROW(manager_->announce("worker-1", announcement), PrestoException);
}

TEST_F(NodeManagerTest, expiredAnnouncementMakesNodeInactiveThenForgotten) {
  auto config = testNodeManagerConfig();
  config.announcementMaxAge = Duration(400ms);
  config.inactiveRetention = Duration(300ms);
  createManager(config);
  FakeNode node;
  auto nodeId = announceActive(node);
  EXPECT_EQ(manager_->announcements().count(nodeId), 1);

  ASSERT_TRUE(eventually([&] { return !manager_->isActive(nodeId); }));
  ASSERT_TRUE(manager_->failureOf(nodeId).has_value());
  EXPECT_TRUE(manager_->failureOf(nodeId)->starts_with("Announcement not renewed for "))
      << *manager_->failureOf(nodeId);
  EXPECT_EQ(stateOf(nodeId), ClusterNodeState::kInactive);
  EXPECT_EQ(manager_->announcements().count(nodeId), 0);

  ASSERT_TRUE(eventually([&] { return !stateOf(nodeId).has_value(); }));
  EXPECT_EQ(manager_->failureOf(nodeId), "Node worker-1 is not announced");
}

TEST_F(NodeManagerTest, renewedAnnouncementKeepsNodeActive) {
  auto config = testNodeManagerConfig();
  config.announcementMaxAge = Duration(300ms);
  // Only expiry may fail the node here, not a heartbeat slowed down by a busy machine.
  config.failureTimeout = Duration(5s);
  config.failureRatioThreshold = 1;
  createManager(config);
  FakeNode node;
  auto announcement = node.announcement();
  manager_->announce("worker-1", announcement);
  ASSERT_TRUE(eventually([&] { return manager_->isActive("worker-1"); }));
  auto until = std::chrono::steady_clock::now() + 800ms;
  while (std::chrono::steady_clock::now() < until) {
    manager_->announce("worker-1", announcement);
    EXPECT_TRUE(manager_->isActive("worker-1"));
    std::this_thread::sleep_for(50ms);
  }
}

TEST_F(NodeManagerTest, unannouncedNodeIsRemoved) {
  createManager();
  FakeNode node;
  auto nodeId = announceActive(node);
  manager_->unannounce(nodeId);
  EXPECT_EQ(manager_->allNodes(), std::vector<ClusterNode>{kCoordinator});
  EXPECT_FALSE(manager_->isActive(nodeId));
  EXPECT_EQ(manager_->nodesJson(false), "[]");
}

TEST_F(NodeManagerTest, coordinatorAnnouncementIsListedButNotMonitored) {
  createManager();
  FakeNode node;
  auto announcement = node.announcement();
  manager_->announce("coordinator", announcement);
  EXPECT_EQ(manager_->announcements(), (std::map<std::string, Announcement>{{"coordinator", announcement}}));
  EXPECT_EQ(manager_->allNodes(), std::vector<ClusterNode>{kCoordinator});
  EXPECT_EQ(manager_->nodesJson(false), "[]");
}

TEST_F(NodeManagerTest, nodesJsonReportsHeartbeatStatistics) {
  createManager();
  FakeNode node;
  auto nodeId = announceActive(node);
  EXPECT_EQ(manager_->nodesJson(true), "[]");

  auto nodes = nlohmann::json::parse(manager_->nodesJson(false));
  ASSERT_EQ(nodes.size(), 1);
  const auto& entry = nodes[0];
  EXPECT_EQ(entry["uri"], node.uri());
  EXPECT_GT(entry["recentRequests"].get<double>(), 0);
  EXPECT_GT(entry["recentSuccesses"].get<double>(), 0);
  EXPECT_EQ(entry["recentFailures"].get<double>(), 0);
  EXPECT_EQ(entry["recentFailureRatio"].get<double>(), 0);
  EXPECT_TRUE(entry["lastRequestTime"].get<std::string>().ends_with("Z"));
  EXPECT_TRUE(entry["lastResponseTime"].get<std::string>().ends_with("Z"));
  EXPECT_TRUE(entry["age"].is_string());
  EXPECT_EQ(entry["recentFailuresByType"], nlohmann::json::object());

  node.stop();
  ASSERT_TRUE(eventually([&] { return manager_->nodesJson(true) != "[]"; }));
  auto failed = nlohmann::json::parse(manager_->nodesJson(true));
  ASSERT_EQ(failed.size(), 1);
  EXPECT_EQ(failed[0]["uri"], node.uri());
  EXPECT_GT(failed[0]["recentFailures"].get<double>(), 0);
  EXPECT_GT(failed[0]["recentFailuresByType"]["Connection refused"].get<double>(), 0);
}

TEST_F(NodeManagerTest, destroyedWithHeartbeatsInFlight) {
  createManager();
  FakeNode node;
  manager_->announce("worker-1", node.announcement());
  node.setSilent(true);
  std::this_thread::sleep_for(100ms);
  manager_.reset();
  client_.reset();
}

} // namespace
} // namespace presto::server::discovery::test
