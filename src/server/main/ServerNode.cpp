#include "server/main/ServerNode.h"

#include "common/Logging.h"
#include "exec/InProcessExchangeSource.h"
#include "server/cluster/ClusterTaskFactory.h"
#include "server/coordinator/CoordinatorRuntimeInfo.h"
#include "server/discovery/Announcer.h"
#include "server/discovery/DiscoveryResource.h"
#include "server/discovery/NodeManager.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpServer.h"
#include "server/http/InternalAuthentication.h"
#include "server/main/ClusterRuntimeInfo.h"
#include "server/main/EmbeddedQueryEngine.h"
#include "server/main/WorkerLifecycle.h"
#include "server/resource/QueryResource.h"
#include "server/resource/ServerInfoResource.h"
#include "server/resource/StatementResource.h"
#include "server/worker/HttpExchangeSource.h"
#include "server/worker/TaskManager.h"
#include "server/worker/TaskResource.h"
#include "server/worker/TaskResultsResource.h"

namespace presto::server {

namespace {

/// The endpoints only other nodes of the cluster call.
bool isInternal(const std::string& path) {
  for (std::string_view prefix : {"/v1/task", "/v1/announcement", "/v1/service"}) {
    if (path.rfind(prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

} // namespace

ServerNode::ServerNode(const ServerConfig& config, engine::LocalQueryRunner& engine, std::string version,
    std::function<void()> onDrained)
    : version_(std::move(version)), onDrained_(std::move(onDrained)), router_(std::make_shared<http::Router>()) {
  if (!config.sharedSecret.empty()) {
    authentication_ = std::make_shared<http::InternalAuthentication>(config.sharedSecret, config.nodeId);
    router_->setFilter([authentication = authentication_](const http::HttpRequest& request) {
      std::optional<http::HttpResponse> rejection;
      if (isInternal(request.path)) {
        if (auto problem = authentication->check(request)) {
          rejection = http::HttpResponse::text(401, "Unauthorized internal request: " + *problem);
        }
      }
      return rejection;
    });
  }
  client_ = std::make_shared<http::AsyncHttpClient>(2, [authentication = authentication_](http::AsyncHttpRequest& request) {
    if (authentication) {
      authentication->sign(request.headers);
    }
  });
  // Every node runs tasks of coordinators' queries on its engine and serves their output.
  worker::TaskManagerConfig tasks;
  tasks.baseUri = config.internalUri();
  tasks.nodeId = config.nodeId;
  auto registry = engine.taskRegistry();
  taskManager_ = worker::TaskManager::create(engine.executionServices(), registry,
      worker::httpExchangeSources(client_, exec::inProcessExchangeSources(registry)), timers_, tasks);
  taskResource_ = std::make_unique<worker::TaskResource>(taskManager_, timers_);
  taskResource_->addRoutes(*router_);
  resultsResource_ = std::make_unique<worker::TaskResultsResource>(registry, timers_);
  resultsResource_->addRoutes(*router_);

  if (config.coordinator) {
    addCoordinator(config, engine);
  } else {
    workerLifecycle_ = std::make_unique<WorkerLifecycle>(*taskManager_, timers_);
    lifecycle_ = workerLifecycle_.get();
  }
  info_ = std::make_unique<ServerInfoResource>(
      NodeIdentity{config.nodeId, config.environment, version_, config.coordinator}, *lifecycle_, onDrained_);
  info_->addRoutes(*router_);
  if (!nodeManager_) {
    info_->addSingleNodeListRoute(*router_);
  }
  if (!config.coordinator) {
    discovery::PrestoNodeDescription description{config.environment, config.nodeId, config.internalUri(), version_,
        config.coordinator, engine.catalogNames()};
    announcer_ = std::make_unique<discovery::Announcer>(config.discoveryUri, config.nodeId,
        discovery::makePrestoAnnouncement(description), client_);
  }
  server_ = std::make_unique<http::HttpServer>(config.http, router_);
}

void ServerNode::addCoordinator(const ServerConfig& config, engine::LocalQueryRunner& engine) {
  queryEngine_ = std::make_shared<EmbeddedQueryEngine>(engine);
  queries_ = std::make_unique<QueryManager>(config.queries, queryEngine_);
  lifecycle_ = queries_.get();
  statements_ = std::make_unique<StatementResource>(*queries_);
  statements_->addRoutes(*router_);
  queryResource_ = std::make_unique<QueryResource>(*queries_);
  queryResource_->addRoutes(*router_);
  connector::NodeInfo self{config.nodeId, config.internalUri(), version_, true, "active"};
  if (config.discoveryServerEnabled) {
    addDiscoveryServer(config, engine);
    engine.setRuntimeInfo(std::make_shared<ClusterRuntimeInfo>(*queries_, self, nodeManager_, authentication_));
  } else {
    engine.setRuntimeInfo(std::make_shared<CoordinatorRuntimeInfo>(*queries_, self));
  }
}

void ServerNode::addDiscoveryServer(const ServerConfig& config, engine::LocalQueryRunner& engine) {
  discovery::ClusterNode self{config.nodeId, config.internalUri(), version_, true};
  nodeManager_ = std::make_shared<discovery::NodeManager>(config.discovery, self, client_);
  discoveryResource_ = std::make_unique<discovery::DiscoveryResource>(nodeManager_);
  discoveryResource_->addRoutes(*router_);

  std::weak_ptr<discovery::NodeManager> nodes = nodeManager_;
  auto workers = [nodes, includeCoordinator = config.includeCoordinator] {
    std::vector<engine::WorkerNode> workers;
    if (auto manager = nodes.lock()) {
      for (const auto& node : manager->activeNodes()) {
        if (!node.coordinator || includeCoordinator) {
          workers.push_back({node.nodeId, node.uri});
        }
      }
    }
    return workers;
  };
  auto nodeFailure = [nodes](const std::string& nodeId) -> std::optional<std::string> {
    auto manager = nodes.lock();
    return manager ? manager->failureOf(nodeId) : std::nullopt;
  };
  cluster::ClusterSchedulingConfig scheduling;
  scheduling.maxQueryMemoryBytes = static_cast<int64_t>(config.queryMaxMemory.bytes());
  scheduling.maxPendingSplitsPerTask = config.maxPendingSplitsPerTask;
  scheduling.maxSplitsPerNode = config.maxSplitsPerNode;
  engine.setRemoteTaskFactory(std::make_shared<cluster::ClusterTaskFactory>(client_,
      engine::WorkerNode{config.nodeId, config.internalUri()}, std::move(workers), std::move(nodeFailure),
      scheduling));
}

ServerNode::~ServerNode() {
  stop();
  // Queries end before the tasks and node set they use.
  queries_.reset();
  queryEngine_.reset();
}

void ServerNode::start() {
  server_->start();
  if (announcer_) {
    announcer_->start();
  }
}

void ServerNode::stop() {
  if (stopped_.exchange(true)) {
    return;
  }
  if (announcer_) {
    announcer_->stop();
  }
  server_->stop();
}

void ServerNode::shutDown() {
  lifecycle_->shutDown(onDrained_);
}

int64_t ServerNode::activeWork() const {
  return lifecycle_->activeQueryCount();
}

uint16_t ServerNode::port() const {
  return server_->port();
}

} // namespace presto::server
