#pragma once

#include <atomic>
#include <memory>

#include "server/coordinator/NodeLifecycle.h"
#include "server/coordinator/TimerService.h"
#include "server/worker/TaskManager.h"

namespace presto::server {

/// The state of a worker: active until told to shut down, then drained once none of its tasks
/// runs any more (checked every 100 ms). The failure detector sees SHUTTING_DOWN and stops
/// scheduling on it.
class WorkerLifecycle : public NodeLifecycle {
 public:
  /// `tasks` and `timers` must outlive this object.
  WorkerLifecycle(worker::TaskManager& tasks, TimerService& timers) : tasks_(tasks), timers_(timers) {}
  ~WorkerLifecycle() override;

  NodeState nodeState() const override { return state_.load(); }
  void shutDown(std::function<void()> onDrained) override;
  /// Tasks not done yet.
  int64_t activeQueryCount() const override;

 private:
  void checkDrained(std::function<void()> onDrained);

  worker::TaskManager& tasks_;
  TimerService& timers_;
  std::atomic<NodeState> state_{NodeState::kActive};
  std::atomic<uint64_t> timer_{0};
};

} // namespace presto::server
