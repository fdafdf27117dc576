#pragma once

#include "exec/Operator.h"
#include "exec/OutputBuffer.h"

namespace presto::exec {

/// The last operator of a task's root pipeline: writes pages to the task's output buffer,
/// splitting them by hash of the partition channels for a partitioned buffer (round robin when
/// there are none). Blocks while the buffer is full; finishes early once every consumer has gone
/// (which stops the work upstream of it).
class PartitionedOutputOperator : public Operator {
 public:
  PartitionedOutputOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types);
  bool needsInput() const override { return !noMoreInput_ && !blocked_ && !buffer_->isAbandoned(); }
  void addInput(PagePtr input) override;
  PagePtr getOutput() override { return nullptr; }
  BlockingReason isBlocked(ContinueFuture* future) override;
  bool isFinished() override { return (noMoreInput_ && !blocked_) || buffer_->isAbandoned(); }

 private:
  OutputBufferPtr buffer_;
  std::vector<int32_t> partitionChannels_;
  int32_t nextPartition_;
  bool blocked_ = false;
  ContinueFuture future_;
};

} // namespace presto::exec
