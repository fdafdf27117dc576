#include <condition_variable>

#include <fmt/format.h>

#include "common/Check.h"
#include "common/PrestoException.h"
#include "engine/LocalQueryRunnerImpl.h"
#include "exec/InProcessExchangeSource.h"
#include "exec/RemoteSplit.h"
#include "exec/Task.h"

namespace presto::engine {
namespace {

/// Blocks the calling (non-executor) thread until `future` completes or `stop` (called every
/// 50 ms) returns true.
void waitFor(const exec::ContinueFuture& future, const std::function<bool()>& stop) {
  auto mutex = std::make_shared<std::mutex>();
  auto ready = std::make_shared<bool>(false);
  auto condition = std::make_shared<std::condition_variable>();
  future.then([mutex, ready, condition] {
    std::lock_guard<std::mutex> lock(*mutex);
    *ready = true;
    condition->notify_all();
  });
  std::unique_lock<std::mutex> lock(*mutex);
  while (!condition->wait_for(lock, std::chrono::milliseconds(50), [&] { return *ready; })) {
    if (stop()) {
      return;
    }
  }
}

using FragmentTasks = std::vector<std::vector<exec::TaskPtr>>;

/// Hands every split of every scan to the tasks of its fragment, round robin.
void addScanSplits(const PhysicalFragment& fragment, const std::vector<exec::TaskPtr>& tasks) {
  for (const auto& scan : fragment.scans) {
    auto source = scan.connector->splitManager().getSplits(scan.table, connector::SplitContext{{"local"}});
    std::vector<int64_t> sequence(tasks.size(), 0);
    size_t next = 0;
    while (!source->isFinished()) {
      for (auto& split : source->getNextBatch(1000)) {
        auto task = next++ % tasks.size();
        tasks[task]->addSplit(scan.planNodeId, exec::Split{sequence[task]++, std::move(split)});
      }
    }
    for (const auto& task : tasks) {
      task->noMoreSplits(scan.planNodeId);
    }
  }
}

/// Points every exchange of the fragment's tasks at the output buffers of its producer tasks.
void addRemoteSplits(const PhysicalFragment& fragment, const FragmentTasks& tasks) {
  const auto& consumers = tasks[static_cast<size_t>(fragment.id)];
  for (const auto& input : fragment.remoteInputs) {
    for (size_t consumer = 0; consumer < consumers.size(); ++consumer) {
      int64_t sequence = 0;
      for (auto source : input.sourceFragments) {
        for (const auto& producer : tasks[static_cast<size_t>(source)]) {
          auto buffer = input.bufferPerConsumer ? static_cast<int32_t>(consumer) : 0;
          consumers[consumer]->addSplit(
              input.planNodeId, exec::Split{sequence++, std::make_shared<exec::RemoteSplit>(producer->taskId(), buffer)});
        }
      }
      consumers[consumer]->noMoreSplits(input.planNodeId);
    }
  }
}

/// The error to report for a failed query: the first failure that is not a consequence of
/// another task's failure.
std::exception_ptr queryError(const FragmentTasks& tasks) {
  std::exception_ptr any;
  for (const auto& fragment : tasks) {
    for (const auto& task : fragment) {
      auto error = task->error();
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

StatementProgress progressOf(const FragmentTasks& tasks) {
  StatementProgress progress;
  for (const auto& fragment : tasks) {
    for (const auto& task : fragment) {
      auto stats = task->stats();
      progress.totalSplits += stats.numDrivers;
      progress.completedSplits += stats.numFinishedDrivers;
      progress.cpuNanos += stats.cpuNanos;
      progress.peakMemoryBytes += stats.peakMemoryBytes;
      for (const auto& pipeline : stats.pipelines) {
        for (const auto& op : pipeline.operators) {
          if (op.operatorType == "TableScan") {
            progress.processedRows += op.outputRows;
            progress.processedBytes += op.outputBytes;
          }
        }
      }
    }
  }
  progress.runningSplits = progress.totalSplits - progress.completedSplits;
  return progress;
}

/// Reports progress to a listener at most every 250 ms.
class ProgressReporter {
 public:
  ProgressReporter(const FragmentTasks& tasks, StatementListener* listener) : tasks_(tasks), listener_(listener) {}

  void maybeReport() {
    auto now = std::chrono::steady_clock::now();
    if (listener_ != nullptr && now >= next_) {
      next_ = now + std::chrono::milliseconds(250);
      listener_->onProgress(progressOf(tasks_));
    }
  }

  void reportFinal() {
    if (listener_ != nullptr) {
      listener_->onProgress(progressOf(tasks_));
    }
  }

 private:
  const FragmentTasks& tasks_;
  StatementListener* const listener_;
  std::chrono::steady_clock::time_point next_ = std::chrono::steady_clock::now();
};

} // namespace

TaskStatistics LocalQueryRunnerImpl::runTasks(const PhysicalPlan& plan, const std::string& queryId,
    int32_t concurrency, const std::function<void(PagePtr)>& consume, StatementListener* listener) {
  exec::TaskConfig config;
  config.concurrency = concurrency;
  config.maxTaskMemoryBytes = options_.maxQueryMemoryBytes;
  exec::TaskServices services;
  services.connectors = [connectors = plan.connectors](const std::string& catalog) -> connector::ConnectorPtr {
    auto it = connectors.find(catalog);
    return it == connectors.end() ? nullptr : it->second;
  };
  services.functions = functions_;
  services.aggregates = aggregates_;
  services.exchangeSources = exec::inProcessExchangeSources(taskRegistry_);
  // One pool per query: its limit is the query's, whatever the number of its tasks.
  auto queryPool = nodePool_->addChild("query." + queryId, options_.maxQueryMemoryBytes);

  FragmentTasks tasks(plan.fragments.size());
  for (const auto& fragment : plan.fragments) {
    exec::OutputBufferSpec output{fragment.outputKind, fragment.outputBuffers, fragment.partitionChannels};
    for (int32_t i = 0; i < fragment.taskCount; ++i) {
      auto task = exec::Task::create(fmt::format("{}.{}.{}", queryId, fragment.id, i), fragment.root, config, output,
          services, queryPool, executor_.get());
      taskRegistry_->add(task);
      tasks[static_cast<size_t>(fragment.id)].push_back(std::move(task));
    }
  }
  auto cancelAll = [&] {
    for (const auto& fragment : tasks) {
      for (const auto& task : fragment) {
        task->cancel();
      }
    }
  };
  auto anyFailed = [&] { return queryError(tasks) != nullptr; };
  ProgressReporter progress(tasks, listener);
  auto stopWaiting = [&] {
    progress.maybeReport();
    return (listener != nullptr && listener->isCanceled()) || anyFailed();
  };
  const auto& root = tasks[static_cast<size_t>(plan.rootFragment)].at(0);
  try {
    for (const auto& fragment : tasks) {
      for (const auto& task : fragment) {
        task->start();
      }
    }
    for (const auto& fragment : plan.fragments) {
      addScanSplits(fragment, tasks[static_cast<size_t>(fragment.id)]);
      addRemoteSplits(fragment, tasks);
    }
    int64_t token = 0;
    for (;;) {
      if (listener != nullptr && listener->isCanceled()) {
        throw PrestoException(errors::USER_CANCELED, "Query was canceled");
      }
      if (auto error = queryError(tasks)) {
        std::rethrow_exception(error);
      }
      exec::OutputBuffer::Result result;
      exec::ContinueFuture future;
      if (!root->outputBuffer()->getPages(0, token, 1 << 20, result, &future)) {
        waitFor(future, stopWaiting);
        continue;
      }
      for (auto& page : result.pages) {
        consume(std::move(page));
      }
      progress.maybeReport();
      token = result.nextToken;
      if (result.complete) {
        root->outputBuffer()->acknowledge(0, token);
        break;
      }
    }
  } catch (...) {
    cancelAll();
    for (const auto& fragment : tasks) {
      for (const auto& task : fragment) {
        taskRegistry_->remove(task->taskId());
      }
    }
    throw;
  }
  TaskStatistics stats;
  for (const auto& fragment : tasks) {
    for (const auto& task : fragment) {
      // Producers whose consumers stopped early (LIMIT) finish once abandoned.
      if (!task->waitForCompletion(std::chrono::seconds(10))) {
        task->cancel();
      }
      taskRegistry_->remove(task->taskId());
      stats.emplace(task->taskId(), task->stats());
    }
  }
  progress.reportFinal();
  if (auto error = root->error()) {
    std::rethrow_exception(error);
  }
  PRESTO_CHECK(root->state() == exec::TaskState::kFinished, "task ended {}", exec::taskStateName(root->state()));
  return stats;
}

} // namespace presto::engine
