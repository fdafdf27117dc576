#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/PrestoException.h"
#include "server/main/ServerConfig.h"

#ifndef PRESTO_ETC_DIR
#error "PRESTO_ETC_DIR must name the repository's etc/ directory"
#endif

namespace presto::server {
namespace {

namespace fs = std::filesystem;

TEST(ServerConfigTest, theShippedExamplesLoad) {
  auto single = ServerConfig::load(PRESTO_ETC_DIR);
  EXPECT_TRUE(single.coordinator);
  EXPECT_FALSE(single.isClustered());

  auto coordinator = ServerConfig::load(std::string(PRESTO_ETC_DIR) + "/cluster/coordinator");
  EXPECT_TRUE(coordinator.coordinator);
  EXPECT_TRUE(coordinator.discoveryServerEnabled);
  EXPECT_FALSE(coordinator.includeCoordinator);
  EXPECT_EQ(coordinator.internalUri(), "http://127.0.0.1:8080");

  auto worker = ServerConfig::load(std::string(PRESTO_ETC_DIR) + "/cluster/worker");
  EXPECT_FALSE(worker.coordinator);
  EXPECT_EQ(worker.discoveryUri, coordinator.internalUri());
  EXPECT_EQ(worker.sharedSecret, coordinator.sharedSecret);
  EXPECT_EQ(worker.environment, coordinator.environment);
}

/// An etc/ directory written for one test.
class EtcDirectory {
 public:
  EtcDirectory(const std::string& config, const std::string& node = "node.environment=test\n")
      : path_(fs::temp_directory_path() / ("presto-config-test-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
    std::ofstream(path_ / "config.properties") << config;
    std::ofstream(path_ / "node.properties") << node;
  }
  ~EtcDirectory() { fs::remove_all(path_); }

  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string loadError(const std::string& config) {
  EtcDirectory etc(config);
  try {
    ServerConfig::load(etc.path());
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, "CONFIGURATION_INVALID");
    return error.what();
  }
  return "loaded";
}

TEST(ServerConfigTest, clusterSettingsAreChecked) {
  EXPECT_NE(loadError("coordinator=false\nhttp-server.http.port=8081\n").find("needs discovery.uri"), std::string::npos);
  EXPECT_NE(loadError("coordinator=false\ndiscovery-server.enabled=true\ndiscovery.uri=http://c:1\n")
                .find("discovery-server.enabled requires coordinator=true"),
      std::string::npos);
  EXPECT_NE(loadError("coordinator=true\ndiscovery-server.enabled=true\nhttp-server.http.port=0\n").find("fixed"),
      std::string::npos);
  EXPECT_NE(loadError("node-scheduler.max-pending-splits-per-task=0\n").find("max-pending-splits-per-task"),
      std::string::npos);
  EXPECT_EQ(loadError("coordinator=false\ndiscovery.uri=http://c:8080\nhttp-server.http.port=8081\n"
                      "internal-communication.shared-secret=s\nfailure-detector.warmup-interval=1s\n"),
      "loaded");
}

} // namespace
} // namespace presto::server
