#include "exec/operators/HashBuildOperator.h"

#include <algorithm>

#include "exec/VectorGather.h"

namespace presto::exec {

HashBuildOperator::HashBuildOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> types, std::shared_ptr<HashJoinBridge> bridge)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "HashBuild"), bridge_(std::move(bridge)),
      reservation_(pool(), MemoryKind::kUser) {}

namespace {

/// Whether a column only wraps other data (a dictionary or constant over a base that may be much
/// larger than the rows it shows, e.g. a join's output over a whole build side).
bool isWrapped(const BaseVector& vector) {
  return vector.encoding() == VectorEncoding::kDictionary || vector.encoding() == VectorEncoding::kConstant ||
      vector.encoding() == VectorEncoding::kLazy;
}

} // namespace

void HashBuildOperator::addInput(PagePtr input) {
  // The build side is kept until the probe ends: copy wrapped columns so that the pages hold (and
  // the pool accounts) only the rows of this side, not the bases they were selected from.
  if (std::any_of(input->columns().begin(), input->columns().end(), [](const auto& column) { return isWrapped(*column); })) {
    input = concatenatePages(outputTypes(), {input});
  }
  reservation_.resize(static_cast<int64_t>(retained_.add(*input)));
  pages_.push_back(std::move(input));
}

void HashBuildOperator::noMoreInput() {
  Operator::noMoreInput();
  bridge_->addBuildPages(std::move(pages_));
  pages_.clear();
  retained_.clear();
  reservation_.resize(0);
}

BlockingReason HashBuildOperator::isBlocked(ContinueFuture* future) {
  if (noMoreInput_ && bridge_->isPartitioned() && !partitionBuilt_ && !bridge_->buildPagesReady(future)) {
    return BlockingReason::kWaitForJoinBuild;
  }
  return BlockingReason::kNotBlocked;
}

PagePtr HashBuildOperator::getOutput() {
  if (noMoreInput_ && bridge_->isPartitioned() && !partitionBuilt_) {
    bridge_->buildPartition();
    partitionBuilt_ = true;
  }
  return nullptr;
}

void HashBuildOperator::close() {
  pages_.clear();
  retained_.clear();
  reservation_.resize(0);
}

} // namespace presto::exec
