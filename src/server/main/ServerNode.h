#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "engine/LocalQueryRunner.h"
#include "server/coordinator/NodeLifecycle.h"
#include "server/coordinator/QueryManager.h"
#include "server/coordinator/TimerService.h"
#include "server/main/ServerConfig.h"

namespace presto::server {

namespace discovery {
class Announcer;
class DiscoveryResource;
class NodeManager;
} // namespace discovery

namespace http {
class AsyncHttpClient;
class HttpServer;
class InternalAuthentication;
class Router;
} // namespace http

namespace worker {
class TaskManager;
class TaskResource;
class TaskResultsResource;
} // namespace worker

class EmbeddedQueryEngine;
class QueryResource;
class ServerInfoResource;
class StatementResource;
class WorkerLifecycle;

/// One presto-server process in the role its configuration gives it, over an engine that owns its
/// catalogs, functions and executor:
/// - every node serves the task API (`/v1/task`, results) on its engine and `/v1/info`, `/v1/status`;
/// - a coordinator also serves the client protocol (`/v1/statement`, `/v1/query`); with
///   `discovery-server.enabled` it embeds the discovery server (announcements, node set with
///   heartbeats) and runs queries on the active workers (the coordinator too with
///   `node-scheduler.include-coordinator`); without it, everything runs in this process;
/// - a worker announces itself to `discovery.uri`;
/// - with `internal-communication.shared-secret`, the requests nodes send each other are signed
///   and the internal endpoints (`/v1/task`, `/v1/announcement`, `/v1/service`) answer 401 to
///   requests without a valid signature.
class ServerNode {
 public:
  /// `engine` must outlive the node. `onDrained` runs once a graceful shutdown has drained the
  /// node's work.
  ServerNode(const ServerConfig& config, engine::LocalQueryRunner& engine, std::string version,
      std::function<void()> onDrained);
  ~ServerNode();

  /// Starts serving, then announcing.
  void start();
  /// Stops announcing (unregisters) and serving.
  void stop();
  /// Graceful shutdown: no new work; `onDrained` once the work in progress ended.
  void shutDown();
  /// Queries (coordinator) or tasks (worker) still running.
  int64_t activeWork() const;
  uint16_t port() const;

 private:
  void addCoordinator(const ServerConfig& config, engine::LocalQueryRunner& engine);
  void addDiscoveryServer(const ServerConfig& config, engine::LocalQueryRunner& engine);

  const std::string version_;
  const std::function<void()> onDrained_;
  TimerService timers_;
  /// Null without `internal-communication.shared-secret`.
  std::shared_ptr<const http::InternalAuthentication> authentication_;
  std::shared_ptr<http::AsyncHttpClient> client_;
  std::shared_ptr<http::Router> router_;
  std::shared_ptr<worker::TaskManager> taskManager_;
  std::unique_ptr<worker::TaskResource> taskResource_;
  std::unique_ptr<worker::TaskResultsResource> resultsResource_;
  std::shared_ptr<discovery::NodeManager> nodeManager_;
  std::unique_ptr<discovery::DiscoveryResource> discoveryResource_;
  std::shared_ptr<EmbeddedQueryEngine> queryEngine_;
  std::unique_ptr<QueryManager> queries_;
  std::unique_ptr<StatementResource> statements_;
  std::unique_ptr<QueryResource> queryResource_;
  std::unique_ptr<WorkerLifecycle> workerLifecycle_;
  NodeLifecycle* lifecycle_ = nullptr;
  std::unique_ptr<ServerInfoResource> info_;
  std::unique_ptr<discovery::Announcer> announcer_;
  std::unique_ptr<http::HttpServer> server_;
  std::atomic<bool> stopped_{false};
};

} // namespace presto::server
