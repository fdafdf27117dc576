#pragma once

#include <memory>
#include <string>

#include "engine/LocalQueryRunner.h"
#include "server/coordinator/TimerService.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpServer.h"
#include "server/worker/TaskManager.h"
#include "server/worker/TaskResource.h"
#include "server/worker/TaskResultsResource.h"

namespace presto::exec {
class TaskRegistry;
}

namespace presto::server::worker::test {

/// A worker on loopback for tests: its own embedded engine (catalogs, functions, executor), a
/// TaskManager behind the task and results endpoints of an HttpServer on a free port, and HTTP
/// exchanges to other workers.
class TaskApiWorker {
 public:
  /// `config.baseUri` and `config.nodeId` are filled in.
  explicit TaskApiWorker(std::string nodeId = "worker", TaskManagerConfig config = {});
  ~TaskApiWorker();

  /// `http://127.0.0.1:{port}`.
  const std::string& uri() const { return uri_; }
  uint16_t port() const { return port_; }
  TaskManager& manager() { return *manager_; }
  engine::LocalQueryRunner& engine() { return engine_; }

 private:
  engine::LocalQueryRunner engine_;
  TimerService timers_;
  std::shared_ptr<exec::TaskRegistry> registry_;
  std::shared_ptr<http::AsyncHttpClient> client_ = std::make_shared<http::AsyncHttpClient>();
  std::shared_ptr<TaskManager> manager_;
  std::unique_ptr<TaskResource> tasks_;
  std::unique_ptr<TaskResultsResource> results_;
  std::unique_ptr<http::HttpServer> server_;
  uint16_t port_ = 0;
  std::string uri_;
};

} // namespace presto::server::worker::test
