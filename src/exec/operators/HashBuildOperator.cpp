#include "exec/operators/HashBuildOperator.h"

namespace presto::exec {

HashBuildOperator::HashBuildOperator(DriverContext* driverContext, int32_t operatorId, const std::string& planNodeId,
    std::vector<TypePtr> types, std::shared_ptr<HashJoinBridge> bridge)
    : Operator(driverContext, std::move(types), operatorId, planNodeId, "HashBuild"), bridge_(std::move(bridge)),
      reservation_(pool(), MemoryKind::kUser) {}

void HashBuildOperator::addInput(PagePtr input) {
  reservation_.resize(reservation_.bytes() + static_cast<int64_t>(input->retainedBytes()));
  pages_.push_back(std::move(input));
}

void HashBuildOperator::noMoreInput() {
  Operator::noMoreInput();
  bridge_->addBuildPages(std::move(pages_));
  pages_.clear();
  reservation_.resize(0);
}

void HashBuildOperator::close() {
  pages_.clear();
  reservation_.resize(0);
}

} // namespace presto::exec
