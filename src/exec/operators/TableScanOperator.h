#pragma once

#include "connector/spi/Connector.h"
#include "connector/spi/ConnectorPageSource.h"
#include "exec/Operator.h"
#include "exec/plan/SourceNodes.h"

namespace presto::exec {

/// Reads the task's splits for its plan node one after another through the connector's page
/// source. Waits (kWaitForSplit) while the task has no split and more may come.
class TableScanOperator : public SourceOperator {
 public:
  TableScanOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const TableScanNode> node);
  PagePtr getOutput() override;
  BlockingReason isBlocked(ContinueFuture* future) override;
  bool isFinished() override { return finished_; }
  void close() override;

 private:
  const std::shared_ptr<const TableScanNode> node_;
  connector::ConnectorPtr connector_;
  std::unique_ptr<connector::ConnectorPageSource> source_;
  bool finished_ = false;
};

} // namespace presto::exec
