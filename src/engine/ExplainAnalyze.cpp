#include <fmt/format.h>

#include "engine/LocalQueryRunnerImpl.h"
#include "sql/planner/PlanPrinter.h"
#include "vector/VectorValues.h"

namespace presto::engine {
namespace {

std::string millis(int64_t nanos) {
  return fmt::format("{:.2f}ms", static_cast<double>(nanos) / 1e6);
}

std::string bytes(int64_t count) {
  if (count >= (1 << 20)) {
    return fmt::format("{:.2f}MB", static_cast<double>(count) / (1 << 20));
  }
  if (count >= (1 << 10)) {
    return fmt::format("{:.2f}kB", static_cast<double>(count) / (1 << 10));
  }
  return fmt::format("{}B", count);
}

/// One task's pipelines and operators.
std::string renderTask(const std::string& taskId, const exec::TaskStats& stats) {
  std::string text = fmt::format("Task {}: CPU {}, wall {}, blocked {}, peak memory {}, {} drivers, {} splits\n",
      taskId, millis(stats.cpuNanos), millis(stats.wallNanos), millis(stats.blockedNanos),
      bytes(stats.peakMemoryBytes), stats.numDrivers, stats.numSplits);
  for (const auto& pipeline : stats.pipelines) {
    text += fmt::format("Pipeline {}: input {} rows, output {} rows, CPU {}, wall {}, blocked {}\n",
        pipeline.pipelineId, pipeline.inputRows, pipeline.outputRows, millis(pipeline.cpuNanos),
        millis(pipeline.wallNanos), millis(pipeline.blockedNanos));
    for (const auto& op : pipeline.operators) {
      text += fmt::format("    {}[{}] x{}: input {} rows ({}), output {} rows ({}), CPU {}, wall {}, blocked {}, "
                          "peak memory {}\n",
          op.operatorType, op.planNodeId, op.numDrivers, op.inputRows, bytes(op.inputBytes), op.outputRows,
          bytes(op.outputBytes), millis(op.cpuNanos), millis(op.wallNanos), millis(op.blockedNanos),
          bytes(op.peakMemoryBytes));
    }
  }
  return text;
}

/// The operators of each pipeline of each task (`query.fragment.task`) with their rows, times
/// and memory (physical operators name the logical node they implement by its id, e.g. `12` or
/// `12.partial`).
std::string renderStats(const TaskStatistics& tasks) {
  std::string text;
  for (const auto& [taskId, stats] : tasks) {
    text += renderTask(taskId, stats);
  }
  return text;
}

} // namespace

StatementResult LocalQueryRunnerImpl::explainAnalyze(
    const sql::Session& session, const sql::Explain& explain, const std::string& queryId) {
  sql::PlanNodePtr logical;
  auto physical = physicalPlan(session, *explain.statement, &logical);
  auto stats = runPlan(session, physical, queryId, [](PagePtr) {}, nullptr);
  auto text = sql::printPlan(*logical) + "\n" + renderStats(stats);
  StatementResult result;
  result.columnNames = {"Query Plan"};
  result.columnTypes = {VARCHAR()};
  result.pages = {std::make_shared<Page>(std::vector<VectorPtr>{vectorFromValues(VARCHAR(), {Value(text)})})};
  return result;
}

} // namespace presto::engine
