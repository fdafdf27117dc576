#include "TestCluster.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "TestClient.h"
#include "server/http/HttpClient.h"

#ifndef PRESTO_SERVER_BINARY
#error "PRESTO_SERVER_BINARY must name the presto-server program"
#endif

namespace presto::integration {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// How long stopping waits for nodes to exit after SIGTERM before it kills them.
constexpr auto kStopGracePeriod = std::chrono::seconds(5);
constexpr auto kPollInterval = std::chrono::milliseconds(100);

/// A loopback port nobody listens on right now (the kernel's choice for an ephemeral bind). Another
/// process could take it before the node binds it; the node then fails to start and says so.
uint16_t pickFreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    throw std::runtime_error(fmt::format("socket: {}", std::strerror(errno)));
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    int error = errno;
    ::close(fd);
    throw std::runtime_error(fmt::format("binding a free port: {}", std::strerror(error)));
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

void writeProperties(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& properties) {
  std::ofstream out(path);
  for (const auto& [name, value] : properties) {
    out << name << "=" << value << "\n";
  }
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

std::string tailOf(const fs::path& path, size_t lines) {
  std::ifstream in(path);
  if (!in) {
    return "(no log)\n";
  }
  std::deque<std::string> last;
  for (std::string line; std::getline(in, line);) {
    last.push_back(std::move(line));
    if (last.size() > lines) {
      last.pop_front();
    }
  }
  std::string text;
  for (const auto& line : last) {
    text += "  " + line + "\n";
  }
  return text.empty() ? "  (empty log)\n" : text;
}

/// The port of an `http://host:port/...` URI, or 0.
uint16_t portOf(const std::string& uri) {
  auto url = server::http::Url::parse(uri);
  return url ? url->port : 0;
}

} // namespace

int32_t testWorkerCount() {
  const char* text = std::getenv("PRESTO_CLUSTER_WORKERS");
  return text != nullptr && *text != '\0' ? std::atoi(text) : kDefaultTestWorkers;
}

/// The temporary directory of a cluster; removed on destruction unless PRESTO_KEEP_CLUSTER_LOGS is set.
class TestCluster::Directory {
 public:
  Directory() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = (fs::path(base != nullptr && *base ? base : "/tmp") / "presto-cluster-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error(fmt::format("mkdtemp {}: {}", pattern, std::strerror(errno)));
    }
    path_ = pattern;
  }

  ~Directory() {
    const char* keep = std::getenv("PRESTO_KEEP_CLUSTER_LOGS");
    if (keep != nullptr && *keep != '\0' && std::string(keep) != "0") {
      std::cerr << "[ CLUSTER  ] logs kept in " << path_ << "\n";
      return;
    }
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// One presto-server process: its configuration, log and pid. Destroying a Node that still runs
/// stops it.
class TestCluster::Node {
 public:
  Node(std::string name, std::string nodeId, uint16_t port, fs::path directory)
      : name_(std::move(name)), nodeId_(std::move(nodeId)), port_(port), directory_(std::move(directory)),
        url_(fmt::format("http://127.0.0.1:{}", port)) {}

  ~Node() {
    terminate();
    waitForExit(Clock::now() + kStopGracePeriod);
  }

  const std::string& name() const { return name_; }
  const std::string& nodeId() const { return nodeId_; }
  uint16_t port() const { return port_; }
  const std::string& url() const { return url_; }
  fs::path etcDirectory() const { return directory_ / "etc"; }
  fs::path logPath() const { return directory_ / "server.log"; }

  /// Writes `etc/`: config.properties (`config`), node.properties and one file per catalog.
  void configure(const std::vector<std::pair<std::string, std::string>>& config,
      const std::vector<CatalogProperties>& catalogs) const {
    fs::create_directories(etcDirectory() / "catalog");
    fs::create_directories(directory_ / "data");
    writeProperties(etcDirectory() / "config.properties", config);
    writeProperties(etcDirectory() / "node.properties",
        {{"node.environment", "test"}, {"node.id", nodeId_}, {"node.data-dir", (directory_ / "data").string()}});
    for (const auto& [catalog, properties] : catalogs) {
      writeProperties(etcDirectory() / "catalog" / (catalog + ".properties"), properties);
    }
  }

  /// Starts `binary --etc DIR` with stdout and stderr going to the log.
  void start(const std::string& binary) {
    // Everything the child needs is prepared before fork: between fork and exec only
    // async-signal-safe calls are allowed.
    std::string etc = etcDirectory().string();
    std::string log = logPath().string();
    std::vector<char*> argv = {const_cast<char*>(binary.c_str()), const_cast<char*>("--etc"), etc.data(), nullptr};
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
      throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
    }
    if (pid == 0) {
      // Die with the starting thread, even when the test process is killed.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) {
        ::_exit(127);
      }
      sigset_t none;
      sigemptyset(&none);
      ::sigprocmask(SIG_SETMASK, &none, nullptr);
      int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0) {
        ::_exit(126);
      }
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
      ::close(fd);
      ::execv(argv[0], argv.data());
      static constexpr char kMessage[] = "exec of presto-server failed\n";
      [[maybe_unused]] auto written = ::write(STDERR_FILENO, kMessage, sizeof(kMessage) - 1);
      ::_exit(127);
    }
    pid_ = pid;
  }

  /// Whether the process runs; reaps it if it exited.
  bool isRunning() {
    if (pid_ <= 0) {
      return false;
    }
    int status = 0;
    pid_t result = ::waitpid(pid_, &status, WNOHANG);
    if (result == pid_) {
      pid_ = -1;
      exitStatus_ = status;
      return false;
    }
    return result == 0;
  }

  /// How the process ended: `exit code 1`, `killed by signal 9`.
  std::string exitDescription() const {
    if (WIFEXITED(exitStatus_)) {
      return fmt::format("exit code {}", WEXITSTATUS(exitStatus_));
    }
    if (WIFSIGNALED(exitStatus_)) {
      return fmt::format("killed by signal {}", WTERMSIG(exitStatus_));
    }
    return "ended";
  }

  void signal(int number) const {
    if (pid_ > 0) {
      ::kill(pid_, number);
    }
  }

  void terminate() const { signal(SIGTERM); }

  /// Waits until the process exited or `deadline` passed; then kills it and reaps it.
  void waitForExit(Clock::time_point deadline) {
    while (isRunning() && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      exitStatus_ = status;
      pid_ = -1;
    }
  }

 private:
  std::string name_;
  std::string nodeId_;
  uint16_t port_;
  fs::path directory_;
  std::string url_;
  pid_t pid_ = -1;
  int exitStatus_ = 0;
};

TestCluster::TestCluster(TestClusterOptions options) : options_(std::move(options)) {
  if (options_.workers < 0) {
    throw std::invalid_argument("a cluster cannot have a negative number of workers");
  }
  if (options_.serverBinary.empty()) {
    options_.serverBinary = PRESTO_SERVER_BINARY;
  }
  directory_ = std::make_unique<Directory>();
  try {
    start();
    waitUntilReady();
  } catch (...) {
    // The destructor does not run for an object whose constructor throws.
    stopAll();
    throw;
  }
}

TestCluster::~TestCluster() {
  stopAll();
}

void TestCluster::start() {
  // Ports are picked before any node starts (workers must know the coordinator's); the kernel may
  // hand out a port twice, so each is checked against the ones already taken.
  std::set<uint16_t> taken;
  auto newPort = [&taken] {
    uint16_t port = pickFreePort();
    while (!taken.insert(port).second) {
      port = pickFreePort();
    }
    return port;
  };
  uint16_t coordinatorPort = newPort();
  std::string discoveryUri = fmt::format("http://127.0.0.1:{}", coordinatorPort);
  bool cluster = options_.workers > 0;
  for (int32_t i = 0; i <= options_.workers; ++i) {
    bool coordinator = i == 0;
    std::string name = coordinator ? "coordinator" : fmt::format("worker-{}", i);
    uint16_t port = coordinator ? coordinatorPort : newPort();
    nodes_.push_back(std::make_unique<Node>(name, "node-" + name, port, fs::path(directory_->path()) / name));

    std::vector<std::pair<std::string, std::string>> config;
    if (!cluster) {
      config = {{"coordinator", "true"}, {"node-scheduler.include-coordinator", "true"}};
    } else if (coordinator) {
      config = {{"coordinator", "true"}, {"node-scheduler.include-coordinator", "false"},
          {"discovery-server.enabled", "true"}, {"discovery.uri", discoveryUri},
          // Workers take tasks after one second of healthy heartbeats instead of five.
          {"failure-detector.warmup-interval", "1s"}};
    } else {
      config = {{"coordinator", "false"}, {"discovery.uri", discoveryUri}};
    }
    config.emplace_back("http-server.http.port", std::to_string(port));
    config.insert(config.end(), options_.config.begin(), options_.config.end());
    const auto& roleConfig = coordinator ? options_.coordinatorConfig : options_.workerConfig;
    config.insert(config.end(), roleConfig.begin(), roleConfig.end());
    nodes_.back()->configure(config, options_.catalogs);
  }
  for (auto& node : nodes_) {
    node->start(options_.serverBinary);
  }
}

void TestCluster::waitUntilReady() {
  auto deadline = Clock::now() + options_.startTimeout;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(fmt::format("presto cluster in {} did not start: {}\n{}", directory_->path(), what, logTails()));
  };
  auto checkAlive = [&] {
    for (auto& node : nodes_) {
      if (!node->isRunning()) {
        fail(fmt::format("{} exited ({})", node->name(), node->exitDescription()));
      }
    }
  };
  auto url = server::http::Url::parse(coordinatorUrl());
  server::http::HttpClient http(url->host, url->port, Duration(std::chrono::seconds(2)));
  auto get = [&](const std::string& target) -> std::optional<nlohmann::json> {
    try {
      auto response = http.send("GET", target);
      if (response.status == 200) {
        return nlohmann::json::parse(response.body, nullptr, false);
      }
    } catch (const std::exception&) {
      // Not listening yet.
      http.disconnect();
    }
    return std::nullopt;
  };

  // The coordinator serves requests.
  while (true) {
    checkAlive();
    auto info = get("/v1/info");
    if (info && info->is_object() && !info->value("starting", false)) {
      break;
    }
    if (Clock::now() > deadline) {
      fail(fmt::format("{} does not answer GET /v1/info", coordinatorUrl()));
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  if (options_.workers == 0) {
    return;
  }

  // Every worker announced itself: GET /v1/node lists it (nodes are matched by port).
  std::set<uint16_t> workerPorts;
  for (size_t i = 1; i < nodes_.size(); ++i) {
    workerPorts.insert(nodes_[i]->port());
  }
  while (true) {
    checkAlive();
    std::set<uint16_t> listed;
    if (auto nodes = get("/v1/node"); nodes && nodes->is_array()) {
      for (const auto& node : *nodes) {
        if (node.is_object() && node.contains("uri") && node["uri"].is_string()) {
          listed.insert(portOf(node["uri"].get<std::string>()));
        }
      }
    }
    if (std::includes(listed.begin(), listed.end(), workerPorts.begin(), workerPorts.end())) {
      break;
    }
    if (Clock::now() > deadline) {
      fail(fmt::format("GET /v1/node lists {} of the {} workers", listed.size(), workerPorts.size()));
    }
    std::this_thread::sleep_for(kPollInterval);
  }

  // ... and the scheduler sees each of them active.
  TestClient client(coordinatorUrl(), "system", "runtime");
  std::string lastSeen;
  while (true) {
    checkAlive();
    std::set<std::string> active;
    try {
      ClientResult result = client.execute("SELECT node_id, state FROM system.runtime.nodes", std::chrono::seconds(10));
      if (result.failure) {
        lastSeen = result.failure->errorName + ": " + result.failure->message;
      } else {
        lastSeen.clear();
        for (const auto& row : result.rows) {
          lastSeen += row.dump() + " ";
          if (row.size() == 2 && row[0].is_string() && row[1] == "active") {
            active.insert(row[0].get<std::string>());
          }
        }
      }
    } catch (const std::exception& error) {
      lastSeen = error.what();
    }
    bool allActive = true;
    for (size_t i = 1; i < nodes_.size(); ++i) {
      allActive = allActive && active.contains(nodes_[i]->nodeId());
    }
    if (allActive) {
      return;
    }
    if (Clock::now() > deadline) {
      fail("system.runtime.nodes does not show every worker active; it shows: " + lastSeen);
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

void TestCluster::stopAll() {
  // Workers and coordinator stop in parallel: all get SIGTERM, then share one grace period.
  for (auto& node : nodes_) {
    node->terminate();
  }
  auto deadline = Clock::now() + kStopGracePeriod;
  for (auto& node : nodes_) {
    node->waitForExit(deadline);
  }
}

const std::string& TestCluster::coordinatorUrl() const {
  return nodes_.at(0)->url();
}

int32_t TestCluster::workerCount() const {
  return static_cast<int32_t>(nodes_.size()) - 1;
}

const std::string& TestCluster::workerUrl(int32_t index) const {
  return nodes_.at(static_cast<size_t>(index) + 1)->url();
}

const std::string& TestCluster::workerNodeId(int32_t index) const {
  return nodes_.at(static_cast<size_t>(index) + 1)->nodeId();
}

void TestCluster::killWorker(int32_t index) {
  auto& node = *nodes_.at(static_cast<size_t>(index) + 1);
  node.signal(SIGKILL);
  node.waitForExit(Clock::now() + kStopGracePeriod);
}

bool TestCluster::isWorkerRunning(int32_t index) {
  return nodes_.at(static_cast<size_t>(index) + 1)->isRunning();
}

std::string TestCluster::logTails(size_t lines) const {
  std::string text;
  for (const auto& node : nodes_) {
    text += fmt::format("--- {} ({}, {}) ---\n{}", node->name(), node->url(), node->logPath().string(),
        tailOf(node->logPath(), lines));
  }
  return text;
}

const std::string& TestCluster::directory() const {
  return directory_->path();
}

} // namespace presto::integration
