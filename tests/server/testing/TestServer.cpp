#include "TestServer.h"

#include "FakeQueryEngine.h"

namespace presto::server::test {

TestServer::TestServer(QueryManagerConfig config, uint16_t port) {
  queries_ = std::make_unique<QueryManager>(config, std::make_shared<FakeQueryEngine>());
  statements_ = std::make_unique<StatementResource>(*queries_);
  queryResource_ = std::make_unique<QueryResource>(*queries_);
  info_ = std::make_unique<ServerInfoResource>(
      NodeIdentity{"test-node", "test", "0.1-test", true}, *queries_, [this] { drained_ = true; });
  auto router = std::make_shared<http::Router>();
  statements_->addRoutes(*router);
  queryResource_->addRoutes(*router);
  info_->addRoutes(*router);
  info_->addSingleNodeListRoute(*router);
  http::HttpServerConfig httpConfig;
  httpConfig.bindAddress = "127.0.0.1";
  httpConfig.port = port;
  server_ = std::make_unique<http::HttpServer>(httpConfig, router);
  server_->start();
}

TestServer::~TestServer() {
  server_->stop();
  queries_.reset();
}

} // namespace presto::server::test
