#pragma once

#include "exec/LocalExchange.h"
#include "exec/Operator.h"

namespace presto::exec {

/// The last operator of a pipeline feeding a local exchange.
class LocalExchangeSinkOperator : public Operator {
 public:
  LocalExchangeSinkOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, std::shared_ptr<LocalExchange> exchange);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  PagePtr getOutput() override { return nullptr; }
  BlockingReason isBlocked(ContinueFuture* future) override;
  bool isFinished() override { return noMoreInput_ && !blocked_; }
  void close() override;

 private:
  std::shared_ptr<LocalExchange> exchange_;
  bool blocked_ = false;
  bool producerFinished_ = false;
};

/// The first operator of a pipeline reading a local exchange (its queue is the driver's id).
class LocalExchangeSourceOperator : public SourceOperator {
 public:
  LocalExchangeSourceOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types, std::shared_ptr<LocalExchange> exchange);
  PagePtr getOutput() override;
  BlockingReason isBlocked(ContinueFuture* future) override;
  bool isFinished() override;
  void close() override;

 private:
  std::shared_ptr<LocalExchange> exchange_;
  const int32_t consumer_;
  PagePtr pending_;
  bool finished_ = false;
};

} // namespace presto::exec
