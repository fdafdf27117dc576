#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "exec/MultilevelQueue.h"

namespace presto::exec {

/// Settings of the executor.
struct TaskExecutorConfig {
  /// Worker threads; 0 means one per core.
  int32_t numThreads = 0;
  MultilevelQueueConfig queue;
};

/// A fixed pool of threads running driver quanta from a multilevel feedback queue. A driver that
/// blocks leaves the queue and comes back when its future completes; one that uses up its quantum
/// is queued again at the level its task's CPU time now earns. When a driver is queued while all
/// threads are busy, the running driver of the highest level above it is asked to yield at its
/// next page boundary.
class TaskExecutor {
 public:
  explicit TaskExecutor(TaskExecutorConfig config = {});
  ~TaskExecutor();

  TaskExecutor(const TaskExecutor&) = delete;
  TaskExecutor& operator=(const TaskExecutor&) = delete;

  /// Queues a runnable driver of `task`.
  void enqueue(DriverPtr driver, std::shared_ptr<TaskHandle> task);
  int32_t numThreads() const { return static_cast<int32_t>(threads_.size()); }
  /// Number of queued (runnable, not running) drivers.
  size_t queuedDrivers() const;

 private:
  struct Running {
    Driver* driver = nullptr;
    int level = -1;
  };

  void runWorker(size_t threadIndex);

  mutable std::mutex mutex_;
  std::condition_variable wakeup_;
  MultilevelQueue queue_;
  std::vector<Running> running_;
  int32_t idleThreads_ = 0;
  bool shutdown_ = false;
  std::vector<std::thread> threads_;
};

} // namespace presto::exec
