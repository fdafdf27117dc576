#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace presto::exec {

/// Counters of one operator instance (or, summed, of all instances of one plan node in a pipeline).
struct OperatorStats {
  int32_t operatorId = 0;
  std::string planNodeId;
  std::string operatorType;

  int64_t inputRows = 0;
  int64_t inputBytes = 0;
  int64_t inputPages = 0;
  int64_t outputRows = 0;
  int64_t outputBytes = 0;
  int64_t outputPages = 0;
  int64_t cpuNanos = 0;
  int64_t wallNanos = 0;
  int64_t blockedNanos = 0;
  int64_t peakMemoryBytes = 0;
  /// Operator-specific counters (e.g. "hashTableMode", "spilledRows" later).
  int64_t numDrivers = 1;

  /// Adds `other` (same plan node, another driver): sums counters, takes the max of peaks.
  void add(const OperatorStats& other);
};

/// The operators of one pipeline, in pipeline order, summed over its drivers.
struct PipelineStats {
  int32_t pipelineId = 0;
  std::vector<OperatorStats> operators;
  int64_t inputRows = 0;
  int64_t outputRows = 0;
  int64_t cpuNanos = 0;
  int64_t wallNanos = 0;
  int64_t blockedNanos = 0;
};

/// Everything the task knows about its execution, rolled up from pipelines.
struct TaskStats {
  std::vector<PipelineStats> pipelines;
  int64_t cpuNanos = 0;
  int64_t wallNanos = 0;
  int64_t blockedNanos = 0;
  int64_t peakMemoryBytes = 0;
  int64_t numDrivers = 0;
  int64_t numFinishedDrivers = 0;
  int64_t numSplits = 0;
  int64_t outputRows = 0;
  int64_t outputBytes = 0;

  /// A short multi-line rendering for logs and tests.
  std::string toString() const;
};

} // namespace presto::exec
