#pragma once

#include "exec/Operator.h"
#include "exec/OutputBuffer.h"

namespace presto::exec {

/// The last operator of a task's root pipeline: writes pages to the task's output buffer,
/// splitting them by hash of the partition channels for a partitioned buffer (round robin when
/// there are none). Blocks while the buffer is full; finishes early once every consumer has gone
/// (which stops the work upstream of it).
///
/// Small pages (a selective join's output, split again by partition) are held per destination
/// and sent as one copied page once they reach half the preferred page size, or at the end:
/// every operator downstream pays per page.
class PartitionedOutputOperator : public Operator {
 public:
  PartitionedOutputOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
      std::vector<TypePtr> types);
  bool needsInput() const override { return !noMoreInput_ && !blocked_ && !buffer_->isAbandoned(); }
  void addInput(PagePtr input) override;
  void noMoreInput() override;
  PagePtr getOutput() override { return nullptr; }
  BlockingReason isBlocked(ContinueFuture* future) override;
  bool isFinished() override { return (noMoreInput_ && !blocked_) || buffer_->isAbandoned(); }

 private:
  OutputBufferPtr buffer_;
  std::vector<int32_t> partitionChannels_;
  int32_t nextPartition_;
  bool blocked_ = false;
  ContinueFuture future_;

  /// Sends `page` to `destination`, or holds it there while the pages held stay small.
  void send(int32_t destination, PagePtr page);
  /// Sends the pages held for `destination` as one page.
  void flush(int32_t destination);
  /// Records the buffer's answer to an enqueue.
  void noteBlocking(BlockingReason reason, ContinueFuture future);

  struct Held {
    std::vector<PagePtr> pages;
    vector_size_t rows = 0;
  };
  std::vector<Held> held_;
  vector_size_t minPageRows_;
};

} // namespace presto::exec
