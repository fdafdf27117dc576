#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "server/discovery/Announcement.h"
#include "server/discovery/NodeManager.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpServer.h"

namespace presto::server::discovery::test {

/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns its last value.
bool eventually(const std::function<bool()>& condition,
    std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

/// A worker as the failure detector sees it: an HTTP server on a free loopback port answering
/// `GET /v1/info/state`. Can be stopped and restarted on the same port.
class FakeNode {
 public:
  FakeNode();
  ~FakeNode();

  /// Starts the server (on the port it had before, after a stop()).
  void start();
  void stop();

  /// Answers `"SHUTTING_DOWN"` instead of `"ACTIVE"`.
  void setShuttingDown(bool shuttingDown) { shuttingDown_ = shuttingDown; }
  /// Stops replying to heartbeats (their responders are dropped unanswered).
  void setSilent(bool silent) { silent_ = silent; }

  std::string uri() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// The announcement of this node in environment `environment`.
  Announcement announcement(const std::string& environment = "test") const;

 private:
  std::atomic<bool> shuttingDown_{false};
  std::atomic<bool> silent_{false};
  uint16_t port_ = 0;
  std::unique_ptr<http::HttpServer> server_;
};

/// Environment `test` and small intervals, so that warm-up (200 ms) and failure detection (300 ms
/// of failed 50 ms heartbeats) take a fraction of a second.
NodeManagerConfig testNodeManagerConfig();

/// A coordinator's discovery server: a NodeManager behind a DiscoveryResource on a loopback port.
class TestDiscoveryServer {
 public:
  /// `port` 0 picks a free one.
  explicit TestDiscoveryServer(NodeManagerConfig config = testNodeManagerConfig(), uint16_t port = 0);
  ~TestDiscoveryServer();

  uint16_t port() const { return server_->port(); }
  std::string uri() const { return "http://127.0.0.1:" + std::to_string(port()); }
  NodeManager& manager() { return *manager_; }

 private:
  std::shared_ptr<http::AsyncHttpClient> client_ = std::make_shared<http::AsyncHttpClient>();
  std::shared_ptr<NodeManager> manager_;
  std::unique_ptr<http::HttpServer> server_;
};

} // namespace presto::server::discovery::test
