#pragma once

#include <string_view>

namespace presto::exec {

/// Why an operator (and so its driver) cannot make progress right now.
enum class BlockingReason {
  kNotBlocked,
  /// A consumer's buffer is full (output buffer, local exchange queue).
  kWaitForConsumer,
  /// The task has no split for a table scan yet.
  kWaitForSplit,
  /// An exchange source (local, or remote upstream tasks) has no data yet.
  kWaitForProducer,
  /// A probe waits for the hash table of its build side.
  kWaitForJoinBuild,
  /// A build driver waits for its peers to finish building.
  kWaitForJoinProbe,
  /// A writer waits for memory or the connector.
  kWaitForMemory,
};

std::string_view blockingReasonName(BlockingReason reason);

} // namespace presto::exec
