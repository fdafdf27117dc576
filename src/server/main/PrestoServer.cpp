// presto-server: reads etc/, loads the catalogs, serves the client protocol until SIGTERM/SIGINT or
// `PUT /v1/info/state "SHUTTING_DOWN"`.

#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "common/Logging.h"
#include "engine/LocalQueryRunner.h"
#include "server/main/ServerConfig.h"
#include "server/main/ServerNode.h"

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
  ServerNode node(config, runner, kVersion, [&drained] { drained = true; });
  node.start();
  std::string catalogList;
  for (const auto& name : runner.catalogNames()) {
    catalogList += (catalogList.empty() ? "" : ", ") + name;
  }
  std::string role = !config.coordinator ? "worker"
      : config.discoveryServerEnabled    ? "coordinator with discovery server"
                                         : "single-node coordinator";
  LOG_INFO("presto-server {} listening on port {} ({}, node {}, environment {}, catalogs: {})", kVersion, node.port(),
      role, config.nodeId, config.environment, catalogList.empty() ? "none" : catalogList);
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
      node.shutDown();
      deadline = std::chrono::steady_clock::now() + kShutdownGracePeriod;
    }
    if (deadline && std::chrono::steady_clock::now() > *deadline) {
      LOG_WARN("shutdown grace period over; stopping with {} queries or tasks running", node.activeWork());
      break;
    }
  }
  node.stop();
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
