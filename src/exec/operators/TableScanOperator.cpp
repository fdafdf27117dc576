#include "exec/operators/TableScanOperator.h"

#include "common/Check.h"
#include "exec/Task.h"

namespace presto::exec {

TableScanOperator::TableScanOperator(
    DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const TableScanNode> node)
    : SourceOperator(driverContext, node->outputTypes(), operatorId, node->id(), "TableScan"), node_(std::move(node)) {
  const auto& connectors = driverContext->task->services().connectors;
  PRESTO_CHECK(connectors != nullptr, "the task has no connectors");
  connector_ = connectors(node_->catalog());
  PRESTO_CHECK(connector_ != nullptr, "no catalog {}", node_->catalog());
}

BlockingReason TableScanOperator::isBlocked(ContinueFuture* future) {
  while (source_ == nullptr && !finished_) {
    Split split;
    if (!task().nextSplit(node_->id(), split, future)) {
      return BlockingReason::kWaitForSplit;
    }
    if (split.connectorSplit == nullptr) {
      finished_ = true;
      break;
    }
    source_ = connector_->pageSourceProvider().createPageSource(
        split.connectorSplit, node_->table(), node_->columns(), node_->filter());
  }
  return BlockingReason::kNotBlocked;
}

PagePtr TableScanOperator::getOutput() {
  if (source_ == nullptr) {
    return nullptr;
  }
  auto page = source_->getNextPage();
  if (source_->isFinished()) {
    source_->close();
    source_.reset();
  }
  return page;
}

void TableScanOperator::close() {
  if (source_ != nullptr) {
    source_->close();
    source_.reset();
  }
}

} // namespace presto::exec
