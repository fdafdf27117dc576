#include <condition_variable>
#include <set>

#include <fmt/format.h>

#include "common/Check.h"
#include "common/PrestoException.h"
#include "engine/LocalQueryRunnerImpl.h"
#include "engine/QueryScheduler.h"
#include "exec/InProcessExchangeSource.h"

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

/// Reports progress to a listener at most every 250 ms.
class ProgressReporter {
 public:
  ProgressReporter(const QueryScheduler& scheduler, StatementListener* listener)
      : scheduler_(scheduler), listener_(listener) {}

  void maybeReport() {
    auto now = std::chrono::steady_clock::now();
    if (listener_ != nullptr && now >= next_) {
      next_ = now + std::chrono::milliseconds(250);
      listener_->onProgress(scheduler_.progress());
    }
  }

  void reportFinal() {
    if (listener_ != nullptr) {
      listener_->onProgress(scheduler_.progress());
    }
  }

 private:
  const QueryScheduler& scheduler_;
  StatementListener* const listener_;
  std::chrono::steady_clock::time_point next_ = std::chrono::steady_clock::now();
};

} // namespace

TaskStatistics LocalQueryRunnerImpl::runTasks(const sql::Session& session, const PhysicalPlan& plan,
    const std::string& queryId, int32_t concurrency, const std::function<void(PagePtr)>& consume,
    StatementListener* listener) {
  LocalTaskContext local;
  local.config.concurrency = concurrency;
  local.config.maxTaskMemoryBytes = options_.maxQueryMemoryBytes;
  local.services.connectors = [connectors = plan.connectors](const std::string& catalog) -> connector::ConnectorPtr {
    auto it = connectors.find(catalog);
    return it == connectors.end() ? nullptr : it->second;
  };
  local.services.functions = functions_;
  local.services.aggregates = aggregates_;
  auto inProcess = exec::inProcessExchangeSources(taskRegistry);
  local.services.exchangeSources = remoteTasks ? remoteTasks->exchangeSources(inProcess) : inProcess;
  // One pool per query: its limit is the query's, whatever the number of its tasks.
  local.pool = nodePool_->addChild("query." + queryId, options_.maxQueryMemoryBytes);
  local.executor = executor_.get();
  local.registry = taskRegistry;
  local.nodeId = options_.nodeId;

  QueryScheduler scheduler(plan, session, queryId, std::move(local), remoteTasks.get());
  ProgressReporter progress(scheduler, listener);
  auto stopWaiting = [&] {
    progress.maybeReport();
    return (listener != nullptr && listener->isCanceled()) || scheduler.failure() != nullptr;
  };
  try {
    scheduler.start();
    auto root = scheduler.rootOutput();
    int64_t token = 0;
    for (;;) {
      if (listener != nullptr && listener->isCanceled()) {
        throw PrestoException(errors::USER_CANCELED, "Query was canceled");
      }
      if (auto error = scheduler.failure()) {
        std::rethrow_exception(error);
      }
      scheduler.scheduleSplits();
      exec::OutputBuffer::Result result;
      exec::ContinueFuture future;
      if (!root->getPages(0, token, 1 << 20, result, &future)) {
        waitFor(future, [&] { return stopWaiting() || scheduler.hasSplitsToSchedule(); });
        continue;
      }
      for (auto& page : result.pages) {
        consume(std::move(page));
      }
      progress.maybeReport();
      token = result.nextToken;
      if (result.complete) {
        root->acknowledge(0, token);
        break;
      }
    }
  } catch (...) {
    scheduler.abort();
    throw;
  }
  auto stats = scheduler.finish();
  progress.reportFinal();
  if (auto error = scheduler.rootError()) {
    std::rethrow_exception(error);
  }
  return stats;
}

} // namespace presto::engine
