#include "engine/QueryScheduler.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "common/Duration.h"
#include "common/PrestoException.h"
#include "exec/RemoteSplit.h"
#include "exec/plan/TableWriterNode.h"

namespace presto::engine {
namespace {

/// How many splits are asked of a split source at a time.
constexpr size_t kSplitBatchSize = 100;
/// How often node health and the query's memory over the cluster are checked.
constexpr auto kClusterCheckInterval = std::chrono::milliseconds(100);
/// How long the creation of a task on a worker may take before its consumers are told of it anyway
/// (they then fail unless it appears).
constexpr auto kTaskCreationTimeout = std::chrono::seconds(10);
/// How long tasks still running after the result was read may take to end.
constexpr auto kFinishGracePeriod = std::chrono::seconds(10);

bool writes(const exec::PlanNode& node) {
  if (dynamic_cast<const exec::TableWriterNode*>(&node) != nullptr ||
      dynamic_cast<const exec::TableCommitNode*>(&node) != nullptr) {
    return true;
  }
  return std::any_of(node.sources().begin(), node.sources().end(), [](const auto& source) { return writes(*source); });
}

} // namespace

QueryScheduler::QueryScheduler(const PhysicalPlan& plan, const sql::Session& session, std::string queryId,
    LocalTaskContext local, RemoteTaskFactory* cluster)
    : plan_(plan), session_(session), queryId_(std::move(queryId)), local_(std::move(local)), cluster_(cluster),
      tasks_(plan.fragments.size()), remote_(plan.fragments.size(), false) {}

QueryScheduler::~QueryScheduler() {
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      if (task->isLocal()) {
        local_.registry->remove(task->taskId());
      }
    }
  }
}

bool QueryScheduler::runsRemotely(const PhysicalFragment& fragment) const {
  if (cluster_ == nullptr || fragment.id == plan_.rootFragment ||
      plan_.distributed.fragments.at(static_cast<size_t>(fragment.id)).partitioning ==
          sql::PlanFragment::Partitioning::kCoordinatorOnly) {
    return false;
  }
  bool anywhere = std::all_of(fragment.scans.begin(), fragment.scans.end(),
      [](const ScanSource& scan) { return scan.connector->readableOnAnyNode(); });
  return anywhere && !writes(*fragment.root) && !fragment.usesOtherFragmentsConstants;
}

std::vector<WorkerNode> QueryScheduler::placeTasks(
    const PhysicalFragment& fragment, const std::vector<WorkerNode>& workers) const {
  if (!remote_[static_cast<size_t>(fragment.id)]) {
    return std::vector<WorkerNode>(static_cast<size_t>(fragment.taskCount), WorkerNode{local_.nodeId, ""});
  }
  // A leaf fragment runs one task per node; the others spread their tasks over the nodes,
  // starting at a node that depends on the fragment so that single tasks do not all land on one.
  if (!fragment.scans.empty()) {
    return workers;
  }
  std::vector<WorkerNode> nodes;
  for (int32_t i = 0; i < fragment.taskCount; ++i) {
    nodes.push_back(workers[static_cast<size_t>(fragment.id + i) % workers.size()]);
  }
  return nodes;
}

void QueryScheduler::start() {
  for (const auto& fragment : plan_.fragments) {
    remote_[static_cast<size_t>(fragment.id)] = runsRemotely(fragment);
  }
  if (std::find(remote_.begin(), remote_.end(), true) != remote_.end()) {
    workers_ = cluster_->workers();
    if (workers_.empty()) {
      throw PrestoException(errors::NO_NODES_AVAILABLE, "No worker nodes available");
    }
  }
  createTasks();
  // Consumers ask for their producers' output as soon as they know them.
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      task->waitUntilCreated(kTaskCreationTimeout);
    }
  }
  addRemoteSplits();
  addScanSplits();
}

void QueryScheduler::createTasks() {
  std::vector<std::vector<WorkerNode>> placement;
  for (const auto& fragment : plan_.fragments) {
    placement.push_back(placeTasks(fragment, workers_));
  }
  // A producer has one output buffer per consumer task where its rows are spread or copied
  // over them.
  std::vector<int32_t> outputBuffers;
  for (const auto& fragment : plan_.fragments) {
    outputBuffers.push_back(fragment.outputBuffers);
  }
  for (const auto& consumer : plan_.fragments) {
    for (const auto& input : consumer.remoteInputs) {
      for (auto source : input.sourceFragments) {
        outputBuffers[static_cast<size_t>(source)] =
            input.bufferPerConsumer ? static_cast<int32_t>(placement[static_cast<size_t>(consumer.id)].size()) : 1;
      }
    }
  }
  auto self = cluster_ != nullptr ? cluster_->self() : WorkerNode{local_.nodeId, ""};
  for (const auto& fragment : plan_.fragments) {
    auto id = static_cast<size_t>(fragment.id);
    exec::OutputBufferSpec output{fragment.outputKind, outputBuffers[id], fragment.partitionChannels};
    std::map<std::string, std::string> scanCatalogs;
    for (const auto& scan : fragment.scans) {
      scanCatalogs[scan.planNodeId] = scan.catalog;
    }
    for (size_t i = 0; i < placement[id].size(); ++i) {
      if (remote_[id]) {
        auto taskId = fmt::format("{}.{}.0.{}.0", queryId_, fragment.id, i);
        RemoteTaskSpec spec{queryId_, taskId, session_, plan_.distributed.fragments.at(id), output, scanCatalogs};
        tasks_[id].push_back(cluster_->createTask(placement[id][i], spec));
        continue;
      }
      auto taskId = fmt::format("{}.{}.{}", queryId_, fragment.id, i);
      auto task = exec::Task::create(
          taskId, fragment.root, local_.config, output, local_.services, local_.pool, local_.executor);
      local_.registry->add(task);
      task->start();
      auto location = self.uri.empty() ? "" : self.uri + "/v1/task/" + taskId;
      tasks_[id].push_back(std::make_shared<LocalQueryTask>(std::move(task), self.nodeId, std::move(location)));
    }
  }
}

void QueryScheduler::addRemoteSplits() {
  for (const auto& fragment : plan_.fragments) {
    const auto& consumers = tasks_[static_cast<size_t>(fragment.id)];
    for (const auto& input : fragment.remoteInputs) {
      for (size_t consumer = 0; consumer < consumers.size(); ++consumer) {
        std::vector<exec::Split> splits;
        for (auto source : input.sourceFragments) {
          for (const auto& producer : tasks_[static_cast<size_t>(source)]) {
            auto buffer = input.bufferPerConsumer ? static_cast<int32_t>(consumer) : 0;
            // Tasks of this process read each other in-process.
            auto location = consumers[consumer]->isLocal() && producer->isLocal() ? "" : producer->location();
            splits.push_back(exec::Split{static_cast<int64_t>(splits.size()),
                std::make_shared<exec::RemoteSplit>(producer->taskId(), buffer, location)});
          }
        }
        consumers[consumer]->addSplits(input.planNodeId, std::move(splits), true);
      }
    }
  }
}

void QueryScheduler::addScanSplits() {
  std::vector<std::string> nodes;
  for (const auto& worker : workers_) {
    nodes.push_back(worker.nodeId);
  }
  auto policy = session_.property("execution_policy");
  phases_ = policy && *policy == "phased" ? executionPhases(plan_.distributed) : allAtOnce(plan_.distributed);
  for (const auto& fragment : plan_.fragments) {
    auto id = static_cast<size_t>(fragment.id);
    const auto& tasks = tasks_[id];
    for (const auto& scan : fragment.scans) {
      auto context = remote_[id] ? connector::SplitContext{nodes} : connector::SplitContext{{local_.nodeId}};
      pendingScans_.push_back({scan.planNodeId, tasks, scan.connector->splitManager().getSplits(scan.table, context),
          std::vector<int64_t>(tasks.size(), 0),
          remote_[id] ? cluster_->maxPendingSplitsPerTask() : std::numeric_limits<int64_t>::max(),
          remote_[id] ? cluster_->maxSplitsPerNode() : std::numeric_limits<int64_t>::max(), phases_.phase[id]});
    }
  }
  scheduleSplits();
}

void QueryScheduler::scheduleSplits() {
  if (pendingScans_.empty()) {
    return;
  }
  auto released = phases_.releasedPhase([&](int32_t fragment) {
    const auto& tasks = tasks_[static_cast<size_t>(fragment)];
    return std::all_of(tasks.begin(), tasks.end(), [](const auto& task) { return task->status().done; });
  });
  auto exhausted = std::remove_if(pendingScans_.begin(), pendingScans_.end(),
      [&](auto& scan) { return scan.phase <= released && schedule(scan); });
  pendingScans_.erase(exhausted, pendingScans_.end());
}

bool QueryScheduler::hasSplitsToSchedule() const {
  return !pendingScans_.empty();
}

bool QueryScheduler::schedule(PendingScan& scan) {
  std::vector<int64_t> queued;
  for (const auto& task : scan.tasks) {
    queued.push_back(task->status().queuedSplits);
  }
  // Splits queued on each node by every task of the query there.
  std::map<std::string, int64_t> nodeQueued;
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      nodeQueued[task->nodeId()] += task->status().queuedSplits;
    }
  }
  auto room = [&](size_t task) {
    return std::max<int64_t>(0, std::min(scan.maxQueuedSplits - queued[task],
        scan.maxQueuedSplitsPerNode - nodeQueued[scan.tasks[task]->nodeId()]));
  };
  std::vector<std::vector<exec::Split>> assigned(scan.tasks.size());
  while (!scan.source->isFinished()) {
    size_t total = 0;
    for (size_t task = 0; task < scan.tasks.size(); ++task) {
      total = std::min(kSplitBatchSize, total + static_cast<size_t>(room(task)));
    }
    if (total == 0) {
      break;
    }
    auto batch = scan.source->getNextBatch(total);
    if (batch.empty()) {
      break;
    }
    for (auto& split : batch) {
      // The shortest queue with room takes the split.
      std::optional<size_t> shortest;
      for (size_t task = 0; task < scan.tasks.size(); ++task) {
        if (room(task) > 0 && (!shortest || queued[task] < queued[*shortest])) {
          shortest = task;
        }
      }
      // A task on a node shared with another of the scan's tasks may have lost its room to it.
      auto task = shortest.value_or(static_cast<size_t>(std::min_element(queued.begin(), queued.end()) - queued.begin()));
      ++queued[task];
      ++nodeQueued[scan.tasks[task]->nodeId()];
      assigned[task].push_back(exec::Split{scan.nextSequenceId[task]++, std::move(split)});
    }
  }
  bool finished = scan.source->isFinished();
  for (size_t i = 0; i < scan.tasks.size(); ++i) {
    if (!assigned[i].empty() || finished) {
      scan.tasks[i]->addSplits(scan.planNodeId, std::move(assigned[i]), finished);
    }
  }
  return finished;
}

exec::OutputBufferPtr QueryScheduler::rootOutput() const {
  return tasks_.at(static_cast<size_t>(plan_.rootFragment)).at(0)->outputBuffer();
}

std::exception_ptr QueryScheduler::taskFailure() const {
  std::exception_ptr any;
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      auto error = task->status().error;
      if (!error) {
        continue;
      }
      try {
        std::rethrow_exception(error);
      } catch (const PrestoException& exception) {
        if (exception.errorCode().code != errors::REMOTE_TASK_ERROR.code) {
          return error;
        }
      } catch (...) {
        return error;
      }
      any = any ? any : error;
    }
  }
  return any;
}

std::exception_ptr QueryScheduler::clusterFailure() {
  auto now = std::chrono::steady_clock::now();
  if (clusterError_ || cluster_ == nullptr || now < nextClusterCheck_) {
    return clusterError_;
  }
  nextClusterCheck_ = now + kClusterCheckInterval;
  int64_t memory = 0;
  std::set<std::string> checked;
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      memory += task->status().memoryBytes;
      if (task->isLocal() || !checked.insert(task->nodeId()).second) {
        continue;
      }
      if (auto gone = cluster_->nodeFailure(task->nodeId())) {
        clusterError_ = std::make_exception_ptr(PrestoException(errors::REMOTE_HOST_GONE,
            fmt::format("Node {} is gone ({}); its task {} failed", task->nodeId(), *gone, task->taskId())));
        return clusterError_;
      }
    }
  }
  if (memory > cluster_->maxQueryMemoryBytes()) {
    clusterError_ = std::make_exception_ptr(PrestoException(errors::EXCEEDED_GLOBAL_MEMORY_LIMIT,
        fmt::format("Query exceeded distributed user memory limit of {}",
            DataSize(static_cast<uint64_t>(cluster_->maxQueryMemoryBytes())).toString())));
  }
  return clusterError_;
}

std::exception_ptr QueryScheduler::failure() {
  if (auto error = taskFailure()) {
    return error;
  }
  return clusterFailure();
}

void QueryScheduler::abort() {
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      task->cancel();
    }
  }
}

TaskStatistics QueryScheduler::finish() {
  TaskStatistics stats;
  auto deadline = std::chrono::steady_clock::now() + kFinishGracePeriod;
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      // Producers whose consumers stopped early (LIMIT) finish once abandoned.
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (!task->waitForCompletion(std::max(left, std::chrono::milliseconds(0)))) {
        task->cancel();
      }
      if (auto taskStats = task->stats()) {
        stats.emplace(task->taskId(), std::move(*taskStats));
      }
    }
  }
  return stats;
}

std::exception_ptr QueryScheduler::rootError() const {
  return tasks_.at(static_cast<size_t>(plan_.rootFragment)).at(0)->status().error;
}

StatementProgress QueryScheduler::progress() const {
  StatementProgress progress;
  std::set<std::string> nodes;
  for (const auto& fragment : tasks_) {
    for (const auto& task : fragment) {
      nodes.insert(task->nodeId());
      auto done = task->progress();
      progress.totalSplits += done.totalSplits;
      progress.completedSplits += done.completedSplits;
      progress.cpuNanos += done.cpuNanos;
      progress.peakMemoryBytes += done.peakMemoryBytes;
      progress.processedRows += done.processedRows;
      progress.processedBytes += done.processedBytes;
    }
  }
  progress.nodes = static_cast<int32_t>(std::max<size_t>(1, nodes.size()));
  progress.runningSplits = progress.totalSplits - progress.completedSplits;
  return progress;
}

} // namespace presto::engine
