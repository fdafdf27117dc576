#include "exec/OperatorStats.h"

#include <algorithm>

#include <fmt/format.h>

#include "exec/BlockingReason.h"

namespace presto::exec {

std::string_view blockingReasonName(BlockingReason reason) {
  switch (reason) {
    case BlockingReason::kNotBlocked: return "NOT_BLOCKED";
    case BlockingReason::kWaitForConsumer: return "WAIT_FOR_CONSUMER";
    case BlockingReason::kWaitForSplit: return "WAIT_FOR_SPLIT";
    case BlockingReason::kWaitForProducer: return "WAIT_FOR_PRODUCER";
    case BlockingReason::kWaitForJoinBuild: return "WAIT_FOR_JOIN_BUILD";
    case BlockingReason::kWaitForJoinProbe: return "WAIT_FOR_JOIN_PROBE";
    case BlockingReason::kWaitForMemory: return "WAIT_FOR_MEMORY";
  }
  return "UNKNOWN";
}

void OperatorStats::add(const OperatorStats& other) {
  inputRows += other.inputRows;
  inputBytes += other.inputBytes;
  inputPages += other.inputPages;
  outputRows += other.outputRows;
  outputBytes += other.outputBytes;
  outputPages += other.outputPages;
  cpuNanos += other.cpuNanos;
  wallNanos += other.wallNanos;
  blockedNanos += other.blockedNanos;
  peakMemoryBytes = std::max(peakMemoryBytes, other.peakMemoryBytes);
  numDrivers += other.numDrivers;
}

std::string TaskStats::toString() const {
  std::string text = fmt::format("task: cpu={}us wall={}us blocked={}us peak={}B drivers={}/{} splits={}\n",
      cpuNanos / 1000, wallNanos / 1000, blockedNanos / 1000, peakMemoryBytes, numFinishedDrivers, numDrivers,
      numSplits);
  for (const auto& pipeline : pipelines) {
    text += fmt::format("  pipeline {}: in={} out={} cpu={}us\n", pipeline.pipelineId, pipeline.inputRows,
        pipeline.outputRows, pipeline.cpuNanos / 1000);
    for (const auto& op : pipeline.operators) {
      text += fmt::format("    {}#{} [{}]: in={} out={} cpu={}us blocked={}us peak={}B drivers={}\n",
          op.operatorType, op.operatorId, op.planNodeId, op.inputRows, op.outputRows, op.cpuNanos / 1000,
          op.blockedNanos / 1000, op.peakMemoryBytes, op.numDrivers);
    }
  }
  return text;
}

} // namespace presto::exec
