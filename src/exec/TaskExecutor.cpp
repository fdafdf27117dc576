#include "exec/TaskExecutor.h"

#include "exec/Task.h"

namespace presto::exec {

TaskExecutor::TaskExecutor(TaskExecutorConfig config) : queue_(config.queue) {
  auto numThreads = static_cast<size_t>(
      config.numThreads > 0 ? config.numThreads : std::max(1u, std::thread::hardware_concurrency()));
  running_.resize(numThreads);
  for (size_t i = 0; i < numThreads; ++i) {
    threads_.emplace_back([this, i] { runWorker(i); });
  }
}

TaskExecutor::~TaskExecutor() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutdown_ = true;
  }
  wakeup_.notify_all();
  for (auto& thread : threads_) {
    thread.join();
  }
}

void TaskExecutor::enqueue(DriverPtr driver, std::shared_ptr<TaskHandle> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    int level = queue_.levelOf(task->cpuNanos());
    queue_.push(std::move(driver), std::move(task));
    if (idleThreads_ == 0) {
      // Everyone is busy: ask the lowest-priority running driver above this level to yield.
      Running* victim = nullptr;
      for (auto& running : running_) {
        if (running.driver != nullptr && running.level > level && (victim == nullptr || running.level > victim->level)) {
          victim = &running;
        }
      }
      if (victim != nullptr) {
        victim->driver->requestYield();
      }
    }
  }
  wakeup_.notify_one();
}

size_t TaskExecutor::queuedDrivers() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void TaskExecutor::runWorker(size_t threadIndex) {
  for (;;) {
    MultilevelQueue::Entry entry;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ++idleThreads_;
      wakeup_.wait(lock, [&] { return shutdown_ || !queue_.empty(); });
      --idleThreads_;
      if (shutdown_) {
        return;
      }
      entry = queue_.pop();
      running_[threadIndex] = Running{entry.driver.get(), entry.level};
    }
    auto quantum = entry.driver->task() != nullptr ? entry.driver->quantum() : std::chrono::nanoseconds(0);
    int64_t cpuStart = threadCpuNanos();
    DriverResult result = entry.driver->run(quantum);
    int64_t cpu = threadCpuNanos() - cpuStart;
    entry.task->addCpuNanos(cpu);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.recordCpu(entry.level, cpu);
      running_[threadIndex] = Running{};
    }
    switch (result) {
      case DriverResult::kYield:
        enqueue(std::move(entry.driver), std::move(entry.task));
        break;
      case DriverResult::kBlocked: {
        auto future = entry.driver->blockedFuture();
        future.then([this, driver = std::move(entry.driver), task = std::move(entry.task)]() mutable {
          enqueue(std::move(driver), std::move(task));
        });
        break;
      }
      case DriverResult::kFinished:
      case DriverResult::kTerminated:
        break;
    }
  }
}

} // namespace presto::exec
