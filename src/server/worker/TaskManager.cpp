#include "server/worker/TaskManager.h"

#include <fmt/format.h>

#include "common/PrestoException.h"
#include "engine/PlanTranslator.h"
#include "exec/TaskRegistry.h"
#include "server/coordinator/TimerService.h"
#include "server/protocol/PlanFragmentJson.h"
#include "server/worker/ManagedTask.h"
#include "sql/planner/OutputNode.h"

namespace presto::server::worker {
namespace {

exec::OutputBufferKind bufferKind(OutputBuffers::Type type) {
  switch (type) {
    case OutputBuffers::Type::kPartitioned:
      return exec::OutputBufferKind::kPartitioned;
    case OutputBuffers::Type::kBroadcast:
      return exec::OutputBufferKind::kBroadcast;
    case OutputBuffers::Type::kArbitrary:
      return exec::OutputBufferKind::kArbitrary;
  }
  return exec::OutputBufferKind::kArbitrary;
}

std::string_view bufferKindName(exec::OutputBufferKind kind) {
  switch (kind) {
    case exec::OutputBufferKind::kPartitioned:
      return "PARTITIONED";
    case exec::OutputBufferKind::kBroadcast:
      return "BROADCAST";
    case exec::OutputBufferKind::kArbitrary:
      return "ARBITRARY";
  }
  return "UNKNOWN";
}

} // namespace

std::shared_ptr<TaskManager> TaskManager::create(engine::ExecutionServices engine,
    std::shared_ptr<exec::TaskRegistry> tasks, exec::ExchangeSourceFactory exchangeSources, TimerService& timers,
    TaskManagerConfig config) {
  std::shared_ptr<TaskManager> manager(
      new TaskManager(std::move(engine), std::move(tasks), std::move(exchangeSources), timers, std::move(config)));
  manager->scheduleSweep();
  return manager;
}

TaskManager::TaskManager(engine::ExecutionServices engine, std::shared_ptr<exec::TaskRegistry> tasks,
    exec::ExchangeSourceFactory exchangeSources, TimerService& timers, TaskManagerConfig config)
    : engine_(std::move(engine)), registry_(std::move(tasks)), exchangeSources_(std::move(exchangeSources)),
      timers_(timers), config_(std::move(config)) {}

TaskManager::~TaskManager() {
  timers_.cancel(sweepTimer_.load());
  for (const auto& [id, task] : tasks_) {
    task->terminate(/*abort=*/true);
    registry_->remove(id);
  }
}

TaskInfo TaskManager::updateTask(const std::string& taskId, const TaskUpdateRequest& request) {
  auto task = findOrAdd(taskId);
  {
    std::lock_guard<std::mutex> update(task->updateMutex());
    if (!task->initialized()) {
      try {
        createTask(*task, request);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = tasks_.find(taskId); it != tasks_.end() && it->second == task) {
          tasks_.erase(it);
        }
        throw;
      }
    }
    task->addSources(request.sources);
  }
  task->heartbeat();
  return task->info();
}

void TaskManager::createTask(ManagedTask& managed, const TaskUpdateRequest& request) {
  if (!request.fragment || !request.outputIds) {
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR,
        fmt::format("Malformed task update: task {} does not exist and the update has no {}", managed.taskId(),
            request.fragment ? "outputIds" : "fragment"));
  }
  TaskPlan plan;
  plan.outputBuffers = *request.outputIds;
  try {
    auto fragment = planFragmentFromJson(*request.fragment, {*engine_.metadata, *engine_.functions});
    engine::FragmentOutput output{fragment.root->as<sql::OutputNode>() != nullptr, plan.outputBuffers.numBuffers};
    auto physical = engine::PlanTranslator(*engine_.metadata, *engine_.functions).translateFragment(fragment, output);
    const auto& translated = physical.fragments.at(0);
    auto kind = bufferKind(plan.outputBuffers.type);
    if (kind != translated.outputKind) {
      throw PrestoException(errors::GENERIC_INTERNAL_ERROR,
          fmt::format("Task {} has {} output buffers but its fragment's output is {}", managed.taskId(),
              outputBufferTypeName(plan.outputBuffers.type), bufferKindName(translated.outputKind)));
    }
    for (const auto& scan : translated.scans) {
      plan.scans[scan.planNodeId] = scan.connector;
    }
    for (const auto& input : translated.remoteInputs) {
      plan.exchanges.insert(input.planNodeId);
    }
    exec::TaskConfig config = config_.task;
    config.concurrency = engine_.concurrency;
    if (auto it = request.session.systemProperties.find("task_concurrency");
        it != request.session.systemProperties.end()) {
      config.concurrency = std::stoi(it->second);
    }
    exec::TaskServices services;
    services.connectors = [connectors = physical.connectors](const std::string& catalog) -> connector::ConnectorPtr {
      auto it = connectors.find(catalog);
      return it == connectors.end() ? nullptr : it->second;
    };
    services.functions = engine_.functions;
    services.aggregates = engine_.aggregates;
    services.exchangeSources = exchangeSources_;
    plan.task = exec::Task::create(managed.taskId(), translated.root, config,
        {kind, plan.outputBuffers.numBuffers, translated.partitionChannels}, std::move(services),
        queryPool(request.session.queryId), engine_.executor);
    registry_->add(plan.task);
    plan.task->start();
  } catch (...) {
    // A task that failed to start holds its error itself.
    if (!plan.task) {
      plan.error = std::current_exception();
    }
  }
  managed.initialize(std::move(plan));
}

std::optional<TaskInfo> TaskManager::taskInfo(const std::string& taskId) {
  auto task = find(taskId);
  return task ? std::optional<TaskInfo>(task->info()) : std::nullopt;
}

std::optional<TaskStatus> TaskManager::taskStatus(const std::string& taskId) {
  auto task = find(taskId);
  return task ? std::optional<TaskStatus>(task->status()) : std::nullopt;
}

std::vector<TaskInfo> TaskManager::allTasks() {
  std::vector<std::string> ids;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [id, task] : tasks_) {
      ids.push_back(id);
    }
  }
  std::vector<TaskInfo> infos;
  for (const auto& id : ids) {
    if (auto task = find(id)) {
      infos.push_back(task->info());
    }
  }
  return infos;
}

TaskInfo TaskManager::deleteTask(const std::string& taskId, bool abort) {
  auto task = findOrAdd(taskId);
  {
    std::lock_guard<std::mutex> update(task->updateMutex());
    if (!task->initialized()) {
      task->markDeleted(abort ? TaskStatus::State::kAborted : TaskStatus::State::kCanceled);
    }
  }
  task->terminate(abort);
  task->heartbeat();
  return task->info();
}

bool TaskManager::onStateChange(const std::string& taskId, TaskStatus::State current, std::function<void()> callback) {
  auto task = find(taskId);
  if (!task) {
    return false;
  }
  task->onStateChange(current, std::move(callback));
  return true;
}

void TaskManager::removeOldTasks() {
  auto now = std::chrono::steady_clock::now();
  std::vector<std::shared_ptr<ManagedTask>> abandoned;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = tasks_.begin(); it != tasks_.end();) {
      const auto& task = it->second;
      auto lastHeartbeat = task->lastHeartbeat();
      auto end = task->endTime();
      if (end && now - std::max(*end, lastHeartbeat) > config_.infoMaxAge.toChrono()) {
        registry_->remove(it->first);
        it = tasks_.erase(it);
        continue;
      }
      if (!end && now - lastHeartbeat > config_.clientTimeout.toChrono()) {
        abandoned.push_back(task);
      }
      ++it;
    }
    std::erase_if(queryPools_, [](const auto& entry) { return entry.second.expired(); });
  }
  for (const auto& task : abandoned) {
    task->abandon(std::chrono::duration_cast<std::chrono::milliseconds>(now - task->lastHeartbeat()));
  }
}

std::shared_ptr<ManagedTask> TaskManager::find(const std::string& taskId) {
  std::shared_ptr<ManagedTask> task;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = tasks_.find(taskId);
    if (it == tasks_.end()) {
      return nullptr;
    }
    task = it->second;
  }
  {
    // Waits for a creation in progress.
    std::lock_guard<std::mutex> update(task->updateMutex());
    if (!task->initialized()) {
      return nullptr;
    }
  }
  task->heartbeat();
  return task;
}

std::shared_ptr<ManagedTask> TaskManager::findOrAdd(const std::string& taskId) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& task = tasks_[taskId];
  if (!task) {
    task = std::make_shared<ManagedTask>(taskId, fmt::format("{}/v1/task/{}", config_.baseUri, taskId), config_.nodeId);
  }
  return task;
}

MemoryPoolPtr TaskManager::queryPool(const std::string& queryId) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& pool = queryPools_[queryId];
  if (auto existing = pool.lock()) {
    return existing;
  }
  auto created = engine_.nodePool->addChild("query." + queryId, engine_.maxQueryMemoryBytes);
  pool = created;
  return created;
}

void TaskManager::scheduleSweep() {
  sweepTimer_ = timers_.schedule(TimerService::Clock::now() + config_.sweepInterval.toChrono(),
      [weak = weak_from_this()] {
        if (auto self = weak.lock()) {
          self->removeOldTasks();
          self->scheduleSweep();
        }
      });
}

} // namespace presto::server::worker
