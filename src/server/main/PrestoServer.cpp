// presto-server: reads etc/, loads the catalogs, serves the client protocol until SIGTERM/SIGINT or
// `PUT /v1/info/state "SHUTTING_DOWN"`.

#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "common/Logging.h"
#include "engine/LocalQueryRunner.h"
#include "server/coordinator/CoordinatorRuntimeInfo.h"
#include "server/main/EmbeddedQueryEngine.h"
#include "server/main/ServerConfig.h"
#include "server/resource/QueryResource.h"
#include "server/resource/ServerInfoResource.h"
#include "server/resource/StatementResource.h"

namespace presto::server {
namespace {

constexpr const char* kVersion = "0.1-cpp";
/// How long SIGTERM waits for running queries before the process exits anyway.
constexpr auto kShutdownGracePeriod = std::chrono::seconds(30);

void printUsage() {
  std::cerr << "usage: presto-server [--etc DIR]\n"
               "  --etc DIR   configuration directory with config.properties, node.properties and\n"
               "              catalog/*.properties (default: etc)\n";
}

int run(const std::string& etcDirectory) {
  // Signals are taken synchronously by the main thread; every thread started below inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  ServerConfig config = ServerConfig::load(etcDirectory);

  engine::LocalQueryRunnerOptions options;
  std::string catalogDirectory = etcDirectory + "/catalog";
  if (std::filesystem::is_directory(catalogDirectory)) {
    options.catalogDirectory = catalogDirectory;
  } else {
    options.catalogs.clear();
  }
  options.nodeId = config.nodeId;
  options.concurrency = static_cast<int32_t>(config.taskConcurrency);
  options.maxQueryMemoryBytes = static_cast<int64_t>(config.queryMaxMemoryPerNode.bytes());
  engine::LocalQueryRunner runner(options);

  std::atomic<bool> drained{false};
  auto engine = std::make_shared<EmbeddedQueryEngine>(runner);
  auto queries = std::make_unique<QueryManager>(config.queries, engine);
  runner.setRuntimeInfo(std::make_shared<CoordinatorRuntimeInfo>(
      *queries, connector::NodeInfo{config.nodeId, "http://localhost:" + std::to_string(config.http.port), kVersion, true, "active"}));
  auto router = std::make_shared<http::Router>();
  StatementResource statements(*queries);
  QueryResource queryResource(*queries);
  ServerInfoResource info(NodeIdentity{config.nodeId, config.environment, kVersion, config.coordinator}, *queries,
      [&drained] { drained = true; });
  statements.addRoutes(*router);
  queryResource.addRoutes(*router);
  info.addRoutes(*router);

  http::HttpServer server(config.http, router);
  server.start();
  std::string catalogList;
  for (const auto& name : runner.catalogNames()) {
    catalogList += (catalogList.empty() ? "" : ", ") + name;
  }
  LOG_INFO("presto-server {} listening on port {} (node {}, environment {}, catalogs: {})", kVersion, server.port(),
      config.nodeId, config.environment, catalogList.empty() ? "none" : catalogList);
  LOG_INFO("======== SERVER STARTED ========");

  std::optional<std::chrono::steady_clock::time_point> deadline;
  while (!drained) {
    timespec timeout{0, 100'000'000};
    int signal = sigtimedwait(&signals, nullptr, &timeout);
    if (signal == SIGINT || (signal == SIGTERM && deadline)) {
      LOG_INFO("received {}, stopping now", strsignal(signal));
      break;
    }
    if (signal == SIGTERM) {
      LOG_INFO("received SIGTERM, draining queries (at most {}s)", kShutdownGracePeriod.count());
      queries->shutDown([&drained] { drained = true; });
      deadline = std::chrono::steady_clock::now() + kShutdownGracePeriod;
    }
    if (deadline && std::chrono::steady_clock::now() > *deadline) {
      LOG_WARN("shutdown grace period over; stopping with {} active queries", queries->activeQueryCount());
      break;
    }
  }
  server.stop();
  queries.reset();
  engine.reset();
  LOG_INFO("presto-server stopped");
  return 0;
}

} // namespace
} // namespace presto::server

int main(int argc, char** argv) {
  std::string etcDirectory = "etc";
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    if (argument == "--etc" && i + 1 < argc) {
      etcDirectory = argv[++i];
    } else if (argument.rfind("--etc=", 0) == 0) {
      etcDirectory = argument.substr(6);
    } else if (argument == "--help" || argument == "-h") {
      presto::server::printUsage();
      return 0;
    } else {
      std::cerr << "presto-server: unknown argument '" << argument << "'\n";
      presto::server::printUsage();
      return 2;
    }
  }
  try {
    return presto::server::run(etcDirectory);
  } catch (const presto::PrestoException& e) {
    std::cerr << "presto-server: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "presto-server: " << e.what() << "\n";
    return 1;
  }
}
