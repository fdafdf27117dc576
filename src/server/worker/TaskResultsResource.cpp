#include "server/worker/TaskResultsResource.h"

#include <fmt/format.h>

#include <atomic>
#include <charconv>
#include <limits>
#include <optional>

#include "exec/InProcessExchangeSource.h"
#include "exec/Task.h"
#include "exec/TaskRegistry.h"
#include "server/coordinator/TimerService.h"
#include "server/worker/ExchangeProtocol.h"
#include "vector/serde/PageSerializer.h"

namespace presto::server::worker {
namespace {

namespace protocol = exchange_protocol;

std::optional<int64_t> parseNonNegative(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

/// The output buffer a request names.
struct BufferRef {
  std::shared_ptr<exec::Task> task;
  int32_t bufferId = 0;
};

/// The buffer named by the `taskId` and `bufferId` parameters; nullopt with `error` set (400 or
/// 404) when there is none.
std::optional<BufferRef> findBuffer(
    const exec::TaskRegistry& tasks, const http::PathParameters& parameters, http::HttpResponse& error) {
  const auto& taskId = parameters.at("taskId");
  auto bufferId = parseNonNegative(parameters.at("bufferId"));
  if (!bufferId || *bufferId > std::numeric_limits<int32_t>::max()) {
    error = http::HttpResponse::text(400, "Invalid buffer id: " + parameters.at("bufferId"));
    return std::nullopt;
  }
  auto task = tasks.find(taskId);
  if (task == nullptr) {
    error = http::HttpResponse::text(404, "Task " + taskId + " not found");
    return std::nullopt;
  }
  if (*bufferId >= task->outputBuffer()->numBuffers()) {
    error = http::HttpResponse::text(404, fmt::format("Task {} has no output buffer {}", taskId, *bufferId));
    return std::nullopt;
  }
  return BufferRef{std::move(task), static_cast<int32_t>(*bufferId)};
}

/// A results reply of `token`: the pages of `reply` back to back (200), or 204 without pages.
http::HttpResponse pagesResponse(
    const exec::Task& task, int64_t token, const exec::ExchangePages& reply, CompressionCodec codec) {
  http::HttpResponse response;
  if (reply.pages.empty()) {
    response = http::HttpResponse::noContent();
  } else {
    response.contentType = protocol::kPagesContentType;
    thread_local PageSerializer serializer;
    for (const auto& page : reply.pages) {
      serializer.serialize(*page, codec, response.body);
    }
  }
  response.headers.add(std::string(protocol::kTaskInstanceId), task.instanceId());
  response.headers.add(std::string(protocol::kPageSequenceId), std::to_string(token));
  response.headers.add(std::string(protocol::kPageEndSequenceId), std::to_string(reply.nextToken));
  response.headers.add(std::string(protocol::kBufferComplete), reply.complete ? "true" : "false");
  return response;
}

/// One results request: answers as soon as the buffer has pages for it (or ends, or its task
/// fails), or with 204 at its deadline, whichever comes first. While it waits, only the deadline
/// timer owns it; the buffer's future holds it weakly.
class PendingResults : public std::enable_shared_from_this<PendingResults> {
 public:
  PendingResults(BufferRef buffer, int64_t token, int64_t maxBytes, CompressionCodec codec, TimerService& timers,
      http::Responder respond)
      : task_(buffer.task), source_(std::move(buffer.task), buffer.bufferId), token_(token), maxBytes_(maxBytes),
        codec_(codec), timers_(timers), respond_(std::move(respond)) {}

  void start(TimerService::Clock::time_point deadline) {
    if (poll()) {
      return;
    }
    timerId_ = timers_.schedule(deadline, [self = shared_from_this()] {
      self->respond(pagesResponse(*self->task_, self->token_, exec::ExchangePages{{}, self->token_, false}, self->codec_));
    });
  }

 private:
  /// Answers if the buffer has something to say; otherwise waits for it. Returns whether it answered.
  bool poll() {
    if (done_) {
      return true;
    }
    exec::ExchangePages reply;
    exec::ContinueFuture future;
    try {
      if (!source_.getPages(token_, maxBytes_, reply, &future)) {
        future.then([weak = weak_from_this()] {
          if (auto self = weak.lock()) {
            self->poll();
          }
        });
        return false;
      }
    } catch (...) {
      respond(taskFailedResponse(std::current_exception()));
      return true;
    }
    respond(pagesResponse(*task_, token_, reply, codec_));
    return true;
  }

  void respond(http::HttpResponse response) {
    if (done_.exchange(true)) {
      return;
    }
    if (auto timerId = timerId_.load()) {
      timers_.cancel(timerId);
    }
    respond_(std::move(response));
  }

  const std::shared_ptr<exec::Task> task_;
  exec::InProcessExchangeSource source_;
  const int64_t token_;
  const int64_t maxBytes_;
  const CompressionCodec codec_;
  TimerService& timers_;
  const http::Responder respond_;
  std::atomic<bool> done_{false};
  std::atomic<uint64_t> timerId_{0};
};

} // namespace

TaskResultsResource::TaskResultsResource(
    std::shared_ptr<const exec::TaskRegistry> tasks, TimerService& timers, TaskResultsConfig config)
    : tasks_(std::move(tasks)), timers_(timers), config_(config) {}

void TaskResultsResource::addRoutes(http::Router& router) {
  router.add("GET", "/v1/task/{taskId}/results/{bufferId}/{token}",
      [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
        getResults(request, parameters, std::move(respond));
      });
  router.add("GET", "/v1/task/{taskId}/results/{bufferId}/{token}/acknowledge",
      [this](const http::HttpRequest&, const http::PathParameters& parameters, http::Responder respond) {
        acknowledge(parameters, std::move(respond));
      });
  router.add("DELETE", "/v1/task/{taskId}/results/{bufferId}",
      [this](const http::HttpRequest&, const http::PathParameters& parameters, http::Responder respond) {
        abortBuffer(parameters, std::move(respond));
      });
}

void TaskResultsResource::getResults(
    const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
  auto token = parseNonNegative(parameters.at("token"));
  if (!token) {
    return respond(http::HttpResponse::text(400, "Invalid token: " + parameters.at("token")));
  }
  http::HttpResponse error;
  auto buffer = findBuffer(*tasks_, parameters, error);
  if (!buffer) {
    return respond(std::move(error));
  }
  DataSize maxBytes = config_.defaultMaxSize;
  Duration wait = config_.defaultMaxWait;
  try {
    if (auto maxSize = request.headers.get(protocol::kMaxSize)) {
      maxBytes = DataSize::parse(*maxSize);
    }
    if (auto maxWait = request.headers.get(protocol::kMaxWait)) {
      wait = Duration::parse(*maxWait);
    }
  } catch (const PrestoException& e) {
    return respond(http::HttpResponse::text(400, e.what()));
  }
  auto pending = std::make_shared<PendingResults>(std::move(*buffer), *token,
      static_cast<int64_t>(std::min<uint64_t>(maxBytes.bytes(), std::numeric_limits<int64_t>::max())),
      config_.compression, timers_, std::move(respond));
  pending->start(TimerService::Clock::now() + wait.toChrono());
}

void TaskResultsResource::acknowledge(const http::PathParameters& parameters, http::Responder respond) {
  auto token = parseNonNegative(parameters.at("token"));
  if (!token) {
    return respond(http::HttpResponse::text(400, "Invalid token: " + parameters.at("token")));
  }
  http::HttpResponse ignored;
  if (auto buffer = findBuffer(*tasks_, parameters, ignored)) {
    exec::InProcessExchangeSource(std::move(buffer->task), buffer->bufferId).acknowledge(*token);
  }
  respond(http::HttpResponse::noContent());
}

void TaskResultsResource::abortBuffer(const http::PathParameters& parameters, http::Responder respond) {
  http::HttpResponse ignored;
  if (auto buffer = findBuffer(*tasks_, parameters, ignored)) {
    exec::InProcessExchangeSource(std::move(buffer->task), buffer->bufferId).close();
  }
  respond(http::HttpResponse::noContent());
}

} // namespace presto::server::worker
