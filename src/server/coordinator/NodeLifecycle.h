#pragma once

#include <cstdint>
#include <functional>

namespace presto::server {

/// Whether the node takes new work (`GET/PUT /v1/info/state`).
enum class NodeState { kActive, kShuttingDown };

/// What the info endpoints ask of a node, coordinator or worker: its state, a graceful shutdown and
/// its load.
class NodeLifecycle {
 public:
  virtual ~NodeLifecycle() = default;
  virtual NodeState nodeState() const = 0;
  /// Stops taking work; once the work in progress has ended, `onDrained` runs once.
  virtual void shutDown(std::function<void()> onDrained) = 0;
  /// Queries (coordinator) or tasks (worker) in progress.
  virtual int64_t activeQueryCount() const = 0;
};

} // namespace presto::server
