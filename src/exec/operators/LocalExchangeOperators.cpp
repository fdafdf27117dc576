#include "exec/operators/LocalExchangeOperators.h"

namespace presto::exec {

LocalExchangeSinkOperator::LocalExchangeSinkOperator(DriverContext* driverContext, int32_t operatorId,
    const std::string& planNodeId, std::vector<TypePtr> types, std::shared_ptr<LocalExchange> exchange)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "LocalExchangeSink"),
      exchange_(std::move(exchange)) {}

void LocalExchangeSinkOperator::addInput(PagePtr input) {
  ContinueFuture ignored;
  exchange_->enqueue(input, &ignored);
}

void LocalExchangeSinkOperator::noMoreInput() {
  Operator::noMoreInput();
  if (!producerFinished_) {
    producerFinished_ = true;
    exchange_->producerFinished();
  }
}

BlockingReason LocalExchangeSinkOperator::isBlocked(ContinueFuture* future) {
  if (noMoreInput_) {
    blocked_ = false;
    return BlockingReason::kNotBlocked;
  }
  auto reason = exchange_->isFull(future);
  blocked_ = reason != BlockingReason::kNotBlocked;
  return reason;
}

void LocalExchangeSinkOperator::close() {
  // A producer that stops early (failure, cancellation) must still release its consumers.
  if (!producerFinished_) {
    producerFinished_ = true;
    exchange_->producerFinished();
  }
}

LocalExchangeSourceOperator::LocalExchangeSourceOperator(DriverContext* driverContext, int32_t operatorId,
    const std::string& planNodeId, std::vector<TypePtr> types, std::shared_ptr<LocalExchange> exchange)
    : SourceOperator(driverContext, std::move(types), operatorId, planNodeId, "LocalExchangeSource"),
      exchange_(std::move(exchange)), consumer_(driverContext->driverId) {}

BlockingReason LocalExchangeSourceOperator::isBlocked(ContinueFuture* future) {
  if (pending_ != nullptr || finished_) {
    return BlockingReason::kNotBlocked;
  }
  BlockingReason reason;
  pending_ = exchange_->next(consumer_, reason, future);
  if (pending_ == nullptr && reason == BlockingReason::kNotBlocked) {
    finished_ = true;
  }
  return reason;
}

PagePtr LocalExchangeSourceOperator::getOutput() {
  if (pending_ != nullptr) {
    return std::move(pending_);
  }
  ContinueFuture ignored;
  BlockingReason reason;
  auto page = exchange_->next(consumer_, reason, &ignored);
  if (page == nullptr && reason == BlockingReason::kNotBlocked) {
    finished_ = true;
  }
  return page;
}

bool LocalExchangeSourceOperator::isFinished() {
  return finished_ && pending_ == nullptr;
}

void LocalExchangeSourceOperator::close() {
  exchange_->consumerClosed(consumer_);
}

} // namespace presto::exec
