#include "exec/TaskRegistry.h"

#include "exec/Task.h"

namespace presto::exec {

void TaskRegistry::add(const std::shared_ptr<Task>& task) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(tasks_, [](const auto& entry) { return entry.second.expired(); });
  tasks_[task->taskId()] = task;
}

void TaskRegistry::remove(const std::string& taskId) {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_.erase(taskId);
}

std::shared_ptr<Task> TaskRegistry::find(const std::string& taskId) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = tasks_.find(taskId);
  return it == tasks_.end() ? nullptr : it->second.lock();
}

} // namespace presto::exec
