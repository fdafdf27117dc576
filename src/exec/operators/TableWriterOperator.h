#pragma once

#include "connector/spi/Connector.h"
#include "connector/spi/ConnectorPageSource.h"
#include "exec/Operator.h"
#include "exec/plan/TableWriterNode.h"

namespace presto::exec {

/// Writes its input through a connector page sink; when input ends, finishes the sink and
/// emits one row: the rows written and the sink's fragments. On failure the sink is aborted.
class TableWriterOperator : public Operator {
 public:
  TableWriterOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const TableWriterNode> node);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  bool isFinished() override { return finished_; }
  void close() override;

 private:
  void ensureSink();

  const std::shared_ptr<const TableWriterNode> node_;
  std::unique_ptr<connector::ConnectorPageSink> sink_;
  int64_t numRows_ = 0;
  bool finished_ = false;
};

/// Collects the writers' rows, calls the commit function once with every fragment, and emits the
/// total row count.
class TableCommitOperator : public Operator {
 public:
  TableCommitOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const TableCommitNode> node);
  bool needsInput() const override { return !noMoreInput_; }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override;
  bool isFinished() override { return finished_; }

 private:
  const std::shared_ptr<const TableCommitNode> node_;
  int64_t numRows_ = 0;
  std::vector<std::string> fragments_;
  bool finished_ = false;
};

} // namespace presto::exec
