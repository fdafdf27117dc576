#include "exec/operators/PartitionedOutputOperator.h"

#include "exec/RowHash.h"
#include "exec/Task.h"
#include "exec/VectorGather.h"
#include "vector/DictionaryVector.h"

namespace presto::exec {

PartitionedOutputOperator::PartitionedOutputOperator(
    DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId, std::vector<TypePtr> types)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "PartitionedOutput"),
      buffer_(driverContext->task->outputBuffer()),
      partitionChannels_(driverContext->task->outputSpec().partitionChannels),
      nextPartition_(driverContext->driverId) {}

void PartitionedOutputOperator::addInput(PagePtr input) {
  BlockingReason reason = BlockingReason::kNotBlocked;
  if (buffer_->kind() != OutputBufferKind::kPartitioned || buffer_->numBuffers() == 1) {
    reason = buffer_->enqueue(0, std::move(input), &future_);
  } else if (partitionChannels_.empty()) {
    reason = buffer_->enqueue(nextPartition_, std::move(input), &future_);
    nextPartition_ = (nextPartition_ + 1) % buffer_->numBuffers();
  } else {
    std::vector<uint64_t> hashes;
    hashRows(*input, partitionChannels_, hashes);
    std::vector<std::vector<vector_size_t>> rows(static_cast<size_t>(buffer_->numBuffers()));
    for (vector_size_t row = 0; row < input->numRows(); ++row) {
      rows[static_cast<size_t>(remotePartition(hashes[static_cast<size_t>(row)], buffer_->numBuffers()))].push_back(row);
    }
    for (size_t partition = 0; partition < rows.size(); ++partition) {
      if (rows[partition].empty()) {
        continue;
      }
      auto size = static_cast<vector_size_t>(rows[partition].size());
      auto indices = allocateIndices(size);
      std::copy(rows[partition].begin(), rows[partition].end(), indices->asMutable<vector_size_t>());
      ContinueFuture future;
      auto partReason = buffer_->enqueue(static_cast<int32_t>(partition), wrapPage(*input, indices, size), &future);
      if (partReason != BlockingReason::kNotBlocked) {
        reason = partReason;
        future_ = std::move(future);
      }
    }
  }
  blocked_ = reason != BlockingReason::kNotBlocked;
}

BlockingReason PartitionedOutputOperator::isBlocked(ContinueFuture* future) {
  if (!blocked_) {
    return BlockingReason::kNotBlocked;
  }
  if (future_.valid() && !future_.isReady()) {
    *future = future_;
    return BlockingReason::kWaitForConsumer;
  }
  auto reason = buffer_->isFull(future);
  blocked_ = reason != BlockingReason::kNotBlocked;
  if (blocked_) {
    future_ = *future;
  }
  return reason;
}

} // namespace presto::exec
