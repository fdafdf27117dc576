#include "exec/operators/PartitionedOutputOperator.h"

#include <algorithm>

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
      nextPartition_(driverContext->driverId),
      minPageRows_(std::max(1, driverContext->task->config().preferredPageRows / 2)) {}

void PartitionedOutputOperator::noteBlocking(BlockingReason reason, ContinueFuture future) {
  if (reason != BlockingReason::kNotBlocked) {
    blocked_ = true;
    future_ = std::move(future);
  }
}

void PartitionedOutputOperator::send(int32_t destination, PagePtr page) {
  if (held_.size() <= static_cast<size_t>(destination)) {
    held_.resize(static_cast<size_t>(destination) + 1);
  }
  auto& held = held_[static_cast<size_t>(destination)];
  if (held.pages.empty() && page->numRows() >= minPageRows_) {
    ContinueFuture future;
    auto reason = buffer_->enqueue(destination, std::move(page), &future);
    noteBlocking(reason, std::move(future));
    return;
  }
  held.rows += page->numRows();
  held.pages.push_back(std::move(page));
  if (held.rows >= minPageRows_) {
    flush(destination);
  }
}

void PartitionedOutputOperator::flush(int32_t destination) {
  auto& held = held_[static_cast<size_t>(destination)];
  if (held.pages.empty()) {
    return;
  }
  auto page = held.pages.size() == 1 ? held.pages[0] : concatenatePages(outputTypes(), held.pages);
  held.pages.clear();
  held.rows = 0;
  ContinueFuture future;
  auto reason = buffer_->enqueue(destination, std::move(page), &future);
  noteBlocking(reason, std::move(future));
}

void PartitionedOutputOperator::addInput(PagePtr input) {
  blocked_ = false;
  if (buffer_->kind() != OutputBufferKind::kPartitioned || buffer_->numBuffers() == 1) {
    send(0, std::move(input));
  } else if (partitionChannels_.empty()) {
    send(nextPartition_, std::move(input));
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
      send(static_cast<int32_t>(partition), wrapPage(*input, indices, size));
    }
  }
}

void PartitionedOutputOperator::noMoreInput() {
  Operator::noMoreInput();
  blocked_ = false;
  for (size_t destination = 0; destination < held_.size(); ++destination) {
    flush(static_cast<int32_t>(destination));
  }
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
