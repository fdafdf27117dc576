#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace presto::server {

/// Runs callbacks at given times on one background thread: long-poll deadlines and the periodic
/// checks of the query manager. Callbacks must be short and must not block; they run without any
/// lock of this class held, so they may schedule further callbacks. Destruction stops the thread;
/// callbacks not yet due are dropped.
class TimerService {
 public:
  using Clock = std::chrono::steady_clock;

  TimerService();
  ~TimerService();

  TimerService(const TimerService&) = delete;
  TimerService& operator=(const TimerService&) = delete;

  /// Runs `callback` at `when` (or soon after); returns an id for `cancel`.
  uint64_t schedule(Clock::time_point when, std::function<void()> callback);
  /// Drops a callback that has not run yet; no effect otherwise.
  void cancel(uint64_t id);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wakeUp_;
  /// (due time, id) -> callback; ids keep equal due times in scheduling order.
  std::map<std::pair<Clock::time_point, uint64_t>, std::function<void()>> timers_;
  std::map<uint64_t, Clock::time_point> dueTimes_;
  uint64_t nextId_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

} // namespace presto::server
