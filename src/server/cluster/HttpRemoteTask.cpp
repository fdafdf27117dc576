#include "server/cluster/HttpRemoteTask.h"

#include <fmt/format.h>

#include "common/PrestoException.h"
#include "exec/RemoteSplit.h"
#include "server/http/AsyncHttpClient.h"
#include "server/http/HttpClient.h"

namespace presto::server::cluster {
namespace {

constexpr std::string_view kCurrentState = "X-Presto-Current-State";
constexpr std::string_view kMaxWait = "X-Presto-Max-Wait";

int64_t millisOf(const Duration& duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration.toChrono()).count();
}

} // namespace

std::shared_ptr<HttpRemoteTask> HttpRemoteTask::create(std::shared_ptr<http::AsyncHttpClient> client,
    engine::WorkerNode node, std::string taskId, TaskSession session, std::string fragmentJson,
    OutputBuffers outputBuffers, std::map<std::string, std::string> scanCatalogs, HttpRemoteTaskOptions options) {
  std::shared_ptr<HttpRemoteTask> task(new HttpRemoteTask(std::move(client), std::move(node), std::move(taskId),
      std::move(session), std::move(fragmentJson), outputBuffers, std::move(scanCatalogs), options));
  task->sendUpdate();
  return task;
}

HttpRemoteTask::HttpRemoteTask(std::shared_ptr<http::AsyncHttpClient> client, engine::WorkerNode node,
    std::string taskId, TaskSession session, std::string fragmentJson, OutputBuffers outputBuffers,
    std::map<std::string, std::string> scanCatalogs, HttpRemoteTaskOptions options)
    : client_(std::move(client)), node_(std::move(node)), taskId_(std::move(taskId)),
      location_(node_.uri + "/v1/task/" + taskId_), session_(std::move(session)),
      fragmentJson_(std::move(fragmentJson)), outputBuffers_(outputBuffers), scanCatalogs_(std::move(scanCatalogs)),
      options_(options) {
  info_.taskId = taskId_;
}

void HttpRemoteTask::addSplits(const std::string& planNodeId, std::vector<exec::Split> splits, bool noMoreSplits) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& source = pending_[planNodeId];
    for (const auto& split : splits) {
      bool isRemote = dynamic_cast<const exec::RemoteSplit*>(split.connectorSplit.get()) != nullptr;
      auto catalog = scanCatalogs_.find(planNodeId);
      source.splits.push_back({split.sequenceId, planNodeId,
          isRemote || catalog == scanCatalogs_.end() ? std::string(kRemoteConnectorId) : catalog->second,
          split.connectorSplit->toJson()});
    }
    source.noMoreSplits = source.noMoreSplits || noMoreSplits;
  }
  sendUpdate();
}

void HttpRemoteTask::sendUpdate() {
  TaskUpdateRequest update;
  std::map<std::string, size_t> sent;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (done_ || updateInFlight_ || (created_ && pending_.empty())) {
      return;
    }
    updateInFlight_ = true;
    update.session = session_;
    if (!created_) {
      update.fragment = fragmentJson_;
      update.outputIds = outputBuffers_;
    }
    for (const auto& [planNodeId, source] : pending_) {
      update.sources.push_back({planNodeId, source.splits, source.noMoreSplits});
      sent[planNodeId] = source.splits.size();
    }
  }
  http::AsyncHttpRequest request;
  auto url = http::Url::parse(location_);
  request.host = url->host;
  request.port = url->port;
  request.method = "POST";
  request.target = url->target;
  request.headers.add("Content-Type", "application/json");
  request.body = serializeTaskUpdateRequest(update);
  request.timeout = options_.requestTimeout;
  client_->send(std::move(request), [weak = weak_from_this(), sent = std::move(sent)](http::AsyncHttpResult result) {
    if (auto self = weak.lock()) {
      self->onUpdateReply(std::move(result), sent);
    }
  });
}

void HttpRemoteTask::onUpdateReply(http::AsyncHttpResult result, std::map<std::string, size_t> sent) {
  bool firstReply = false;
  std::optional<std::chrono::milliseconds> retryAfter;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    updateInFlight_ = false;
    if (done_) {
      return;
    }
    if (!result.response || result.response->status == 503) {
      if (giveUpLocked("update", result.response ? result.response->body : result.error)) {
        return;
      }
      retryAfter = backoffLocked();
    } else if (result.response->status != 200) {
      failLocked(std::make_exception_ptr(PrestoException(errors::REMOTE_TASK_ERROR,
          fmt::format("Task update of {} on node {} failed ({}): {}", taskId_, node_.nodeId, result.response->status,
              result.response->body))));
      return;
    } else {
      failingSince_.reset();
      consecutiveFailures_ = 0;
      // The worker has what was sent: keep only what was added since.
      for (const auto& [planNodeId, count] : sent) {
        auto& source = pending_[planNodeId];
        source.splits.erase(source.splits.begin(), source.splits.begin() + static_cast<std::ptrdiff_t>(count));
        if (source.splits.empty()) {
          pending_.erase(planNodeId);
        }
      }
      firstReply = !created_;
      created_ = true;
      condition_.notify_all();
      try {
        applyInfoLocked(parseTaskInfo(result.response->body));
      } catch (const PrestoException&) {
        failLocked(std::current_exception());
        return;
      }
    }
  }
  if (retryAfter) {
    sendAfter(*retryAfter, &HttpRemoteTask::sendUpdate);
    return;
  }
  if (firstReply) {
    pollInfo();
  }
  sendUpdate();
}

void HttpRemoteTask::pollInfo() {
  http::AsyncHttpRequest request;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (done_) {
      return;
    }
    auto url = http::Url::parse(location_);
    request.host = url->host;
    request.port = url->port;
    request.target = url->target;
    bool busy = info_.taskStatus.queuedPartitionedDrivers > 0 || !pending_.empty();
    const auto& wait = busy ? options_.busyInfoMaxWait : options_.infoMaxWait;
    request.headers.add(std::string(kCurrentState), std::string(taskStateName(info_.taskStatus.state)));
    request.headers.add(std::string(kMaxWait), wait.toString());
    request.timeout = Duration(std::chrono::milliseconds(millisOf(wait) + millisOf(options_.requestTimeout)));
  }
  client_->send(std::move(request), [weak = weak_from_this()](http::AsyncHttpResult result) {
    if (auto self = weak.lock()) {
      self->onInfoReply(std::move(result));
    }
  });
}

void HttpRemoteTask::onInfoReply(http::AsyncHttpResult result) {
  std::optional<std::chrono::milliseconds> retryAfter;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (done_) {
      return;
    }
    if (!result.response || result.response->status == 503) {
      if (giveUpLocked("status", result.response ? result.response->body : result.error)) {
        return;
      }
      retryAfter = backoffLocked();
    } else if (result.response->status != 200) {
      failLocked(std::make_exception_ptr(PrestoException(errors::REMOTE_TASK_ERROR,
          fmt::format("Task {} on node {} is gone ({}): {}", taskId_, node_.nodeId, result.response->status,
              result.response->body))));
      return;
    } else {
      failingSince_.reset();
      consecutiveFailures_ = 0;
      try {
        applyInfoLocked(parseTaskInfo(result.response->body));
      } catch (const PrestoException&) {
        failLocked(std::current_exception());
        return;
      }
      if (done_) {
        return;
      }
    }
  }
  if (retryAfter) {
    sendAfter(*retryAfter, &HttpRemoteTask::pollInfo);
    return;
  }
  pollInfo();
}

void HttpRemoteTask::applyInfoLocked(const TaskInfo& info) {
  if (info.taskStatus.version < info_.taskStatus.version) {
    return;
  }
  info_ = info;
  const auto& status = info.taskStatus;
  if (!isDone(status.state)) {
    return;
  }
  if (status.state == TaskStatus::State::kFailed) {
    failLocked(std::make_exception_ptr(status.failures.empty()
            ? PrestoException(errors::REMOTE_TASK_ERROR,
                  fmt::format("Task {} failed on node {} without a reason", taskId_, node_.nodeId))
            : status.failures.front().toException()));
    return;
  }
  done_ = true;
  condition_.notify_all();
}

bool HttpRemoteTask::giveUpLocked(const std::string& what, const std::string& error) {
  auto now = std::chrono::steady_clock::now();
  if (!failingSince_) {
    failingSince_ = now;
  }
  ++consecutiveFailures_;
  if (now - *failingSince_ < options_.maxErrorDuration.toChrono()) {
    return false;
  }
  failLocked(std::make_exception_ptr(PrestoException(errors::REMOTE_HOST_GONE,
      fmt::format("Could not communicate with node {} ({}) about task {} for {} ({}): {}", node_.nodeId, node_.uri,
          taskId_, options_.maxErrorDuration.toString(), what, error))));
  return true;
}

std::chrono::milliseconds HttpRemoteTask::backoffLocked() {
  auto exponent = std::min(consecutiveFailures_ - 1, 5);
  return std::min(std::chrono::milliseconds(50) * (1 << std::max(exponent, 0)), std::chrono::milliseconds(1000));
}

void HttpRemoteTask::sendAfter(std::chrono::milliseconds delay, void (HttpRemoteTask::*send)()) {
  client_->runAfter(delay, [weak = weak_from_this(), send] {
    if (auto self = weak.lock()) {
      (self.get()->*send)();
    }
  });
}

void HttpRemoteTask::failLocked(std::exception_ptr error) {
  error_ = std::move(error);
  done_ = true;
  condition_.notify_all();
}

engine::QueryTaskStatus HttpRemoteTask::status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  engine::QueryTaskStatus status;
  status.done = done_;
  status.error = error_;
  status.queuedSplits = info_.taskStatus.queuedPartitionedDrivers;
  for (const auto& [planNodeId, source] : pending_) {
    status.queuedSplits += static_cast<int64_t>(source.splits.size());
  }
  status.memoryBytes = info_.taskStatus.memoryReservationInBytes;
  return status;
}

engine::StatementProgress HttpRemoteTask::progress() const {
  std::lock_guard<std::mutex> lock(mutex_);
  engine::StatementProgress progress;
  const auto& stats = info_.stats;
  progress.totalSplits = stats.totalDrivers;
  progress.runningSplits = stats.runningDrivers;
  progress.completedSplits = stats.completedDrivers;
  progress.cpuNanos = stats.totalCpuTimeInNanos;
  progress.processedRows = stats.rawInputPositions;
  progress.processedBytes = stats.rawInputDataSizeInBytes;
  progress.peakMemoryBytes = stats.peakTotalMemoryInBytes;
  return progress;
}

void HttpRemoteTask::cancel() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (done_) {
      return;
    }
    done_ = true;
    condition_.notify_all();
  }
  http::AsyncHttpRequest request;
  auto url = http::Url::parse(location_ + "?abort=true");
  request.host = url->host;
  request.port = url->port;
  request.method = "DELETE";
  request.target = url->target;
  request.timeout = options_.requestTimeout;
  // Best effort: a worker that does not hear it fails the task once its coordinator stops asking.
  client_->send(std::move(request), [](http::AsyncHttpResult) {});
}

bool HttpRemoteTask::waitUntilCreated(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return condition_.wait_for(lock, timeout, [&] { return created_ || done_; });
}

bool HttpRemoteTask::waitForCompletion(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return condition_.wait_for(lock, timeout, [&] { return done_; });
}

} // namespace presto::server::cluster
