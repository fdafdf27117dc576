#pragma once

#include <chrono>
#include <cstdint>

namespace presto {
class ConfigReader;
}

namespace presto::exec {

/// Execution settings of a task, read once (from session/config properties) and injected.
struct TaskConfig {
  /// How long a driver runs before it yields its thread.
  std::chrono::nanoseconds driverQuantum = std::chrono::seconds(1);
  /// Drivers per pipeline that can run in parallel (`task.concurrency`).
  int32_t concurrency = 1;
  /// Rows per page operators aim to produce.
  int32_t preferredPageRows = 1024;
  /// Bytes an output buffer may hold before producers block.
  int64_t maxOutputBufferBytes = 32 << 20;
  /// Bytes a local exchange may hold before producers block.
  int64_t maxLocalExchangeBytes = 32 << 20;
  /// Bytes an exchange asks one upstream buffer for at a time (it holds at most that much per
  /// upstream buffer).
  int64_t maxExchangeResponseBytes = 1 << 20;
  /// Bytes an exchange may hold, received and expected from the requests in flight
  /// (`exchange.max-buffer-size`): it sends no more concurrent requests than fit.
  int64_t maxExchangeBufferBytes = 32 << 20;
  /// A join build fed by several drivers with at least this many rows is built as one table per
  /// driver (partitions of the key hashes) in parallel; smaller ones as one table, since every
  /// probe row of a partitioned build pays for finding its partition.
  int64_t minPartitionedJoinBuildRows = 1'000'000;
  /// A partial aggregation reaching this many groups emits them and starts over when its input
  /// had at least two rows per group so far (then a table that stays in cache costs less than
  /// the final step's extra rows), and in any case at 8 times as many groups.
  int64_t maxPartialAggregationGroups = 1 << 17;
  /// Memory limit of the task's pool (user + system).
  int64_t maxTaskMemoryBytes = int64_t{8} << 30;

  /// Reads `task.concurrency`, `task.driver-quantum`, `task.max-output-buffer-size`,
  /// `task.max-local-exchange-buffer-size`, `exchange.max-response-size`,
  /// `exchange.max-buffer-size`, `task.max-memory`,
  /// `task.page-rows`.
  static TaskConfig fromConfig(ConfigReader& config);
};

} // namespace presto::exec
