#include "server/discovery/Announcer.h"

#include <algorithm>
#include <condition_variable>
#include <future>
#include <mutex>

#include "common/Check.h"
#include "common/Logging.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpClient.h"

namespace presto::server::discovery {
namespace {

constexpr auto kMaxRetryDelay = std::chrono::milliseconds(1000);

/// What went wrong with a request, or nullopt when it got a 2xx reply.
std::optional<std::string> problemOf(const http::AsyncHttpResult& result) {
  if (!result.response) {
    return result.error;
  }
  if (result.response->status / 100 != 2) {
    return fmt::format("HTTP {}: {}", result.response->status, result.response->body);
  }
  return std::nullopt;
}

} // namespace

class Announcer::State : public std::enable_shared_from_this<State> {
 public:
  State(const std::string& discoveryUri, const std::string& nodeId, const Announcement& announcement,
      std::shared_ptr<http::AsyncHttpClient> client, Duration interval)
      : nodeId_(nodeId), discoveryUri_(discoveryUri), body_(serializeAnnouncement(announcement)),
        client_(std::move(client)),
        interval_(std::chrono::duration_cast<std::chrono::milliseconds>(interval.toChrono())) {
    auto url = http::Url::parse(discoveryUri);
    PRESTO_USER_CHECK(url.has_value(), errors::CONFIGURATION_INVALID, "discovery.uri is not an http URI: {}",
        discoveryUri);
    discovery_ = *url;
    std::string base = discovery_.target == "/" ? "" : discovery_.target;
    target_ = base + "/v1/announcement/" + http::percentEncode(nodeId);
  }

  void start() {
    {
      std::lock_guard lock(mutex_);
      if (started_ || stopped_) {
        return;
      }
      started_ = true;
    }
    announce();
  }

  void stop(Duration timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout.toChrono();
    {
      std::unique_lock lock(mutex_);
      if (stopped_) {
        return;
      }
      stopped_ = true;
      if (!started_) {
        return;
      }
      // An announcement arriving after the DELETE would register the node again.
      idle_.wait_until(lock, deadline, [this] { return !putInFlight_; });
    }
    auto done = std::make_shared<std::promise<void>>();
    auto replied = done->get_future();
    client_->send(request("DELETE", ""), [done, nodeId = nodeId_, uri = discoveryUri_](http::AsyncHttpResult result) {
      if (auto problem = problemOf(result)) {
        LOG_WARN("Cannot unannounce node {} from {}: {}", nodeId, uri, *problem);
      }
      done->set_value();
    });
    replied.wait_until(deadline);
  }

  void halt() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }

  bool announced() const {
    std::lock_guard lock(mutex_);
    return announced_;
  }

 private:
  http::AsyncHttpRequest request(const char* method, std::string body) const {
    http::AsyncHttpRequest request;
    request.host = discovery_.host;
    request.port = discovery_.port;
    request.method = method;
    request.target = target_;
    request.body = std::move(body);
    if (!request.body.empty()) {
      request.headers.add("Content-Type", "application/json");
    }
    request.timeout = Duration(std::max<std::chrono::milliseconds>(interval_, kMaxRetryDelay));
    return request;
  }

  void announce() {
    {
      std::lock_guard lock(mutex_);
      if (stopped_) {
        return;
      }
      putInFlight_ = true;
    }
    client_->send(request("PUT", body_), [weak = weak_from_this()](http::AsyncHttpResult result) {
      if (auto self = weak.lock()) {
        self->onReply(result);
      }
    });
  }

  void onReply(const http::AsyncHttpResult& result) {
    auto problem = problemOf(result);
    {
      std::lock_guard lock(mutex_);
      putInFlight_ = false;
      idle_.notify_all();
      announced_ = !problem;
      if (problem && !failing_) {
        LOG_WARN("Cannot announce node {} to {}: {}; retrying", nodeId_, discoveryUri_, *problem);
      } else if (!problem && failing_) {
        LOG_INFO("Node {} announced to {}", nodeId_, discoveryUri_);
      }
      failing_ = problem.has_value();
      if (stopped_) {
        return;
      }
    }
    client_->runAfter(problem ? std::min(interval_, kMaxRetryDelay) : interval_, [weak = weak_from_this()] {
      if (auto self = weak.lock()) {
        self->announce();
      }
    });
  }

  const std::string nodeId_;
  const std::string discoveryUri_;
  const std::string body_;
  const std::shared_ptr<http::AsyncHttpClient> client_;
  const std::chrono::milliseconds interval_;
  http::Url discovery_;
  std::string target_;

  mutable std::mutex mutex_;
  std::condition_variable idle_;
  bool started_ = false;
  bool stopped_ = false;
  bool putInFlight_ = false;
  bool announced_ = false;
  bool failing_ = false;
};

Announcer::Announcer(const std::string& discoveryUri, const std::string& nodeId, const Announcement& announcement,
    std::shared_ptr<http::AsyncHttpClient> client, Duration interval)
    : state_(std::make_shared<State>(discoveryUri, nodeId, announcement, std::move(client), interval)) {}

Announcer::~Announcer() {
  state_->halt();
}

void Announcer::start() {
  state_->start();
}

void Announcer::stop(Duration timeout) {
  state_->stop(timeout);
}

bool Announcer::announced() const {
  return state_->announced();
}

} // namespace presto::server::discovery
