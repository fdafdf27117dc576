#include "server/coordinator/TimerService.h"

#include "common/Logging.h"

namespace presto::server {

TimerService::TimerService() : thread_([this] { run(); }) {}

TimerService::~TimerService() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeUp_.notify_all();
  thread_.join();
}

uint64_t TimerService::schedule(Clock::time_point when, std::function<void()> callback) {
  uint64_t id;
  bool earliest;
  {
    std::lock_guard lock(mutex_);
    id = nextId_++;
    timers_.emplace(std::make_pair(when, id), std::move(callback));
    dueTimes_.emplace(id, when);
    earliest = timers_.begin()->first.second == id;
  }
  if (earliest) {
    wakeUp_.notify_all();
  }
  return id;
}

void TimerService::cancel(uint64_t id) {
  std::lock_guard lock(mutex_);
  auto due = dueTimes_.find(id);
  if (due != dueTimes_.end()) {
    timers_.erase(std::make_pair(due->second, id));
    dueTimes_.erase(due);
  }
}

void TimerService::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (timers_.empty()) {
      wakeUp_.wait(lock);
      continue;
    }
    auto first = timers_.begin();
    if (first->first.first > Clock::now()) {
      wakeUp_.wait_until(lock, first->first.first);
      continue;
    }
    auto callback = std::move(first->second);
    dueTimes_.erase(first->first.second);
    timers_.erase(first);
    lock.unlock();
    try {
      callback();
    } catch (const std::exception& e) {
      LOG_ERROR("timer callback failed: {}", e.what());
    }
    lock.lock();
  }
}

} // namespace presto::server
