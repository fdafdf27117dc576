#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/Duration.h"
#include "engine/ExecutionServices.h"
#include "exec/ExchangeSource.h"
#include "exec/TaskConfig.h"
#include "server/protocol/TaskInfo.h"
#include "server/protocol/TaskUpdateRequest.h"

namespace presto::exec {
class TaskRegistry;
}

namespace presto::server {
class TimerService;
}

namespace presto::server::worker {

class ManagedTask;

/// Settings of a worker's TaskManager.
struct TaskManagerConfig {
  /// This worker's URI (`http://host:port`); a task's `self` is `{baseUri}/v1/task/{taskId}`.
  std::string baseUri;
  std::string nodeId;
  /// Execution settings of every task; `task_concurrency` of a task's session overrides
  /// ExecutionServices::concurrency.
  exec::TaskConfig task;
  /// A finished task is forgotten once nobody asked about it for this long (`task.info.max-age`).
  Duration infoMaxAge{std::chrono::seconds(60)};
  /// A running task nobody asked about for this long is failed with ABANDONED_TASK
  /// (`task.client-timeout`): its coordinator is gone.
  Duration clientTimeout{std::chrono::minutes(2)};
  /// How often old and abandoned tasks are looked for.
  Duration sweepInterval{std::chrono::seconds(1)};
};

/// The tasks of a worker, created and fed by coordinators' task updates. On the first update of
/// a task it decodes the fragment with the engine's catalogs and functions, translates it
/// (PlanTranslator::translateFragment), creates and starts the exec task and registers it in the
/// TaskRegistry the results endpoints serve; its exchanges read upstream tasks through
/// `exchangeSources` (the HTTP factory). Updates are idempotent: splits already seen and
/// sources already closed are ignored, so a coordinator may retry any update. Thread-safe; holds
/// no thread of its own (a timer sweeps old tasks).
class TaskManager : public std::enable_shared_from_this<TaskManager> {
 public:
  /// `engine`, `tasks` and `timers` must outlive the manager; the sweep starts at once.
  static std::shared_ptr<TaskManager> create(engine::ExecutionServices engine, std::shared_ptr<exec::TaskRegistry> tasks,
      exec::ExchangeSourceFactory exchangeSources, TimerService& timers, TaskManagerConfig config);
  /// Aborts every task still running.
  ~TaskManager();

  TaskManager(const TaskManager&) = delete;
  TaskManager& operator=(const TaskManager&) = delete;

  /// Creates the task on its first update, then adds the update's splits. A fragment that cannot
  /// be decoded, translated or started (or whose output does not fit the output buffers) makes a
  /// FAILED task carrying that error. Throws GENERIC_INTERNAL_ERROR `Malformed task update: ...`
  /// (nothing applied) for an update that cannot apply: a first update without fragment or
  /// output buffers, splits for unknown plan nodes or splits that cannot be decoded.
  TaskInfo updateTask(const std::string& taskId, const TaskUpdateRequest& request);
  /// nullopt for an unknown task.
  std::optional<TaskInfo> taskInfo(const std::string& taskId);
  std::optional<TaskStatus> taskStatus(const std::string& taskId);
  std::vector<TaskInfo> allTasks();
  /// Aborts (`abort`) or cancels the task. A task not created yet is recorded as ABORTED or
  /// CANCELED, so that a late first update does not start it.
  TaskInfo deleteTask(const std::string& taskId, bool abort);
  /// Runs `callback` once the task's state is not `current` (at once if it is not now); never if
  /// it keeps that state. False for an unknown task. The callback may run on any thread with
  /// locks held: it must only hand the work on (schedule a timer).
  bool onStateChange(const std::string& taskId, TaskStatus::State current, std::function<void()> callback);

  /// Forgets finished tasks nobody asked about for `infoMaxAge` and fails running ones nobody
  /// asked about for `clientTimeout` (run by the sweep timer).
  void removeOldTasks();

 private:
  TaskManager(engine::ExecutionServices engine, std::shared_ptr<exec::TaskRegistry> tasks,
      exec::ExchangeSourceFactory exchangeSources, TimerService& timers, TaskManagerConfig config);

  /// The task, heartbeat recorded; null if unknown or not created.
  std::shared_ptr<ManagedTask> find(const std::string& taskId);
  /// The task of that id, created (not yet initialized) if there is none.
  std::shared_ptr<ManagedTask> findOrAdd(const std::string& taskId);
  /// Decodes, translates, creates and starts the task of a first update.
  void createTask(ManagedTask& task, const TaskUpdateRequest& request);
  MemoryPoolPtr queryPool(const std::string& queryId);
  void scheduleSweep();

  const engine::ExecutionServices engine_;
  const std::shared_ptr<exec::TaskRegistry> registry_;
  const exec::ExchangeSourceFactory exchangeSources_;
  TimerService& timers_;
  const TaskManagerConfig config_;

  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<ManagedTask>> tasks_;
  std::map<std::string, std::weak_ptr<MemoryPool>> queryPools_;
  std::atomic<uint64_t> sweepTimer_{0};
};

} // namespace presto::server::worker
