#include "server/discovery/Announcer.h"

#include <gtest/gtest.h>

#include "TestNodes.h"
#include "common/PrestoException.h"
#include "server/http/AsyncHttpClient.h"

namespace presto::server::discovery::test {
namespace {

using namespace std::chrono_literals;

class AnnouncerTest : public ::testing::Test {
 protected:
  std::unique_ptr<Announcer> makeAnnouncer(const std::string& discoveryUri, Duration interval = Duration(100ms)) {
    return std::make_unique<Announcer>(discoveryUri, "worker-1", announcement_, client_, interval);
  }

  std::shared_ptr<http::AsyncHttpClient> client_ = std::make_shared<http::AsyncHttpClient>();
  FakeNode node_;
  Announcement announcement_ = node_.announcement();
};

TEST_F(AnnouncerTest, registersTheNodeAndUnregistersOnStop) {
  TestDiscoveryServer discovery;
  auto announcer = makeAnnouncer(discovery.uri());
  announcer->start();
  ASSERT_TRUE(eventually([&] { return discovery.manager().isActive("worker-1"); }));
  EXPECT_TRUE(announcer->announced());
  EXPECT_EQ(discovery.manager().announcements().at("worker-1"), announcement_);

  announcer->stop();
  EXPECT_EQ(discovery.manager().announcements().count("worker-1"), 0);
  EXPECT_FALSE(discovery.manager().isActive("worker-1"));
}

TEST_F(AnnouncerTest, renewsTheAnnouncementBeforeItExpires) {
  auto config = testNodeManagerConfig();
  config.announcementMaxAge = Duration(400ms);
  // Only expiry may fail the node here, not a heartbeat slowed down by a busy machine.
  config.failureTimeout = Duration(5s);
  config.failureRatioThreshold = 1;
  TestDiscoveryServer discovery(config);
  auto announcer = makeAnnouncer(discovery.uri());
  announcer->start();
  ASSERT_TRUE(eventually([&] { return discovery.manager().isActive("worker-1"); }));
  std::this_thread::sleep_for(1s);
  EXPECT_TRUE(discovery.manager().isActive("worker-1"));
  EXPECT_TRUE(announcer->announced());
}

TEST_F(AnnouncerTest, retriesUntilTheCoordinatorIsUp) {
  uint16_t port;
  {
    TestDiscoveryServer placeholder;
    port = placeholder.port();
  }
  auto announcer = makeAnnouncer("http://127.0.0.1:" + std::to_string(port), Duration(5s));
  announcer->start();
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(announcer->announced());

  TestDiscoveryServer discovery(testNodeManagerConfig(), port);
  // Failed announcements are retried every second at most, not every interval.
  ASSERT_TRUE(eventually([&] { return discovery.manager().announcements().count("worker-1") == 1; }, 3s));
  EXPECT_TRUE(eventually([&] { return announcer->announced(); }));
  announcer->stop();
  EXPECT_EQ(discovery.manager().announcements().count("worker-1"), 0);
}

TEST_F(AnnouncerTest, refusedAnnouncementIsNotAnnounced) {
  TestDiscoveryServer discovery;
  Announcer announcer(discovery.uri(), "worker-1", node_.announcement("production"), client_, Duration(100ms));
  announcer.start();
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(announcer.announced());
  EXPECT_EQ(discovery.manager().announcements().count("worker-1"), 0);
}

TEST_F(AnnouncerTest, invalidDiscoveryUriIsAConfigurationError) {
  EXPECT_THROW(makeAnnouncer("https://coordinator:8443"), PrestoException);
  EXPECT_THROW(makeAnnouncer("coordinator:8080"), PrestoException);
}

TEST_F(AnnouncerTest, destroyedWithAnnouncementInFlight) {
  // Destroyed right after start: the first announcement is still on its way.
  TestDiscoveryServer discovery;
  auto announcer = makeAnnouncer(discovery.uri());
  announcer->start();
  announcer.reset();
  client_.reset();
}

TEST_F(AnnouncerTest, stopWithoutStartSendsNothing) {
  TestDiscoveryServer discovery;
  auto announcer = makeAnnouncer(discovery.uri());
  announcer->stop();
  announcer->start();
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(discovery.manager().announcements().count("worker-1"), 0);
}

} // namespace
} // namespace presto::server::discovery::test
