#include "LoopbackWorker.h"

#include <fmt/format.h>

#include "exec/RemoteSplit.h"

namespace presto::server::worker::test {

LoopbackWorker::LoopbackWorker(HttpExchangeOptions options, TaskResultsConfig config) {
  auto router = std::make_shared<http::Router>();
  resource_ = std::make_unique<TaskResultsResource>(harness_.registry(), timers_, config);
  resource_->addRoutes(*router);
  http::HttpServerConfig serverConfig;
  serverConfig.bindAddress = "127.0.0.1";
  serverConfig.port = 0;
  server_ = std::make_unique<http::HttpServer>(serverConfig, router);
  server_->start();
  port_ = server_->port();
  harness_.setTransport(
      httpExchangeSources(client_, nullptr, options), [this](const std::string& taskId) { return location(taskId); });
}

LoopbackWorker::~LoopbackWorker() {
  harness_.cancelAll();
  server_->stop();
}

std::string LoopbackWorker::location(const std::string& taskId) const {
  return fmt::format("http://127.0.0.1:{}/v1/task/{}", port_, taskId);
}

std::unique_ptr<HttpExchangeSource> LoopbackWorker::openSource(
    const exec::TaskPtr& task, int32_t bufferId, HttpExchangeOptions options) const {
  return std::make_unique<HttpExchangeSource>(client_, exec::RemoteSplit(task->taskId(), bufferId, location(task->taskId())),
      task->plan()->outputTypes(), options);
}

void LoopbackWorker::stopServer() {
  server_->stop();
}

} // namespace presto::server::worker::test
