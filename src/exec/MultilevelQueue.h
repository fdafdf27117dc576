#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "exec/Driver.h"

namespace presto::exec {

/// The executor's view of a task: the CPU time its drivers have used so far, which decides the
/// feedback-queue level its drivers are queued at.
class TaskHandle {
 public:
  explicit TaskHandle(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  int64_t cpuNanos() const { return cpuNanos_.load(std::memory_order_relaxed); }
  void addCpuNanos(int64_t nanos) { cpuNanos_.fetch_add(nanos, std::memory_order_relaxed); }

 private:
  const std::string name_;
  std::atomic<int64_t> cpuNanos_{0};
};

/// Settings of the multilevel feedback queue.
struct MultilevelQueueConfig {
  static constexpr int kNumLevels = 5;
  /// A task whose accumulated CPU time is at least thresholds[i] (and below thresholds[i+1]) runs
  /// at level i. Presto's defaults: 0, 1, 10, 60, 300 seconds.
  std::array<std::chrono::nanoseconds, kNumLevels> levelThresholds{std::chrono::seconds(0), std::chrono::seconds(1),
      std::chrono::seconds(10), std::chrono::seconds(60), std::chrono::seconds(300)};
  /// Relative CPU share of each level while several levels have work (level i gets shares[i]
  /// times the time of a level with share 1). Presto: each level twice the next.
  std::array<double, kNumLevels> levelShares{16, 8, 4, 2, 1};
};

/// A five-level multilevel feedback queue of runnable drivers. A driver is queued at the level of
/// its task's accumulated CPU time; the next driver comes from the non-empty level that has used
/// the least CPU relative to its share, FIFO within a level. So new, cheap tasks (level 0) overtake
/// old expensive ones, while those still get their share. Not thread-safe (the executor locks).
class MultilevelQueue {
 public:
  struct Entry {
    DriverPtr driver;
    std::shared_ptr<TaskHandle> task;
    int level = 0;
  };

  explicit MultilevelQueue(MultilevelQueueConfig config) : config_(config) {}

  /// The level for a task that has used `cpuNanos`.
  int levelOf(int64_t cpuNanos) const;
  void push(DriverPtr driver, std::shared_ptr<TaskHandle> task);
  /// REQUIRES: !empty().
  Entry pop();
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  /// Charges `nanos` of CPU to `level`.
  void recordCpu(int level, int64_t nanos);
  int64_t levelCpuNanos(int level) const { return levelCpuNanos_[static_cast<size_t>(level)]; }

 private:
  const MultilevelQueueConfig config_;
  std::array<std::deque<Entry>, MultilevelQueueConfig::kNumLevels> levels_;
  std::array<int64_t, MultilevelQueueConfig::kNumLevels> levelCpuNanos_{};
  size_t size_ = 0;
};

} // namespace presto::exec
