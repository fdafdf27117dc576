#pragma once

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "connector/spi/Connector.h"
#include "exec/Task.h"
#include "server/protocol/TaskInfo.h"

namespace presto::server::worker {

/// What a task was created with: the exec task (which holds its own errors), or the error that
/// prevented creating it.
struct TaskPlan {
  exec::TaskPtr task;
  std::exception_ptr error;
  OutputBuffers outputBuffers;
  /// The connector of each table scan, which decodes its splits.
  std::map<std::string, connector::ConnectorPtr> scans;
  /// Plan node ids of the exchanges (their splits are RemoteSplits).
  std::set<std::string> exchanges;
};

/// One task of a TaskManager: the exec task with the bookkeeping of the task protocol around it
/// (sources closed, version, heartbeat, end time). Thread-safe; never calls into the exec task
/// while holding its own lock in a way that could run callbacks under it.
class ManagedTask : public std::enable_shared_from_this<ManagedTask> {
 public:
  ManagedTask(std::string taskId, std::string self, std::string nodeId);

  const std::string& taskId() const { return taskId_; }

  /// Serializes creation and updates of the task.
  std::mutex& updateMutex() { return updateMutex_; }
  /// Whether initialize() or markDeleted() ran. REQUIRES: updateMutex() held.
  bool initialized() const { return initialized_; }
  /// Takes the created task (or its creation error). REQUIRES: updateMutex() held.
  void initialize(TaskPlan plan);
  /// The task was deleted before any update created it: it stays in `state` and later updates
  /// do nothing.
  void markDeleted(TaskStatus::State state);

  /// Decodes and adds the splits of `sources`, closing those marked noMoreSplits. Splits of a
  /// closed source are ignored (retries); the task itself ignores sequence ids it has seen.
  /// Throws GENERIC_INTERNAL_ERROR `Malformed task update: ...` for a source that is not a scan
  /// or exchange of the fragment and for splits that cannot be decoded, before adding anything.
  /// REQUIRES: updateMutex() held.
  void addSources(const std::vector<TaskSource>& sources);

  /// Aborts (or cancels) the task.
  void terminate(bool abort);
  /// Fails a running task nobody asked about with ABANDONED_TASK.
  void abandon(std::chrono::milliseconds idle);

  TaskStatus::State state() const;
  TaskStatus status() const;
  TaskInfo info() const;
  /// Records a request about the task.
  void heartbeat();
  std::chrono::steady_clock::time_point lastHeartbeat() const;
  /// When the task reached a terminal state (nullopt while it runs).
  std::optional<std::chrono::steady_clock::time_point> endTime() const;
  /// Runs `callback` once the state is not `current` any more (at once if it is not now); never
  /// if it stays `current`. The callback may run on any thread, with locks of the task held:
  /// it must only hand the work on.
  void onStateChange(TaskStatus::State current, std::function<void()> callback);
  /// The exec task, if one was created.
  exec::TaskPtr task() const;

 private:
  const std::string taskId_;
  const std::string self_;
  const std::string nodeId_;
  const int64_t createTimeMillis_;

  std::mutex updateMutex_;
  bool initialized_ = false;

  mutable std::mutex mutex_;
  TaskPlan plan_;
  std::optional<TaskStatus::State> stateWithoutTask_;
  std::set<std::string> closedSources_;
  int64_t version_ = 0;
  std::chrono::steady_clock::time_point lastHeartbeat_;
  std::optional<std::chrono::steady_clock::time_point> endTime_;
  int64_t endTimeMillis_ = 0;
};

using ManagedTaskPtr = std::shared_ptr<ManagedTask>;

} // namespace presto::server::worker
