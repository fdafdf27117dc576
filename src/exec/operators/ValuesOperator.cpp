#include "exec/operators/ValuesOperator.h"

namespace presto::exec {

ValuesOperator::ValuesOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const ValuesNode> node)
    : SourceOperator(driverContext, node->outputTypes(), operatorId, node->id(), "Values"), node_(std::move(node)),
      finished_(node_->pages().empty() || node_->repeatTimes() <= 0 ||
          (!node_->parallel() && driverContext->driverId != 0)) {}

PagePtr ValuesOperator::getOutput() {
  while (!finished_) {
    if (nextPage_ == node_->pages().size()) {
      nextPage_ = 0;
      if (++round_ == node_->repeatTimes()) {
        finished_ = true;
        return nullptr;
      }
    }
    const auto& page = node_->pages()[nextPage_++];
    if (page->numRows() > 0) {
      return page;
    }
  }
  return nullptr;
}

} // namespace presto::exec
