#include "server/main/WorkerLifecycle.h"

namespace presto::server {

WorkerLifecycle::~WorkerLifecycle() {
  timers_.cancel(timer_.load());
}

void WorkerLifecycle::shutDown(std::function<void()> onDrained) {
  if (state_.exchange(NodeState::kShuttingDown) == NodeState::kShuttingDown) {
    return;
  }
  checkDrained(std::move(onDrained));
}

int64_t WorkerLifecycle::activeQueryCount() const {
  int64_t running = 0;
  for (const auto& info : tasks_.allTasks()) {
    running += isDone(info.taskStatus.state) ? 0 : 1;
  }
  return running;
}

void WorkerLifecycle::checkDrained(std::function<void()> onDrained) {
  if (activeQueryCount() == 0) {
    onDrained();
    return;
  }
  timer_ = timers_.schedule(TimerService::Clock::now() + std::chrono::milliseconds(100),
      [this, onDrained = std::move(onDrained)] { checkDrained(onDrained); });
}

} // namespace presto::server
