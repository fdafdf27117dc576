#include "exec/Driver.h"

#include <ctime>

#include "common/Check.h"
#include "common/Logging.h"
#include "exec/Task.h"

namespace presto::exec {

int64_t threadCpuNanos() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

namespace {

using Clock = std::chrono::steady_clock;

int64_t elapsedNanos(Clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - since).count();
}

/// Times one operator call into the operator's wall-time counter (a vDSO clock read, cheap);
/// CPU time is apportioned per quantum (see Driver::run).
class CallTimer {
 public:
  explicit CallTimer(OperatorStats& stats) : stats_(stats), wallStart_(Clock::now()) {}
  ~CallTimer() { stats_.wallNanos += elapsedNanos(wallStart_); }

 private:
  OperatorStats& stats_;
  Clock::time_point wallStart_;
};

} // namespace

Driver::Driver(const std::shared_ptr<Task>& task, int32_t pipelineId, int32_t driverId, int32_t numDrivers)
    : taskRef_(task), quantum_(task->config().driverQuantum) {
  context_.task = task.get();
  context_.pipelineId = pipelineId;
  context_.driverId = driverId;
  context_.numDrivers = numDrivers;
  context_.driver = this;
}

Driver::~Driver() {
  closeOperators(false, false);
}

void Driver::initialize(const DriverFactory& factory) {
  PRESTO_CHECK(!factory.operators.empty(), "pipeline {} has no operators", factory.pipelineId);
  for (size_t i = 0; i < factory.operators.size(); ++i) {
    operators_.push_back(factory.operators[i](&context_, static_cast<int32_t>(i)));
  }
  noMoreInputSent_.assign(operators_.size(), false);
  publishStats();
}

DriverResult Driver::run(std::chrono::nanoseconds quantum) {
  // Holding the task keeps it (and so everything the operators point to) alive while running.
  auto task = taskRef_.lock();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_ || task == nullptr) {
      return DriverResult::kTerminated;
    }
    PRESTO_CHECK(!onThread_, "driver is already running");
    onThread_ = true;
  }
  if (blockedOperator_ >= 0) {
    operators_[static_cast<size_t>(blockedOperator_)]->context().stats().blockedNanos += elapsedNanos(blockedSince_);
    blockedOperator_ = -1;
  }
  // Thread CPU time costs a system call: read it once per quantum and share it among the
  // operators in proportion to the wall time of their calls.
  std::vector<int64_t> wallBefore;
  wallBefore.reserve(operators_.size());
  for (const auto& op : operators_) {
    wallBefore.push_back(op->context().stats().wallNanos);
  }
  const int64_t cpuStart = threadCpuNanos();
  DriverResult result;
  try {
    result = runInternal(Clock::now() + quantum);
  } catch (...) {
    context_.task->setError(std::current_exception());
    result = DriverResult::kTerminated;
  }
  const int64_t cpu = threadCpuNanos() - cpuStart;
  int64_t wallTotal = 0;
  for (size_t i = 0; i < operators_.size(); ++i) {
    wallTotal += operators_[i]->context().stats().wallNanos - wallBefore[i];
  }
  for (size_t i = 0; i < operators_.size() && wallTotal > 0; ++i) {
    int64_t wall = operators_[i]->context().stats().wallNanos - wallBefore[i];
    operators_[i]->context().stats().cpuNanos += static_cast<int64_t>(static_cast<double>(cpu) * static_cast<double>(wall) / static_cast<double>(wallTotal));
  }
  if (result == DriverResult::kBlocked) {
    blockedSince_ = Clock::now();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  onThread_ = false;
  if (result == DriverResult::kFinished || result == DriverResult::kTerminated || context_.task->isTerminating()) {
    if (result != DriverResult::kFinished) {
      result = DriverResult::kTerminated;
    }
    closeOperators(result == DriverResult::kFinished);
  } else {
    publishStats();
  }
  return result;
}

bool Driver::checkBlocked(size_t index) {
  ContinueFuture future;
  BlockingReason reason = operators_[index]->isBlocked(&future);
  if (reason == BlockingReason::kNotBlocked) {
    return false;
  }
  PRESTO_CHECK(future.valid(), "{} blocked without a future", operators_[index]->context().operatorType());
  blockingReason_ = reason;
  blockedFuture_ = std::move(future);
  blockedOperator_ = static_cast<int32_t>(index);
  return true;
}

DriverResult Driver::runInternal(Clock::time_point quantumEnd) {
  const size_t numOperators = operators_.size();
  for (;;) {
    if (context_.task->isTerminating()) {
      return DriverResult::kTerminated;
    }
    if (yieldRequested_.exchange(false, std::memory_order_relaxed) || Clock::now() >= quantumEnd) {
      return DriverResult::kYield;
    }
    bool progress = false;
    for (size_t i = firstLiveOperator_; i < numOperators; ++i) {
      Operator* op = operators_[i].get();
      if (checkBlocked(i)) {
        return DriverResult::kBlocked;
      }
      if (i + 1 == numOperators) {
        if (op->isFinished()) {
          return DriverResult::kFinished;
        }
        PagePtr page;
        {
          CallTimer timer(op->context().stats());
          page = op->getOutput();
        }
        progress |= page != nullptr;
        break;
      }
      Operator* next = operators_[i + 1].get();
      if (next->isFinished()) {
        // A downstream operator is satisfied (LIMIT): stop the work upstream of it.
        for (size_t j = firstLiveOperator_; j <= i; ++j) {
          operators_[j]->close();
        }
        firstLiveOperator_ = i + 1;
        noMoreInputSent_[i + 1] = true;
        progress = true;
        continue;
      }
      if (checkBlocked(i + 1)) {
        return DriverResult::kBlocked;
      }
      if (next->needsInput()) {
        PagePtr page;
        {
          CallTimer timer(op->context().stats());
          page = op->getOutput();
        }
        if (page != nullptr && page->numRows() > 0) {
          recordOutput(op->context().stats(), *page);
          recordInput(next->context().stats(), *page);
          CallTimer timer(next->context().stats());
          next->addInput(std::move(page));
          progress = true;
          continue;
        }
      }
      if (!noMoreInputSent_[i + 1] && op->isFinished()) {
        noMoreInputSent_[i + 1] = true;
        CallTimer timer(next->context().stats());
        next->noMoreInput();
        progress = true;
      }
    }
    if (!progress) {
      // Nothing moved and nothing is blocked: give the thread to someone else rather than spin.
      return DriverResult::kYield;
    }
  }
}

void Driver::publishStats() {
  publishedStats_.clear();
  for (const auto& op : operators_) {
    OperatorStats stats = op->context().stats();
    stats.peakMemoryBytes = op->pool()->peakBytes();
    publishedStats_.push_back(std::move(stats));
  }
}

void Driver::closeOperators(bool finished, bool notifyTask) {
  if (closed_) {
    return;
  }
  closed_ = true;
  for (auto& op : operators_) {
    try {
      op->close();
    } catch (const std::exception& e) {
      LOG_ERROR("Error closing operator {}: {}", op->context().operatorType(), e.what());
    }
  }
  publishStats();
  // Drop the operators (and with them their reservations and pools) right away.
  operators_.clear();
  if (notifyTask) {
    context_.task->onDriverClosed(finished);
  }
}

void Driver::closeIfIdle() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!onThread_) {
    closeOperators(false);
  }
}

bool Driver::isClosed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return closed_;
}

std::vector<OperatorStats> Driver::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return publishedStats_;
}

} // namespace presto::exec
