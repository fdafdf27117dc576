#pragma once

#include <memory>
#include <string>

#include "server/coordinator/TimerService.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpServer.h"
#include "server/worker/HttpExchangeSource.h"
#include "server/worker/TaskResultsResource.h"
#include "utils/ExchangeHarness.h"

namespace presto::server::worker::test {

/// A worker on loopback for tests and benchmarks: the tasks of an ExchangeHarness, served by a
/// TaskResultsResource on an HttpServer (port picked by the system), reading each other through
/// HttpExchangeSources over HTTP, as tasks on different workers would.
///
///   LoopbackWorker worker;
///   auto producer = worker.harness().start(plan, {exec::OutputBufferKind::kPartitioned, 2, {0}});
///   auto consumer = worker.harness().start(consumerPlan);
///   worker.harness().connect(consumer, exchangeId, {producer}, 0);   // splits carry HTTP locations
///   auto pages = worker.harness().results(consumer);                 // read over HTTP too
class LoopbackWorker {
 public:
  explicit LoopbackWorker(HttpExchangeOptions options = {}, TaskResultsConfig config = {});
  ~LoopbackWorker();

  exec::test::ExchangeHarness& harness() { return harness_; }
  uint16_t port() const { return port_; }
  /// `http://127.0.0.1:{port}/v1/task/{taskId}`.
  std::string location(const std::string& taskId) const;
  /// An HTTP source reading buffer `bufferId` of `task`.
  std::unique_ptr<HttpExchangeSource> openSource(
      const exec::TaskPtr& task, int32_t bufferId, HttpExchangeOptions options = {}) const;
  /// Stops the HTTP server (the tasks keep running).
  void stopServer();

 private:
  TimerService timers_;
  exec::test::ExchangeHarness harness_;
  const std::shared_ptr<http::AsyncHttpClient> client_ = std::make_shared<http::AsyncHttpClient>();
  std::unique_ptr<TaskResultsResource> resource_;
  std::unique_ptr<http::HttpServer> server_;
  uint16_t port_ = 0;
};

} // namespace presto::server::worker::test
