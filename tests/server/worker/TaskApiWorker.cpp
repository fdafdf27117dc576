#include "TaskApiWorker.h"

#include "exec/InProcessExchangeSource.h"
#include "exec/TaskRegistry.h"
#include "server/worker/HttpExchangeSource.h"

namespace presto::server::worker::test {
namespace {

/// A port free right now: the task manager must know its URI before its server starts.
uint16_t freePort() {
  http::HttpServer probe(http::HttpServerConfig{.bindAddress = "127.0.0.1", .port = 0},
      std::make_shared<const http::Router>());
  probe.start();
  auto port = probe.port();
  probe.stop();
  return port;
}

} // namespace

TaskApiWorker::TaskApiWorker(std::string nodeId, TaskManagerConfig config)
    : registry_(std::make_shared<exec::TaskRegistry>()), port_(freePort()),
      uri_("http://127.0.0.1:" + std::to_string(port_)) {
  config.baseUri = uri_;
  config.nodeId = std::move(nodeId);
  manager_ = TaskManager::create(engine_.executionServices(), registry_,
      httpExchangeSources(client_, exec::inProcessExchangeSources(registry_)), timers_, config);
  auto router = std::make_shared<http::Router>();
  tasks_ = std::make_unique<TaskResource>(manager_, timers_);
  tasks_->addRoutes(*router);
  results_ = std::make_unique<TaskResultsResource>(registry_, timers_);
  results_->addRoutes(*router);
  server_ = std::make_unique<http::HttpServer>(
      http::HttpServerConfig{.bindAddress = "127.0.0.1", .port = port_}, std::move(router));
  server_->start();
}

TaskApiWorker::~TaskApiWorker() {
  server_->stop();
}

} // namespace presto::server::worker::test
