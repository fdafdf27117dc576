#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace presto::exec {

class Task;

/// The tasks running in this process, by task id, so that an in-process exchange can find the
/// output buffer of an upstream task. Does not own the tasks: whoever schedules them keeps them
/// alive, and an entry whose task is gone reads as absent. Thread-safe.
class TaskRegistry {
 public:
  /// Registers `task` under its id (replacing a previous task of that id).
  void add(const std::shared_ptr<Task>& task);
  void remove(const std::string& taskId);
  /// The task, or nullptr if it is unknown or gone.
  std::shared_ptr<Task> find(const std::string& taskId) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::weak_ptr<Task>> tasks_;
};

} // namespace presto::exec
