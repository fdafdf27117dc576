#include "exec/MultilevelQueue.h"

#include <limits>

#include "common/Check.h"

namespace presto::exec {

int MultilevelQueue::levelOf(int64_t cpuNanos) const {
  for (int level = MultilevelQueueConfig::kNumLevels - 1; level > 0; --level) {
    if (cpuNanos >= config_.levelThresholds[static_cast<size_t>(level)].count()) {
      return level;
    }
  }
  return 0;
}

void MultilevelQueue::push(DriverPtr driver, std::shared_ptr<TaskHandle> task) {
  int level = levelOf(task->cpuNanos());
  auto& queue = levels_[static_cast<size_t>(level)];
  if (queue.empty()) {
    // A level that was idle must not bank its idle time and then monopolize the threads: start it
    // no lower than the busiest share-normalized level still has.
    double minNormalized = std::numeric_limits<double>::max();
    for (size_t i = 0; i < levels_.size(); ++i) {
      if (!levels_[i].empty()) {
        minNormalized = std::min(minNormalized, static_cast<double>(levelCpuNanos_[i]) / config_.levelShares[i]);
      }
    }
    if (minNormalized != std::numeric_limits<double>::max()) {
      auto floor = static_cast<int64_t>(minNormalized * config_.levelShares[static_cast<size_t>(level)]);
      levelCpuNanos_[static_cast<size_t>(level)] = std::max(levelCpuNanos_[static_cast<size_t>(level)], floor);
    }
  }
  queue.push_back(Entry{std::move(driver), std::move(task), level});
  ++size_;
}

MultilevelQueue::Entry MultilevelQueue::pop() {
  PRESTO_CHECK(size_ > 0, "pop from an empty queue");
  size_t best = levels_.size();
  double bestNormalized = std::numeric_limits<double>::max();
  for (size_t i = 0; i < levels_.size(); ++i) {
    if (levels_[i].empty()) {
      continue;
    }
    double normalized = static_cast<double>(levelCpuNanos_[i]) / config_.levelShares[i];
    if (normalized < bestNormalized) {
      bestNormalized = normalized;
      best = i;
    }
  }
  Entry entry = std::move(levels_[best].front());
  levels_[best].pop_front();
  --size_;
  return entry;
}

void MultilevelQueue::recordCpu(int level, int64_t nanos) {
  levelCpuNanos_[static_cast<size_t>(level)] += nanos;
}

} // namespace presto::exec
