#pragma once

#include <cstdint>
#include <memory>

#include "common/memory/MemoryPool.h"

namespace presto {
class FunctionRegistry;
}

namespace presto::sql {
class MetadataManager;
}

namespace presto::exec {
class AggregateResolver;
class TaskExecutor;
} // namespace presto::exec

namespace presto::engine {

/// What a worker running the plan fragments of task updates takes from an engine: the catalogs
/// and functions fragments are decoded and translated against, what their tasks run with, and
/// the engine's memory pool for them. The engine owns all of it and must outlive its users.
struct ExecutionServices {
  const sql::MetadataManager* metadata = nullptr;
  std::shared_ptr<const FunctionRegistry> functions;
  std::shared_ptr<const exec::AggregateResolver> aggregates;
  exec::TaskExecutor* executor = nullptr;
  MemoryPoolPtr nodePool;
  /// Drivers per pipeline (`task.concurrency`) unless a session says otherwise.
  int32_t concurrency = 1;
  /// Memory limit of one query on this node (`query.max-memory-per-node`).
  int64_t maxQueryMemoryBytes = int64_t{8} << 30;
};

} // namespace presto::engine
