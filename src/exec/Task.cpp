#include "exec/Task.h"

#include <fmt/format.h>

#include <random>

#include "common/Check.h"
#include "exec/LocalPlanner.h"
#include "exec/MultilevelQueue.h"
#include "exec/TaskExecutor.h"

namespace presto::exec {

std::string_view taskStateName(TaskState state) {
  switch (state) {
    case TaskState::kPlanned: return "PLANNED";
    case TaskState::kRunning: return "RUNNING";
    case TaskState::kFinished: return "FINISHED";
    case TaskState::kCanceled: return "CANCELED";
    case TaskState::kAborted: return "ABORTED";
    case TaskState::kFailed: return "FAILED";
  }
  return "UNKNOWN";
}

namespace {

/// A random (version 4) UUID in its text form.
std::string randomUuid() {
  thread_local std::mt19937_64 random(std::random_device{}());
  uint64_t high = (random() & ~0xF000ULL) | 0x4000ULL;
  uint64_t low = (random() & ~(3ULL << 62)) | (2ULL << 62);
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF, high & 0xFFFF,
      low >> 48, low & 0xFFFFFFFFFFFFULL);
}

} // namespace

std::shared_ptr<Task> Task::create(std::string taskId, PlanNodePtr plan, TaskConfig config, OutputBufferSpec output,
    TaskServices services, MemoryPoolPtr parentPool, TaskExecutor* executor) {
  return std::shared_ptr<Task>(new Task(std::move(taskId), std::move(plan), config, std::move(output),
      std::move(services), std::move(parentPool), executor));
}

Task::Task(std::string taskId, PlanNodePtr plan, TaskConfig config, OutputBufferSpec output, TaskServices services,
    MemoryPoolPtr parentPool, TaskExecutor* executor)
    : taskId_(std::move(taskId)), instanceId_(randomUuid()), plan_(std::move(plan)), config_(config), outputSpec_(std::move(output)),
      services_(std::move(services)), executor_(executor) {
  pool_ = parentPool->addChild("task." + taskId_, config_.maxTaskMemoryBytes);
  outputBuffer_ = std::make_shared<OutputBuffer>(
      outputSpec_.kind, outputSpec_.numBuffers, config_.maxOutputBufferBytes, pool_->addChild("output-buffer"));
  handle_ = std::make_shared<TaskHandle>(taskId_);
}

Task::~Task() {
  std::vector<DriverPtr> drivers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    drivers.swap(drivers_);
  }
  for (auto& driver : drivers) {
    driver->closeIfIdle();
  }
  drivers.clear();
  localExchanges_.clear();
  joinBridges_.clear();
  outputBuffer_.reset();
}

void Task::start() {
  PRESTO_CHECK(executor_ != nullptr, "task {} has no executor", taskId_);
  std::vector<DriverPtr> drivers;
  try {
    driverFactories_ = LocalPlanner::plan(plan_, *this);
    auto self = shared_from_this();
    for (const auto& factory : driverFactories_) {
      for (int32_t i = 0; i < factory.numDrivers; ++i) {
        drivers.push_back(std::make_shared<Driver>(self, factory.pipelineId, i, factory.numDrivers));
      }
    }
    size_t next = 0;
    for (const auto& factory : driverFactories_) {
      for (int32_t i = 0; i < factory.numDrivers; ++i) {
        drivers[next++]->initialize(factory);
      }
    }
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      drivers_ = drivers;
    }
    for (auto& driver : drivers) {
      driver->closeIfIdle();
    }
    setError(std::current_exception());
    throw;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    PRESTO_CHECK(state_ == TaskState::kPlanned, "task {} started twice", taskId_);
    state_ = TaskState::kRunning;
    startTime_ = std::chrono::steady_clock::now();
    drivers_ = drivers;
  }
  for (auto& driver : drivers) {
    executor_->enqueue(driver, handle_);
  }
}

void Task::addSplit(const std::string& planNodeId, Split split) {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& queue = splitQueues_[planNodeId];
    PRESTO_CHECK(!queue.noMoreSplits, "split added to {} after noMoreSplits", planNodeId);
    if (!queue.seenSequenceIds.insert(split.sequenceId).second) {
      return;
    }
    ++numSplits_;
    queue.splits.push_back(std::move(split));
    wake.swap(queue.waiters);
  }
  notifyAll(wake);
}

void Task::noMoreSplits(const std::string& planNodeId) {
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& queue = splitQueues_[planNodeId];
    queue.noMoreSplits = true;
    wake.swap(queue.waiters);
  }
  notifyAll(wake);
}

bool Task::nextSplit(const std::string& planNodeId, Split& split, ContinueFuture* future) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& queue = splitQueues_[planNodeId];
  if (!queue.splits.empty()) {
    split = std::move(queue.splits.front());
    queue.splits.pop_front();
    return true;
  }
  if (queue.noMoreSplits) {
    split = Split{};
    return true;
  }
  queue.waiters.emplace_back();
  *future = queue.waiters.back().future();
  return false;
}

TaskState Task::state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return state_;
}

std::exception_ptr Task::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

void Task::setError(std::exception_ptr error) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_ == nullptr && state_ != TaskState::kFinished) {
      error_ = std::move(error);
    }
  }
  terminate(TaskState::kFailed);
}

void Task::cancel() {
  terminate(TaskState::kCanceled);
}

void Task::abort() {
  terminate(TaskState::kAborted);
}

void Task::terminate(TaskState state) {
  std::vector<DriverPtr> drivers;
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state_ != TaskState::kPlanned && state_ != TaskState::kRunning) {
      return;
    }
    state_ = state;
    wallNanos_ = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - startTime_).count();
    terminating_ = true;
    drivers = drivers_;
    for (auto& [id, queue] : splitQueues_) {
      for (auto& waiter : queue.waiters) {
        wake.push_back(std::move(waiter));
      }
      queue.waiters.clear();
    }
    for (auto& waiter : terminalWaiters_) {
      wake.push_back(std::move(waiter));
    }
    terminalWaiters_.clear();
  }
  stateChanged_.notify_all();
  // Drivers on a thread see `terminating_` at their next page boundary and close themselves.
  for (auto& driver : drivers) {
    driver->closeIfIdle();
  }
  outputBuffer_->terminate();
  notifyAll(wake);
}

void Task::onDriverClosed(bool finished) {
  bool allFinished = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++numClosedDrivers_;
    allFinished = state_ == TaskState::kRunning && numClosedDrivers_ == static_cast<int32_t>(drivers_.size());
  }
  if (!allFinished) {
    return;
  }
  outputBuffer_->noMorePages();
  std::vector<ContinuePromise> wake;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state_ == TaskState::kRunning) {
      state_ = TaskState::kFinished;
      wallNanos_ =
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - startTime_).count();
      wake.swap(terminalWaiters_);
    }
  }
  stateChanged_.notify_all();
  notifyAll(wake);
}

ContinueFuture Task::terminalFuture() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (state_ != TaskState::kPlanned && state_ != TaskState::kRunning) {
    return ContinueFuture::makeReady();
  }
  terminalWaiters_.emplace_back();
  return terminalWaiters_.back().future();
}

bool Task::waitForCompletion(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return stateChanged_.wait_for(
      lock, timeout, [&] { return state_ != TaskState::kPlanned && state_ != TaskState::kRunning; });
}

void Task::addLocalExchange(const std::string& id, std::shared_ptr<LocalExchange> exchange) {
  localExchanges_[id] = std::move(exchange);
}

const std::shared_ptr<LocalExchange>& Task::localExchange(const std::string& id) const {
  auto it = localExchanges_.find(id);
  PRESTO_CHECK(it != localExchanges_.end(), "no local exchange {}", id);
  return it->second;
}

void Task::addJoinBridge(const std::string& planNodeId, std::shared_ptr<HashJoinBridge> bridge) {
  joinBridges_[planNodeId] = std::move(bridge);
}

const std::shared_ptr<HashJoinBridge>& Task::joinBridge(const std::string& planNodeId) const {
  auto it = joinBridges_.find(planNodeId);
  PRESTO_CHECK(it != joinBridges_.end(), "no join bridge for {}", planNodeId);
  return it->second;
}

int32_t Task::numDrivers() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int32_t>(drivers_.size());
}

int64_t Task::queuedSplits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  int64_t queued = 0;
  for (const auto& [id, queue] : splitQueues_) {
    queued += static_cast<int64_t>(queue.splits.size());
  }
  return queued;
}

TaskStats Task::stats() const {
  std::vector<DriverPtr> drivers;
  TaskStats result;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    drivers = drivers_;
    result.numDrivers = static_cast<int64_t>(drivers_.size());
    result.numFinishedDrivers = numClosedDrivers_;
    result.numSplits = numSplits_;
    result.wallNanos = state_ == TaskState::kRunning
        ? std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - startTime_).count()
        : wallNanos_;
  }
  std::map<int32_t, PipelineStats> pipelines;
  for (const auto& driver : drivers) {
    auto& pipeline = pipelines[driver->context().pipelineId];
    pipeline.pipelineId = driver->context().pipelineId;
    auto operators = driver->stats();
    if (pipeline.operators.empty()) {
      pipeline.operators = std::move(operators);
      continue;
    }
    for (size_t i = 0; i < operators.size() && i < pipeline.operators.size(); ++i) {
      pipeline.operators[i].add(operators[i]);
    }
  }
  for (auto& [id, pipeline] : pipelines) {
    for (const auto& op : pipeline.operators) {
      pipeline.cpuNanos += op.cpuNanos;
      pipeline.wallNanos += op.wallNanos;
      pipeline.blockedNanos += op.blockedNanos;
      result.peakMemoryBytes += op.peakMemoryBytes;
    }
    if (!pipeline.operators.empty()) {
      pipeline.inputRows = pipeline.operators.front().outputRows;
      pipeline.outputRows = pipeline.operators.back().inputRows;
      // What the task sent on: the input of its output operator.
      if (pipeline.operators.back().operatorType == "PartitionedOutput") {
        result.outputRows += pipeline.operators.back().inputRows;
        result.outputBytes += pipeline.operators.back().inputBytes;
      }
    }
    result.cpuNanos += pipeline.cpuNanos;
    result.blockedNanos += pipeline.blockedNanos;
    result.pipelines.push_back(std::move(pipeline));
  }
  result.peakMemoryBytes = std::max(result.peakMemoryBytes, pool_->peakBytes());
  return result;
}

} // namespace presto::exec
