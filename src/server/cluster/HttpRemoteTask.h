#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/Duration.h"
#include "engine/QueryTask.h"
#include "engine/RemoteTaskFactory.h"
#include "server/protocol/TaskInfo.h"
#include "server/protocol/TaskUpdateRequest.h"

namespace presto::server::http {
class AsyncHttpClient;
struct AsyncHttpResult;
} // namespace presto::server::http

namespace presto::server::cluster {

/// Timing of an HttpRemoteTask.
struct HttpRemoteTaskOptions {
  /// How long a worker may hold a task info poll whose state did not change (`X-Presto-Max-Wait`).
  Duration infoMaxWait{std::chrono::seconds(1)};
  /// The same while splits wait in the task's queue: the scheduler learns sooner that it has room.
  Duration busyInfoMaxWait{std::chrono::milliseconds(200)};
  /// Bound on one request beyond the worker's wait.
  Duration requestTimeout{std::chrono::seconds(10)};
  /// Transport errors are retried with backoff (50 ms doubling to 1 s) until they have lasted this
  /// long; then the task fails with REMOTE_HOST_GONE.
  Duration maxErrorDuration{std::chrono::seconds(5)};
};

/// A task on another node, driven over the task API: the first `POST /v1/task/{id}` carries the
/// fragment, the session and the output buffers; later ones carry the splits added since (each
/// update is retried until the worker acknowledged it; the worker ignores splits it has seen, so
/// retries are safe). Its state follows `GET /v1/task/{id}` long polls; a FAILED task fails with
/// its remote error (code and message). cancel() sends `DELETE /v1/task/{id}?abort=true`.
/// Thread-safe; requests and replies run on the client's I/O threads, which hold the task weakly.
class HttpRemoteTask : public engine::QueryTask, public std::enable_shared_from_this<HttpRemoteTask> {
 public:
  /// Starts creating the task on `node` at once.
  static std::shared_ptr<HttpRemoteTask> create(std::shared_ptr<http::AsyncHttpClient> client, engine::WorkerNode node,
      std::string taskId, TaskSession session, std::string fragmentJson, OutputBuffers outputBuffers,
      std::map<std::string, std::string> scanCatalogs, HttpRemoteTaskOptions options = {});

  const std::string& taskId() const override { return taskId_; }
  const std::string& nodeId() const override { return node_.nodeId; }
  std::string location() const override { return location_; }
  bool isLocal() const override { return false; }
  void addSplits(const std::string& planNodeId, std::vector<exec::Split> splits, bool noMoreSplits) override;
  bool waitUntilCreated(std::chrono::milliseconds timeout) override;
  engine::QueryTaskStatus status() const override;
  engine::StatementProgress progress() const override;
  std::optional<exec::TaskStats> stats() const override { return std::nullopt; }
  void cancel() override;
  bool waitForCompletion(std::chrono::milliseconds timeout) override;

 private:
  /// Splits of one plan node the worker has not acknowledged yet.
  struct PendingSource {
    std::vector<ScheduledSplit> splits;
    bool noMoreSplits = false;
  };

  HttpRemoteTask(std::shared_ptr<http::AsyncHttpClient> client, engine::WorkerNode node, std::string taskId,
      TaskSession session, std::string fragmentJson, OutputBuffers outputBuffers,
      std::map<std::string, std::string> scanCatalogs, HttpRemoteTaskOptions options);

  /// Sends the pending update unless one is in flight or there is nothing to send.
  void sendUpdate();
  void onUpdateReply(http::AsyncHttpResult result, std::map<std::string, size_t> sent);
  void pollInfo();
  void onInfoReply(http::AsyncHttpResult result);
  /// Takes a TaskInfo the worker sent (if newer than what is known). REQUIRES: mutex_ held.
  void applyInfoLocked(const TaskInfo& info);
  /// Counts a transport error; true (with the task failed) once errors lasted too long.
  /// REQUIRES: mutex_ held.
  bool giveUpLocked(const std::string& what, const std::string& error);
  void failLocked(std::exception_ptr error);
  std::chrono::milliseconds backoffLocked();
  void sendAfter(std::chrono::milliseconds delay, void (HttpRemoteTask::*send)());

  const std::shared_ptr<http::AsyncHttpClient> client_;
  const engine::WorkerNode node_;
  const std::string taskId_;
  const std::string location_;
  const TaskSession session_;
  const std::string fragmentJson_;
  const OutputBuffers outputBuffers_;
  const std::map<std::string, std::string> scanCatalogs_;
  const HttpRemoteTaskOptions options_;

  mutable std::mutex mutex_;
  /// Signals creation and the end of the task.
  std::condition_variable condition_;
  std::map<std::string, PendingSource> pending_;
  bool created_ = false;
  bool updateInFlight_ = false;
  TaskInfo info_;
  bool done_ = false;
  std::exception_ptr error_;
  /// Since when requests have been failing, and how many failed in a row.
  std::optional<std::chrono::steady_clock::time_point> failingSince_;
  int32_t consecutiveFailures_ = 0;
};

} // namespace presto::server::cluster
