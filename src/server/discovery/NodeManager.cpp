#include "server/discovery/NodeManager.h"

#include <algorithm>
#include <mutex>

#include "common/Check.h"
#include "common/Logging.h"
#include "server/discovery/HeartbeatStats.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpClient.h"

namespace presto::server::discovery {
namespace {

using Clock = std::chrono::steady_clock;

/// An announced node other than the coordinator, and what the failure detector knows about it.
struct MonitoredNode {
  MonitoredNode(ClusterNode node, http::Url address, std::string serviceId, uint64_t generation, Clock::time_point now)
      : node(std::move(node)), address(std::move(address)), serviceId(std::move(serviceId)), generation(generation),
        stats(now) {}

  ClusterNode node;
  http::Url address;
  /// The id of the announced `presto` service; a new one means a new process.
  std::string serviceId;
  /// Distinguishes this history from earlier ones of the same node id (replies to their
  /// heartbeats are ignored).
  uint64_t generation;
  Announcement announcement;
  Clock::time_point lastAnnounced;
  HeartbeatStats stats;
  bool heartbeatInFlight = false;
  bool shuttingDown = false;
  /// Since when the node has answered and not been failed; nullopt while it is failed.
  std::optional<Clock::time_point> healthySince;
  /// The state last logged, so that only changes are logged.
  std::optional<ClusterNodeState> loggedState;
};

bool isShuttingDownReply(const http::HttpResponse& response) {
  return response.status == 200 && response.body.find("\"SHUTTING_DOWN\"") != std::string::npos;
}

} // namespace

class NodeManager::State : public std::enable_shared_from_this<State> {
 public:
  State(NodeManagerConfig config, ClusterNode self, std::shared_ptr<http::AsyncHttpClient> client)
      : config_(std::move(config)), self_(std::move(self)), client_(std::move(client)) {
    self_.coordinator = true;
    self_.state = ClusterNodeState::kActive;
  }

  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }

  void scheduleTick() {
    client_->runAfter(std::chrono::duration_cast<std::chrono::milliseconds>(config_.heartbeatInterval.toChrono()),
        [weak = weak_from_this()] {
          if (auto self = weak.lock()) {
            self->tick();
          }
        });
  }

  void announce(const std::string& nodeId, const Announcement& announcement) {
    PRESTO_USER_CHECK(announcement.environment == config_.environment, errors::INVALID_ARGUMENTS,
        "Node {} announced environment '{}', but this coordinator is in environment '{}'", nodeId,
        announcement.environment, config_.environment);
    const auto* service = announcement.prestoService();
    PRESTO_USER_CHECK(service != nullptr, errors::INVALID_ARGUMENTS, "Node {} announced no presto service", nodeId);
    auto uri = service->properties.find("http");
    auto address = uri == service->properties.end() ? std::nullopt : http::Url::parse(uri->second);
    PRESTO_USER_CHECK(address.has_value(), errors::INVALID_ARGUMENTS,
        "Node {} announced a presto service without a valid http URI", nodeId);
    auto property = [&](const char* name) {
      auto it = service->properties.find(name);
      return it == service->properties.end() ? std::string() : it->second;
    };
    ClusterNode node{nodeId, uri->second, property("node_version"), property("coordinator") == "true",
        ClusterNodeState::kInactive};

    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    if (nodeId == self_.nodeId) {
      selfAnnouncement_ = announcement;
      return;
    }
    auto it = nodes_.find(nodeId);
    bool known = it != nodes_.end() && it->second.serviceId == service->id && it->second.node.uri == node.uri;
    if (!known || failureOf(it->second, now)) {
      // A new node, a restarted one, or a failed one back again: judged on a fresh history.
      LOG_INFO("Node {} announced at {}", nodeId, node.uri);
      nodes_.insert_or_assign(nodeId, MonitoredNode(node, *address, service->id, nextGeneration_++, now));
      it = nodes_.find(nodeId);
    }
    it->second.node = std::move(node);
    it->second.announcement = announcement;
    it->second.lastAnnounced = now;
  }

  void unannounce(const std::string& nodeId) {
    std::lock_guard lock(mutex_);
    if (nodeId == self_.nodeId) {
      selfAnnouncement_.reset();
    } else if (nodes_.erase(nodeId) > 0) {
      LOG_INFO("Node {} unannounced", nodeId);
    }
  }

  /// The nodes (with their states) `keep` accepts, the coordinator included, sorted by node id.
  template <typename Predicate>
  std::vector<ClusterNode> nodes(Predicate keep) const {
    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    std::vector<ClusterNode> result;
    result.push_back(self_);
    for (const auto& [nodeId, monitored] : nodes_) {
      ClusterNode node = monitored.node;
      node.state = stateOf(monitored, now);
      if (keep(node)) {
        result.push_back(std::move(node));
      }
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.nodeId < b.nodeId; });
    return result;
  }

  bool isActive(const std::string& nodeId) const {
    std::lock_guard lock(mutex_);
    if (nodeId == self_.nodeId) {
      return true;
    }
    auto it = nodes_.find(nodeId);
    return it != nodes_.end() && stateOf(it->second, Clock::now()) == ClusterNodeState::kActive;
  }

  std::optional<std::string> failureOf(const std::string& nodeId) const {
    std::lock_guard lock(mutex_);
    if (nodeId == self_.nodeId) {
      return std::nullopt;
    }
    auto it = nodes_.find(nodeId);
    if (it == nodes_.end()) {
      return fmt::format("Node {} is not announced", nodeId);
    }
    return failureOf(it->second, Clock::now());
  }

  std::string nodesJson(bool failedOnly) const {
    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    std::vector<HeartbeatReport> reports;
    for (const auto& [nodeId, node] : nodes_) {
      if (!failedOnly || stateOf(node, now) == ClusterNodeState::kInactive) {
        reports.push_back(node.stats.report(node.node.uri, now));
      }
    }
    return serializeHeartbeatReports(reports);
  }

  std::map<std::string, Announcement> announcements() const {
    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    std::map<std::string, Announcement> result;
    if (selfAnnouncement_) {
      result.emplace(self_.nodeId, *selfAnnouncement_);
    }
    for (const auto& [nodeId, node] : nodes_) {
      if (!expired(node, now)) {
        result.emplace(nodeId, node.announcement);
      }
    }
    return result;
  }

  const std::string& environment() const { return config_.environment; }

 private:
  struct Heartbeat {
    std::string nodeId;
    uint64_t generation;
    http::Url address;
  };

  bool expired(const MonitoredNode& node, Clock::time_point now) const {
    return now - node.lastAnnounced > config_.announcementMaxAge.toChrono();
  }

  std::optional<std::string> failureOf(const MonitoredNode& node, Clock::time_point now) const {
    if (expired(node, now)) {
      return fmt::format("Announcement not renewed for {}", Duration(now - node.lastAnnounced).toString());
    }
    return node.stats.failure(now, config_.failureRatioThreshold, config_.failureTimeout);
  }

  ClusterNodeState stateOf(const MonitoredNode& node, Clock::time_point now) const {
    if (failureOf(node, now)) {
      return ClusterNodeState::kInactive;
    }
    if (node.shuttingDown) {
      return ClusterNodeState::kShuttingDown;
    }
    bool warmedUp = node.healthySince && now - *node.healthySince >= config_.warmupInterval.toChrono();
    return warmedUp ? ClusterNodeState::kActive : ClusterNodeState::kInactive;
  }

  /// Starts or ends the node's healthy period and logs state changes.
  void refresh(const std::string& nodeId, MonitoredNode& node, Clock::time_point now) {
    auto failure = failureOf(node, now);
    if (failure || !node.stats.hasAnswered()) {
      node.healthySince.reset();
    } else if (!node.healthySince) {
      node.healthySince = now;
    }
    auto state = stateOf(node, now);
    if (state == node.loggedState || (!node.loggedState && state == ClusterNodeState::kInactive && !failure)) {
      return;
    }
    node.loggedState = state;
    if (failure) {
      LOG_WARN("Node {} at {} failed: {}", nodeId, node.node.uri, *failure);
    } else {
      LOG_INFO("Node {} at {} is {}", nodeId, node.node.uri, clusterNodeStateName(state));
    }
  }

  /// One round of the loop: refreshes states, forgets long-expired nodes, sends heartbeats.
  void tick() {
    std::vector<Heartbeat> heartbeats;
    {
      std::lock_guard lock(mutex_);
      if (stopped_) {
        return;
      }
      auto now = Clock::now();
      auto retention = config_.announcementMaxAge.toChrono() + config_.inactiveRetention.toChrono();
      for (auto it = nodes_.begin(); it != nodes_.end();) {
        auto& [nodeId, node] = *it;
        refresh(nodeId, node, now);
        if (now - node.lastAnnounced > retention) {
          LOG_INFO("Forgetting node {} at {}", nodeId, node.node.uri);
          it = nodes_.erase(it);
          continue;
        }
        if (!expired(node, now) && !node.heartbeatInFlight) {
          node.heartbeatInFlight = true;
          node.stats.recordRequest(now);
          heartbeats.push_back({nodeId, node.generation, node.address});
        }
        ++it;
      }
    }
    for (auto& heartbeat : heartbeats) {
      send(std::move(heartbeat));
    }
    scheduleTick();
  }

  void send(Heartbeat heartbeat) {
    http::AsyncHttpRequest request;
    request.host = heartbeat.address.host;
    request.port = heartbeat.address.port;
    request.target = "/v1/info/state";
    request.timeout = config_.failureTimeout;
    auto sentAt = Clock::now();
    client_->send(std::move(request),
        [weak = weak_from_this(), heartbeat = std::move(heartbeat), sentAt](http::AsyncHttpResult result) {
          if (auto self = weak.lock()) {
            self->onHeartbeat(heartbeat, sentAt, result);
          }
        });
  }

  void onHeartbeat(const Heartbeat& heartbeat, Clock::time_point sentAt, const http::AsyncHttpResult& result) {
    std::lock_guard lock(mutex_);
    auto it = nodes_.find(heartbeat.nodeId);
    if (it == nodes_.end() || it->second.generation != heartbeat.generation) {
      // Unannounced or announced anew meanwhile: the reply belongs to a history no longer kept.
      return;
    }
    auto& node = it->second;
    auto now = Clock::now();
    node.heartbeatInFlight = false;
    if (result.response) {
      node.stats.recordSuccess(now);
      node.shuttingDown = isShuttingDownReply(*result.response);
    } else {
      node.stats.recordFailure(sentAt, now, result.error);
    }
    refresh(heartbeat.nodeId, node, now);
  }

  const NodeManagerConfig config_;
  ClusterNode self_;
  const std::shared_ptr<http::AsyncHttpClient> client_;
  mutable std::mutex mutex_;
  bool stopped_ = false;
  std::optional<Announcement> selfAnnouncement_;
  std::map<std::string, MonitoredNode> nodes_;
  uint64_t nextGeneration_ = 0;
};

NodeManager::NodeManager(NodeManagerConfig config, ClusterNode self, std::shared_ptr<http::AsyncHttpClient> client)
    : state_(std::make_shared<State>(std::move(config), std::move(self), std::move(client))) {
  state_->scheduleTick();
}

NodeManager::~NodeManager() {
  state_->stop();
}

void NodeManager::announce(const std::string& nodeId, const Announcement& announcement) {
  state_->announce(nodeId, announcement);
}

void NodeManager::unannounce(const std::string& nodeId) {
  state_->unannounce(nodeId);
}

std::vector<ClusterNode> NodeManager::activeNodes() const {
  return state_->nodes([](const ClusterNode& node) { return node.state == ClusterNodeState::kActive; });
}

std::vector<ClusterNode> NodeManager::allNodes() const {
  return state_->nodes([](const ClusterNode&) { return true; });
}

bool NodeManager::isActive(const std::string& nodeId) const {
  return state_->isActive(nodeId);
}

std::optional<std::string> NodeManager::failureOf(const std::string& nodeId) const {
  return state_->failureOf(nodeId);
}

std::string NodeManager::nodesJson(bool failedOnly) const {
  return state_->nodesJson(failedOnly);
}

std::map<std::string, Announcement> NodeManager::announcements() const {
  return state_->announcements();
}

const std::string& NodeManager::environment() const {
  return state_->environment();
}

} // namespace presto::server::discovery
