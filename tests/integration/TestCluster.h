#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace presto::integration {

/// The topology the integration tests run on: 0 is one presto-server that coordinates and executes;
/// 2 is a coordinator with two workers.
inline constexpr int32_t kDefaultTestWorkers = 2;

/// kDefaultTestWorkers, or the environment variable PRESTO_CLUSTER_WORKERS when it is set.
int32_t testWorkerCount();

/// Catalog name and the properties of its `etc/catalog/NAME.properties`.
using CatalogProperties = std::pair<std::string, std::vector<std::pair<std::string, std::string>>>;

/// The shape of a TestCluster and what every node is configured with.
struct TestClusterOptions {
  /// Worker processes besides the coordinator. 0: one presto-server that coordinates and runs
  /// every task (`node-scheduler.include-coordinator=true`). N > 0: a coordinator that only
  /// coordinates and runs the discovery server, and N workers that announce themselves to it.
  int32_t workers = 0;
  /// The catalogs of every node; the same files are written for each.
  std::vector<CatalogProperties> catalogs = {
      {"tpch", {{"connector.name", "tpch"}, {"tpch.column-naming", "STANDARD"}}},
      {"memory", {{"connector.name", "memory"}}},
  };
  /// More `config.properties` entries for every node (`task.concurrency`, memory limits...).
  std::vector<std::pair<std::string, std::string>> config = {
      {"task.concurrency", "2"},
      {"query.max-memory-per-node", "1GB"},
  };
  /// More `config.properties` entries for the coordinator only, and for the workers only (failure
  /// detector intervals, ...). Properties a node does not know make it fail at start.
  std::vector<std::pair<std::string, std::string>> coordinatorConfig;
  std::vector<std::pair<std::string, std::string>> workerConfig;
  /// How long start-up may take before the constructor gives up.
  std::chrono::seconds startTimeout{60};
  /// The presto-server program; defaults to the one built with the tests.
  std::string serverBinary;
};

/// A presto-server cluster on loopback for tests: every node a separate process started from its
/// own generated `etc/` directory under a temporary directory, on free ports, logging to
/// `DIR/NODE/server.log`. The constructor returns once the coordinator answers `GET /v1/info` and,
/// with workers, once `GET /v1/node` lists every worker and `system.runtime.nodes` shows each of them
/// `active`; if that does not happen within `startTimeout` (or a node exits), it stops whatever it
/// started and throws std::runtime_error with the tail of every node's log.
///
/// The destructor stops every node (SIGTERM, then SIGKILL after a few seconds) and removes the
/// directory unless the environment variable PRESTO_KEEP_CLUSTER_LOGS is set (then its path is
/// printed). Nodes also die with the thread that started them (PR_SET_PDEATHSIG), so a test binary
/// that crashes or is killed by a timeout leaves no servers behind.
///
/// REQUIRES: the thread that constructs a TestCluster outlives it (the main thread of a test).
class TestCluster {
 public:
  explicit TestCluster(TestClusterOptions options = {});
  ~TestCluster();

  TestCluster(const TestCluster&) = delete;
  TestCluster& operator=(const TestCluster&) = delete;

  /// `http://127.0.0.1:PORT` of the coordinator: where clients send statements.
  const std::string& coordinatorUrl() const;
  int32_t workerCount() const;
  /// `http://127.0.0.1:PORT` of worker `index` (0-based).
  const std::string& workerUrl(int32_t index) const;
  /// The `node.id` of worker `index`.
  const std::string& workerNodeId(int32_t index) const;

  /// Kills worker `index` with SIGKILL (no chance to deregister) and waits until it is gone.
  void killWorker(int32_t index);
  /// Whether worker `index` is still running.
  bool isWorkerRunning(int32_t index);

  /// The last `lines` lines of every node's log, each headed by the node's name.
  std::string logTails(size_t lines = 40) const;
  /// The temporary directory holding every node's `etc/`, data and log.
  const std::string& directory() const;

 private:
  class Node;
  class Directory;

  void start();
  void waitUntilReady();
  void stopAll();

  TestClusterOptions options_;
  std::unique_ptr<Directory> directory_;
  /// The coordinator first, then the workers.
  std::vector<std::unique_ptr<Node>> nodes_;
};

} // namespace presto::integration
