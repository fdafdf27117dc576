#include "engine/QueryTask.h"

namespace presto::engine {

void LocalQueryTask::addSplits(const std::string& planNodeId, std::vector<exec::Split> splits, bool noMoreSplits) {
  for (auto& split : splits) {
    task_->addSplit(planNodeId, std::move(split));
  }
  if (noMoreSplits) {
    task_->noMoreSplits(planNodeId);
  }
}

QueryTaskStatus LocalQueryTask::status() const {
  QueryTaskStatus status;
  auto state = task_->state();
  status.done = state != exec::TaskState::kPlanned && state != exec::TaskState::kRunning;
  status.error = task_->error();
  status.queuedSplits = task_->queuedSplits();
  status.memoryBytes = task_->pool()->userBytes();
  return status;
}

StatementProgress LocalQueryTask::progress() const {
  StatementProgress progress;
  auto stats = task_->stats();
  progress.peakMemoryBytes = stats.peakMemoryBytes;
  progress.totalSplits = stats.numDrivers;
  progress.completedSplits = stats.numFinishedDrivers;
  progress.runningSplits = stats.numDrivers - stats.numFinishedDrivers;
  progress.cpuNanos = stats.cpuNanos;
  for (const auto& pipeline : stats.pipelines) {
    for (const auto& op : pipeline.operators) {
      if (op.operatorType == "TableScan") {
        progress.processedRows += op.outputRows;
        progress.processedBytes += op.outputBytes;
      }
    }
  }
  return progress;
}

} // namespace presto::engine
