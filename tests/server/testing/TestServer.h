#pragma once

#include <memory>

#include "server/coordinator/QueryManager.h"
#include "server/http/HttpServer.h"
#include "server/resource/QueryResource.h"
#include "server/resource/ServerInfoResource.h"
#include "server/resource/StatementResource.h"

namespace presto::server::test {

/// A complete coordinator (resources, QueryManager, HTTP server on a free loopback port) over the
/// FakeQueryEngine, for protocol tests, the Node client test and the benchmark.
class TestServer {
 public:
  explicit TestServer(QueryManagerConfig config = {}, uint16_t port = 0);
  ~TestServer();

  uint16_t port() const { return server_->port(); }
  QueryManager& queries() { return *queries_; }
  /// Whether a graceful shutdown finished draining.
  bool drained() const { return drained_; }

 private:
  std::atomic<bool> drained_{false};
  std::unique_ptr<QueryManager> queries_;
  std::unique_ptr<StatementResource> statements_;
  std::unique_ptr<QueryResource> queryResource_;
  std::unique_ptr<ServerInfoResource> info_;
  std::unique_ptr<http::HttpServer> server_;
};

} // namespace presto::server::test
