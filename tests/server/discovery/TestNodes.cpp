#include "TestNodes.h"

#include <thread>

#include "server/discovery/DiscoveryResource.h"

namespace presto::server::discovery::test {

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

FakeNode::FakeNode() {
  start();
}

FakeNode::~FakeNode() {
  stop();
}

void FakeNode::start() {
  auto router = std::make_shared<http::Router>();
  router->add("GET", "/v1/info/state",
      [this](const http::HttpRequest&, const http::PathParameters&, http::Responder respond) {
        if (!silent_) {
          respond(http::HttpResponse::json(shuttingDown_ ? "\"SHUTTING_DOWN\"" : "\"ACTIVE\""));
        }
      });
  http::HttpServerConfig config;
  config.bindAddress = "127.0.0.1";
  config.port = port_;
  config.threads = 1;
  server_ = std::make_unique<http::HttpServer>(config, std::move(router));
  server_->start();
  port_ = server_->port();
}

void FakeNode::stop() {
  if (server_) {
    server_->stop();
    server_.reset();
  }
}

Announcement FakeNode::announcement(const std::string& environment) const {
  return makePrestoAnnouncement({environment, "worker-" + std::to_string(port_), uri(), "0.1-test", false, {"tpch"}});
}

NodeManagerConfig testNodeManagerConfig() {
  NodeManagerConfig config;
  config.environment = "test";
  config.heartbeatInterval = Duration(std::chrono::milliseconds(50));
  config.warmupInterval = Duration(std::chrono::milliseconds(200));
  config.failureTimeout = Duration(std::chrono::milliseconds(300));
  return config;
}

TestDiscoveryServer::TestDiscoveryServer(NodeManagerConfig config, uint16_t port) {
  manager_ = std::make_shared<NodeManager>(
      config, ClusterNode{"coordinator", "http://127.0.0.1:1", "0.1-test", true}, client_);
  auto router = std::make_shared<http::Router>();
  DiscoveryResource(manager_).addRoutes(*router);
  http::HttpServerConfig serverConfig;
  serverConfig.bindAddress = "127.0.0.1";
  serverConfig.port = port;
  serverConfig.threads = 1;
  server_ = std::make_unique<http::HttpServer>(serverConfig, router);
  server_->start();
}

TestDiscoveryServer::~TestDiscoveryServer() {
  server_->stop();
}

} // namespace presto::server::discovery::test
