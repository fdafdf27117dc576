#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/memory/MemoryPool.h"
#include "exec/BlockingReason.h"
#include "exec/Future.h"
#include "exec/OperatorStats.h"
#include "vector/Page.h"

namespace presto::exec {

class Task;
class Driver;

/// What an operator knows about the driver running it.
struct DriverContext {
  Task* task = nullptr;
  int32_t pipelineId = 0;
  /// Index of this driver among the pipeline's drivers, and their number.
  int32_t driverId = 0;
  int32_t numDrivers = 1;
  Driver* driver = nullptr;
};

/// Per-instance state every operator has: its memory pool (a child of the task's pool) and its
/// statistics.
class OperatorContext {
 public:
  OperatorContext(DriverContext* driverContext, int32_t operatorId, std::string planNodeId, std::string operatorType);

  DriverContext* driverContext() const { return driverContext_; }
  Task& task() const { return *driverContext_->task; }
  const MemoryPoolPtr& pool() const { return pool_; }
  OperatorStats& stats() { return stats_; }
  const OperatorStats& stats() const { return stats_; }
  int32_t operatorId() const { return stats_.operatorId; }
  const std::string& planNodeId() const { return stats_.planNodeId; }
  const std::string& operatorType() const { return stats_.operatorType; }

 private:
  DriverContext* driverContext_;
  MemoryPoolPtr pool_;
  OperatorStats stats_;
};

/// A vectorized, push-based operator. The driver moves pages between adjacent operators:
///
///   while (next->needsInput()) next->addInput(op->getOutput());
///   if (op->isFinished()) next->noMoreInput();
///
/// An operator never blocks its thread: when it cannot progress (waiting for a split, for a full
/// consumer, for a hash table) it returns a reason and a future from isBlocked(), and the driver
/// leaves the executor until the future completes. Operators are created per driver from an
/// immutable plan node and keep all mutable state themselves.
class Operator {
 public:
  Operator(DriverContext* driverContext, std::vector<TypePtr> outputTypes, int32_t operatorId,
      std::string planNodeId, std::string operatorType);
  virtual ~Operator() = default;

  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  /// Whether addInput() may be called now. Source operators return false.
  virtual bool needsInput() const = 0;
  /// Takes a page (never empty). REQUIRES: needsInput().
  virtual void addInput(PagePtr input) = 0;
  /// No more pages will be added.
  virtual void noMoreInput() { noMoreInput_ = true; }
  /// Produces the next page, or nullptr if there is none right now.
  virtual PagePtr getOutput() = 0;
  /// kNotBlocked, or the reason and (in `future`) when to ask again.
  virtual BlockingReason isBlocked(ContinueFuture* future) { return BlockingReason::kNotBlocked; }
  /// True once the operator will produce no more output.
  virtual bool isFinished() = 0;
  /// Frees resources (memory reservations, page sources); called once, also on failure and
  /// cancellation. Operators must tolerate close() at any point of their life.
  virtual void close() {}

  const std::vector<TypePtr>& outputTypes() const { return outputTypes_; }
  OperatorContext& context() { return context_; }
  const OperatorContext& context() const { return context_; }
  const MemoryPoolPtr& pool() const { return context_.pool(); }
  Task& task() const { return context_.task(); }

 protected:
  OperatorContext context_;
  const std::vector<TypePtr> outputTypes_;
  bool noMoreInput_ = false;
};

using OperatorPtr = std::unique_ptr<Operator>;

/// An operator with no upstream operator in its pipeline (scan, values, exchange source).
class SourceOperator : public Operator {
 public:
  using Operator::Operator;
  bool needsInput() const final { return false; }
  void addInput(PagePtr input) final;
};

/// Record a page passing into or out of an operator in its statistics (the driver calls these).
void recordOutput(OperatorStats& stats, const Page& page);
void recordInput(OperatorStats& stats, const Page& page);

} // namespace presto::exec
