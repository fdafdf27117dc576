#include "server/worker/ManagedTask.h"

#include <fmt/format.h>

#include "common/PrestoException.h"
#include "exec/RemoteSplit.h"

namespace presto::server::worker {
namespace {

int64_t nowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TaskStatus::State protocolState(exec::TaskState state) {
  switch (state) {
    case exec::TaskState::kPlanned:
      return TaskStatus::State::kPlanned;
    case exec::TaskState::kRunning:
      return TaskStatus::State::kRunning;
    case exec::TaskState::kFinished:
      return TaskStatus::State::kFinished;
    case exec::TaskState::kCanceled:
      return TaskStatus::State::kCanceled;
    case exec::TaskState::kAborted:
      return TaskStatus::State::kAborted;
    case exec::TaskState::kFailed:
      return TaskStatus::State::kFailed;
  }
  return TaskStatus::State::kFailed;
}

[[noreturn]] void failUpdate(const std::string& message) {
  throw PrestoException(errors::GENERIC_INTERNAL_ERROR, "Malformed task update: " + message);
}

TaskStatsSummary statsOf(const exec::TaskStats& stats) {
  TaskStatsSummary summary;
  summary.totalDrivers = stats.numDrivers;
  summary.completedDrivers = stats.numFinishedDrivers;
  summary.runningDrivers = stats.numDrivers - stats.numFinishedDrivers;
  summary.totalScheduledTimeInNanos = stats.wallNanos;
  summary.totalCpuTimeInNanos = stats.cpuNanos;
  summary.totalBlockedTimeInNanos = stats.blockedNanos;
  summary.outputPositions = stats.outputRows;
  summary.outputDataSizeInBytes = stats.outputBytes;
  summary.peakTotalMemoryInBytes = stats.peakMemoryBytes;
  for (const auto& pipeline : stats.pipelines) {
    for (const auto& op : pipeline.operators) {
      if (op.operatorType == "TableScan") {
        summary.rawInputPositions += op.outputRows;
        summary.rawInputDataSizeInBytes += op.outputBytes;
      }
    }
  }
  return summary;
}

} // namespace

ManagedTask::ManagedTask(std::string taskId, std::string self, std::string nodeId)
    : taskId_(std::move(taskId)), self_(std::move(self)), nodeId_(std::move(nodeId)), createTimeMillis_(nowMillis()),
      lastHeartbeat_(std::chrono::steady_clock::now()) {}

void ManagedTask::initialize(TaskPlan plan) {
  exec::TaskPtr task = plan.task;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    plan_ = std::move(plan);
    if (!task) {
      stateWithoutTask_ = TaskStatus::State::kFailed;
      endTime_ = std::chrono::steady_clock::now();
      endTimeMillis_ = nowMillis();
    }
    ++version_;
  }
  initialized_ = true;
  if (task) {
    task->terminalFuture().then([weak = weak_from_this()] {
      if (auto self = weak.lock()) {
        std::lock_guard<std::mutex> lock(self->mutex_);
        ++self->version_;
        self->endTime_ = std::chrono::steady_clock::now();
        self->endTimeMillis_ = nowMillis();
      }
    });
  }
}

void ManagedTask::markDeleted(TaskStatus::State state) {
  std::lock_guard<std::mutex> lock(mutex_);
  stateWithoutTask_ = state;
  endTime_ = std::chrono::steady_clock::now();
  endTimeMillis_ = nowMillis();
  initialized_ = true;
}

void ManagedTask::addSources(const std::vector<TaskSource>& sources) {
  exec::TaskPtr task;
  std::vector<std::pair<std::string, std::vector<exec::Split>>> decoded;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task = plan_.task;
    for (const auto& source : sources) {
      const auto& id = source.planNodeId;
      auto scan = plan_.scans.find(id);
      bool isExchange = plan_.exchanges.count(id) > 0;
      if (task && scan == plan_.scans.end() && !isExchange) {
        failUpdate(fmt::format("task {} has no table scan or exchange with plan node id {}", taskId_, id));
      }
      std::vector<exec::Split> splits;
      if (!task || closedSources_.count(id) > 0) {
        decoded.emplace_back(id, std::move(splits));
        continue;
      }
      for (const auto& split : source.splits) {
        bool isRemote = split.connectorId == kRemoteConnectorId;
        if (isRemote != isExchange) {
          failUpdate(fmt::format("split {} of plan node {} is {} but the node is {}", split.sequenceId, id,
              isRemote ? "a remote split" : "a " + split.connectorId + " split", isExchange ? "an exchange" : "a table scan"));
        }
        try {
          splits.push_back(exec::Split{split.sequenceId,
              isRemote ? exec::RemoteSplit::fromJson(split.connectorSplit)
                       : scan->second->handleCodec().splitFromJson(split.connectorSplit)});
        } catch (const std::exception& error) {
          failUpdate(fmt::format("split {} of plan node {} cannot be decoded: {}", split.sequenceId, id, error.what()));
        }
      }
      decoded.emplace_back(id, std::move(splits));
    }
    if (!task) {
      return;
    }
    for (const auto& source : sources) {
      if (source.noMoreSplits) {
        closedSources_.insert(source.planNodeId);
      }
    }
    ++version_;
  }
  // Added outside the lock: adding splits wakes drivers, which may run callbacks of this task.
  for (size_t i = 0; i < sources.size(); ++i) {
    const auto& [id, splits] = decoded[i];
    for (const auto& split : splits) {
      task->addSplit(id, split);
    }
    if (sources[i].noMoreSplits) {
      task->noMoreSplits(id);
    }
  }
}

void ManagedTask::terminate(bool abort) {
  auto task = this->task();
  if (task && abort) {
    task->abort();
  } else if (task) {
    task->cancel();
  }
}

void ManagedTask::abandon(std::chrono::milliseconds idle) {
  if (auto task = this->task()) {
    task->setError(std::make_exception_ptr(PrestoException(errors::ABANDONED_TASK,
        fmt::format("Task {} abandoned: no request about it for {} ms", taskId_, idle.count()))));
  }
}

// The task's own locks are never taken while holding mutex_: a driver finishing on an executor
// thread holds its lock while the terminal-future callback (initialize) takes mutex_.

TaskStatus::State ManagedTask::state() const {
  exec::TaskPtr task;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stateWithoutTask_) {
      return *stateWithoutTask_;
    }
    task = plan_.task;
  }
  return task ? protocolState(task->state()) : TaskStatus::State::kPlanned;
}

TaskStatus ManagedTask::status() const {
  TaskStatus status;
  status.taskId = taskId_;
  status.self = self_;
  status.state = state();
  exec::TaskPtr task;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    status.version = version_;
    if (plan_.error) {
      status.failures.push_back(ExecutionFailure::of(plan_.error));
    }
    task = plan_.task;
  }
  if (task) {
    status.taskInstanceId = task->instanceId();
    if (auto error = task->error()) {
      status.failures.push_back(ExecutionFailure::of(error));
    }
    status.memoryReservationInBytes = task->pool()->userBytes();
    status.systemMemoryReservationInBytes = task->pool()->systemBytes();
    status.peakNodeTotalMemoryReservationInBytes = task->pool()->peakBytes();
    if (!isDone(status.state)) {
      status.queuedPartitionedDrivers = task->queuedSplits();
      status.runningPartitionedDrivers = task->numDrivers();
    }
  }
  return status;
}

TaskInfo ManagedTask::info() const {
  TaskInfo info;
  info.taskId = taskId_;
  info.taskStatus = status();
  info.nodeId = nodeId_;
  exec::TaskPtr task;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    info.lastHeartbeatInMillis =
        nowMillis() - std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - lastHeartbeat_).count();
    info.noMoreSplits.assign(closedSources_.begin(), closedSources_.end());
    info.outputBuffers.type = plan_.outputBuffers.type;
    info.outputBuffers.numBuffers = plan_.outputBuffers.numBuffers;
    info.stats.createTimeInMillis = createTimeMillis_;
    info.stats.endTimeInMillis = endTimeMillis_;
    task = plan_.task;
  }
  if (task) {
    auto stats = task->stats();
    auto createTime = info.stats.createTimeInMillis;
    auto endTime = info.stats.endTimeInMillis;
    info.stats = statsOf(stats);
    info.stats.createTimeInMillis = createTime;
    info.stats.endTimeInMillis = endTime;
    const auto& buffer = *task->outputBuffer();
    info.outputBuffers.state = buffer.isFinished() ? "FINISHED" : task->isTerminating() ? "FAILED" : "OPEN";
    info.outputBuffers.totalBufferedBytes = buffer.bufferedBytes();
    info.outputBuffers.totalPagesSent = buffer.totalPages();
    info.outputBuffers.totalRowsSent = stats.outputRows;
    info.stats.userMemoryReservationInBytes = task->pool()->userBytes();
  }
  return info;
}

void ManagedTask::heartbeat() {
  std::lock_guard<std::mutex> lock(mutex_);
  lastHeartbeat_ = std::chrono::steady_clock::now();
}

std::chrono::steady_clock::time_point ManagedTask::lastHeartbeat() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lastHeartbeat_;
}

std::optional<std::chrono::steady_clock::time_point> ManagedTask::endTime() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return endTime_;
}

void ManagedTask::onStateChange(TaskStatus::State current, std::function<void()> callback) {
  auto now = state();
  if (now != current) {
    callback();
    return;
  }
  auto task = this->task();
  if (task && !isDone(now)) {
    // The only change left to a created task is its end.
    task->terminalFuture().then(std::move(callback));
  }
}

exec::TaskPtr ManagedTask::task() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return plan_.task;
}

} // namespace presto::server::worker
