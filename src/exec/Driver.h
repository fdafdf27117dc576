#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "exec/Operator.h"

namespace presto::exec {

class Task;

/// Creates one operator of a pipeline for a driver.
using OperatorFactory = std::function<OperatorPtr(DriverContext* driverContext, int32_t operatorId)>;

/// How to build the drivers of one pipeline: a chain of operator factories, the first one a source
/// and the last one a sink (output buffer, local exchange, join build, ...), and how many drivers
/// run the pipeline in parallel.
struct DriverFactory {
  int32_t pipelineId = 0;
  int32_t numDrivers = 1;
  std::vector<OperatorFactory> operators;
  /// Plan node ids of the operators, for statistics and debugging.
  std::vector<std::string> planNodeIds;
};

/// The outcome of one Driver::run() call.
enum class DriverResult {
  /// Quantum used up or a yield was requested: queue again.
  kYield,
  /// Waiting for a future (see Driver::blockedFuture()).
  kBlocked,
  /// The pipeline is done; the driver has closed its operators.
  kFinished,
  /// The task is no longer running (failed, canceled, aborted); the driver has closed its operators.
  kTerminated,
};

/// Runs one instance of a pipeline: moves pages between every adjacent pair of operators that can
/// make progress, until the quantum ends, a yield is requested, everything is blocked, or the
/// pipeline is done. Cancellation and the yield signal are checked between pages.
///
/// A driver runs on one executor thread at a time. The task may close a driver that is not on a
/// thread (when it terminates); a running driver closes itself when it sees the task terminate.
class Driver {
 public:
  Driver(const std::shared_ptr<Task>& task, int32_t pipelineId, int32_t driverId, int32_t numDrivers);
  ~Driver();

  Driver(const Driver&) = delete;
  Driver& operator=(const Driver&) = delete;

  /// Creates the operators. Called once, before the first run().
  void initialize(const DriverFactory& factory);

  /// Runs for at most `quantum`. REQUIRES: not running on another thread.
  DriverResult run(std::chrono::nanoseconds quantum);

  /// After kBlocked: the future to wait for and why.
  const ContinueFuture& blockedFuture() const { return blockedFuture_; }
  BlockingReason blockingReason() const { return blockingReason_; }

  /// Asks a running driver to give up its thread at the next page boundary.
  void requestYield() { yieldRequested_.store(true, std::memory_order_relaxed); }

  /// Closes the operators now if the driver is not running; a running driver closes itself.
  void closeIfIdle();
  bool isClosed() const;

  Task* task() const { return context_.task; }
  /// How long one run() may last (the task's driver quantum).
  std::chrono::nanoseconds quantum() const { return quantum_; }
  const DriverContext& context() const { return context_; }
  /// A copy of the operators' statistics as of the end of the last quantum.
  std::vector<OperatorStats> stats() const;
  int32_t numOperators() const { return static_cast<int32_t>(operators_.size()); }
  /// The operators (tests and debugging only).
  const std::vector<OperatorPtr>& operators() const { return operators_; }

 private:
  DriverResult runInternal(std::chrono::steady_clock::time_point quantumEnd);
  /// Closes the operators (once), records their final statistics and, if `notifyTask`, tells the
  /// task (which must be alive).
  void closeOperators(bool finished, bool notifyTask = true);
  void publishStats();
  bool checkBlocked(size_t index);

  DriverContext context_;
  std::weak_ptr<Task> taskRef_;
  std::chrono::nanoseconds quantum_;
  std::vector<OperatorPtr> operators_;
  std::vector<bool> noMoreInputSent_;
  /// Operators before this index were closed because a downstream operator finished early.
  size_t firstLiveOperator_ = 0;

  ContinueFuture blockedFuture_;
  BlockingReason blockingReason_ = BlockingReason::kNotBlocked;
  int32_t blockedOperator_ = -1;
  std::chrono::steady_clock::time_point blockedSince_;

  std::atomic<bool> yieldRequested_{false};

  mutable std::mutex mutex_;
  bool onThread_ = false;
  bool closed_ = false;
  std::vector<OperatorStats> publishedStats_;
};

using DriverPtr = std::shared_ptr<Driver>;

/// CPU time of the calling thread, in nanoseconds.
int64_t threadCpuNanos();

} // namespace presto::exec
