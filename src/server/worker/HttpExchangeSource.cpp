#include "server/worker/HttpExchangeSource.h"

#include <fmt/format.h>

#include <charconv>
#include <mutex>
#include <optional>
#include <string>

#include "common/Check.h"
#include "exec/RemoteSplit.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpClient.h"
#include "server/worker/ExchangeProtocol.h"
#include "vector/serde/PageDeserializer.h"

namespace presto::server::worker {
namespace {

namespace protocol = exchange_protocol;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds kMinBackoff{50};
constexpr std::chrono::milliseconds kMaxBackoff{1000};

std::optional<int64_t> parseInteger(const std::optional<std::string>& text) {
  int64_t value = 0;
  if (!text || std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc()) {
    return std::nullopt;
  }
  return value;
}

http::Url parseLocation(const exec::RemoteSplit& split) {
  auto url = http::Url::parse(split.location());
  if (!url) {
    throw PrestoException(
        errors::REMOTE_TASK_ERROR, fmt::format("Invalid location of task {}: '{}'", split.taskId(), split.location()));
  }
  while (url->target.size() > 1 && url->target.back() == '/') {
    url->target.pop_back();
  }
  return *url;
}

} // namespace

class HttpExchangeSource::State : public std::enable_shared_from_this<State> {
 public:
  State(std::shared_ptr<http::AsyncHttpClient> client, const exec::RemoteSplit& split, std::vector<TypePtr> types,
      HttpExchangeOptions options)
      : client_(std::move(client)), location_(parseLocation(split)),
        resultsPath_(fmt::format("{}/results/{}", location_.target, split.bufferId())), taskId_(split.taskId()),
        options_(options), deserializer_(std::move(types)) {}

  bool getPages(int64_t token, int64_t maxBytes, exec::ExchangePages& result, exec::ContinueFuture* future) {
    std::lock_guard lock(mutex_);
    if (error_) {
      std::rethrow_exception(error_);
    }
    PRESTO_CHECK(!closed_, "results of task {} read after close", taskId_);
    if (reply_ && reply_->token == token) {
      if (!reply_->decoded) {
        decodeLocked();
      }
      result.pages = reply_->pages;
      result.nextToken = reply_->nextToken;
      result.complete = reply_->complete;
      return true;
    }
    // A later token: the next request acknowledges the pages of the last reply upstream.
    reply_.reset();
    if (!inFlight_) {
      inFlight_ = true;
      requestToken_ = token;
      requestMaxBytes_ = maxBytes;
      promise_ = exec::ContinuePromise();
      sendLocked();
    } else {
      PRESTO_CHECK(requestToken_ == token, "token {} of task {} asked while {} is in flight", token, taskId_,
          requestToken_);
    }
    *future = promise_.future();
    return false;
  }

  void acknowledge(int64_t token) { sendAndForget("GET", fmt::format("{}/{}/acknowledge", resultsPath_, token)); }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      reply_.reset();
    }
    sendAndForget("DELETE", resultsPath_);
  }

 private:
  /// One reply, kept until a later token is asked; serialized until first handed out.
  struct Reply {
    int64_t token = 0;
    int64_t nextToken = 0;
    bool complete = false;
    std::string body;
    bool decoded = false;
    std::vector<PagePtr> pages;
  };

  http::AsyncHttpRequest makeRequest(std::string method, std::string target, Duration timeout) const {
    http::AsyncHttpRequest request;
    request.host = location_.host;
    request.port = location_.port;
    request.method = std::move(method);
    request.target = std::move(target);
    request.timeout = timeout;
    return request;
  }

  /// Asks for `requestToken_`.
  void sendLocked() {
    auto request = makeRequest("GET", fmt::format("{}/{}", resultsPath_, requestToken_),
        Duration(options_.maxWait.toChrono() + options_.requestTimeout.toChrono()));
    request.headers.add(std::string(protocol::kMaxSize), fmt::format("{}B", requestMaxBytes_));
    request.headers.add(std::string(protocol::kMaxWait), options_.maxWait.toString());
    client_->send(std::move(request), [weak = weak_from_this(), token = requestToken_](http::AsyncHttpResult result) {
      if (auto self = weak.lock()) {
        self->onResult(token, std::move(result));
      }
    });
  }

  void sendAndForget(std::string method, std::string target) {
    client_->send(makeRequest(std::move(method), std::move(target), options_.requestTimeout), [](http::AsyncHttpResult) {});
  }

  void onResult(int64_t token, http::AsyncHttpResult result) {
    exec::ContinuePromise wake;
    {
      std::lock_guard lock(mutex_);
      if (closed_ || !inFlight_ || token != requestToken_) {
        return;
      }
      if (handleLocked(result)) {
        return;
      }
      inFlight_ = false;
      wake = std::move(promise_);
    }
    wake.setValue();
  }

  /// Records what `result` brings: a reply or an error. Returns true when the request goes on
  /// (asked again or retried) and nobody is to be woken yet.
  bool handleLocked(http::AsyncHttpResult& result) {
    if (!result.response) {
      return retryLocked(result.error, result.unreachable);
    }
    auto& response = *result.response;
    if (response.status == 200 || response.status == 204) {
      failingSince_.reset();
      failures_ = 0;
      try {
        if (acceptLocked(response)) {
          sendLocked();
          return true;
        }
      } catch (const PrestoException&) {
        error_ = std::current_exception();
      }
      return false;
    }
    if (auto failure = taskFailure(response)) {
      error_ = std::make_exception_ptr(*failure);
    } else if (response.status == 404) {
      error_ = std::make_exception_ptr(PrestoException(errors::REMOTE_TASK_ERROR,
          fmt::format("Task {} not found on {}:{}: {}", taskId_, location_.host, location_.port, response.body)));
    } else if (response.status >= 500) {
      return retryLocked(fmt::format("HTTP {}: {}", response.status, response.body), false);
    } else {
      error_ = std::make_exception_ptr(PrestoException(errors::PAGE_TRANSPORT_ERROR,
          fmt::format("Unexpected HTTP {} fetching the results of task {} from {}:{}: {}", response.status, taskId_,
              location_.host, location_.port, response.body)));
    }
    return false;
  }

  /// Takes a 200 or 204 reply for `requestToken_`. Returns true when it brings nothing yet (the
  /// server's wait ran out) and the same token is to be asked again.
  bool acceptLocked(http::HttpResponse& response) {
    auto instanceId = response.headers.get(protocol::kTaskInstanceId);
    auto sequenceId = parseInteger(response.headers.get(protocol::kPageSequenceId));
    auto endSequenceId = parseInteger(response.headers.get(protocol::kPageEndSequenceId));
    auto complete = response.headers.get(protocol::kBufferComplete);
    if (!instanceId || !sequenceId || !endSequenceId || !complete || *sequenceId != requestToken_ ||
        *endSequenceId < requestToken_) {
      throw PrestoException(errors::PAGE_TRANSPORT_ERROR,
          fmt::format("Malformed results reply for token {} of task {} from {}:{}", requestToken_, taskId_,
              location_.host, location_.port));
    }
    if (instanceId_ && *instanceId_ != *instanceId) {
      throw PrestoException(errors::REMOTE_TASK_MISMATCH,
          fmt::format("Task {} on {}:{} was recreated (instance {}, was {}): its results cannot be continued",
              taskId_, location_.host, location_.port, *instanceId, *instanceId_));
    }
    instanceId_ = std::move(instanceId);
    bool isComplete = *complete == "true";
    if (response.body.empty() && !isComplete) {
      return true;
    }
    reply_ = Reply{requestToken_, *endSequenceId, isComplete, std::move(response.body)};
    return false;
  }

  /// Schedules another try of the request after a transport error, unless errors have lasted
  /// longer than allowed; then records the failure and returns false.
  bool retryLocked(const std::string& error, bool unreachable) {
    auto now = Clock::now();
    if (!failingSince_) {
      failingSince_ = now;
    }
    Duration failingFor(now - *failingSince_);
    if (failingFor >= options_.maxErrorDuration) {
      auto where = fmt::format("{}:{}", location_.host, location_.port);
      error_ = std::make_exception_ptr(unreachable
              ? PrestoException(errors::REMOTE_HOST_GONE,
                    fmt::format("Remote host {} is gone: cannot fetch the results of task {} (failing for {}): {}",
                        where, taskId_, failingFor.toString(), error))
              : PrestoException(errors::PAGE_TRANSPORT_ERROR,
                    fmt::format("Error fetching the results of task {} from {} (failing for {}): {}", taskId_, where,
                        failingFor.toString(), error)));
      return false;
    }
    auto backoff = std::min(kMaxBackoff, kMinBackoff * (1 << std::min(failures_, 5)));
    ++failures_;
    client_->runAfter(backoff, [weak = weak_from_this(), token = requestToken_] {
      if (auto self = weak.lock()) {
        std::lock_guard lock(self->mutex_);
        if (!self->closed_ && self->inFlight_ && self->requestToken_ == token) {
          self->sendLocked();
        }
      }
    });
    return true;
  }

  void decodeLocked() {
    try {
      std::string_view input = reply_->body;
      while (!input.empty()) {
        reply_->pages.push_back(std::make_shared<Page>(deserializer_.readNext(input)));
      }
    } catch (const PrestoException&) {
      error_ = std::current_exception();
      throw;
    }
    reply_->decoded = true;
    reply_->body = std::string();
  }

  const std::shared_ptr<http::AsyncHttpClient> client_;
  const http::Url location_;
  const std::string resultsPath_;
  const std::string taskId_;
  const HttpExchangeOptions options_;

  std::mutex mutex_;
  PageDeserializer deserializer_;
  /// The request in flight: its token, size and the future of whoever waits for it.
  bool inFlight_ = false;
  int64_t requestToken_ = 0;
  int64_t requestMaxBytes_ = 0;
  exec::ContinuePromise promise_;
  /// Transport errors in a row: since when, and how many.
  std::optional<Clock::time_point> failingSince_;
  int32_t failures_ = 0;
  std::optional<Reply> reply_;
  std::optional<std::string> instanceId_;
  std::exception_ptr error_;
  bool closed_ = false;
};

HttpExchangeSource::HttpExchangeSource(std::shared_ptr<http::AsyncHttpClient> client, const exec::RemoteSplit& split,
    std::vector<TypePtr> types, HttpExchangeOptions options)
    : state_(std::make_shared<State>(std::move(client), split, std::move(types), options)) {}

HttpExchangeSource::~HttpExchangeSource() = default;

bool HttpExchangeSource::getPages(
    int64_t token, int64_t maxBytes, exec::ExchangePages& result, exec::ContinueFuture* future) {
  return state_->getPages(token, maxBytes, result, future);
}

void HttpExchangeSource::acknowledge(int64_t token) {
  state_->acknowledge(token);
}

void HttpExchangeSource::close() {
  state_->close();
}

exec::ExchangeSourceFactory httpExchangeSources(
    std::shared_ptr<http::AsyncHttpClient> client, exec::ExchangeSourceFactory inProcess, HttpExchangeOptions options) {
  return [client = std::move(client), inProcess = std::move(inProcess), options](const exec::RemoteSplit& split,
             const std::vector<TypePtr>& types) -> std::unique_ptr<exec::ExchangeSource> {
    if (split.location().empty()) {
      PRESTO_CHECK(inProcess != nullptr, "exchange split {} has no location", split.toString());
      return inProcess(split, types);
    }
    return std::make_unique<HttpExchangeSource>(client, split, types, options);
  };
}

} // namespace presto::server::worker
