#include "exec/operators/TableWriterOperator.h"

#include "common/Check.h"
#include "exec/Task.h"
#include "vector/VectorValues.h"

namespace presto::exec {

TableWriterOperator::TableWriterOperator(
    DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const TableWriterNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "TableWriter"), node_(std::move(node)) {}

void TableWriterOperator::ensureSink() {
  if (sink_ != nullptr) {
    return;
  }
  const auto& connectors = task().services().connectors;
  PRESTO_CHECK(connectors != nullptr, "the task has no connectors");
  auto connector = connectors(node_->catalog());
  PRESTO_CHECK(connector != nullptr, "no catalog {}", node_->catalog());
  sink_ = connector->pageSinkProvider().createPageSink(node_->insertHandle());
}

void TableWriterOperator::addInput(PagePtr input) {
  ensureSink();
  sink_->appendPage(*input);
  numRows_ += input->numRows();
}

PagePtr TableWriterOperator::getOutput() {
  if (!noMoreInput_ || finished_) {
    return nullptr;
  }
  ensureSink();
  auto fragments = sink_->finish();
  sink_.reset();
  finished_ = true;
  std::vector<Value> fragmentValues(fragments.begin(), fragments.end());
  return std::make_shared<Page>(1, std::vector<VectorPtr>{
      vectorFromValues(BIGINT(), {Value(numRows_)}),
      vectorFromValues(outputTypes_[1], {Value::array(std::move(fragmentValues))})});
}

void TableWriterOperator::close() {
  if (sink_ != nullptr) {
    sink_->abort();
    sink_.reset();
  }
}

TableCommitOperator::TableCommitOperator(
    DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const TableCommitNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "TableCommit"), node_(std::move(node)) {}

void TableCommitOperator::addInput(PagePtr input) {
  for (vector_size_t row = 0; row < input->numRows(); ++row) {
    numRows_ += valueAt(*input->column(0), row).as<int64_t>();
    auto fragments = valueAt(*input->column(1), row);
    for (const auto& fragment : fragments.as<ArrayValue>().elements) {
      fragments_.push_back(fragment.as<std::string>());
    }
  }
}

PagePtr TableCommitOperator::getOutput() {
  if (!noMoreInput_ || finished_) {
    return nullptr;
  }
  finished_ = true;
  node_->commit()(fragments_);
  return std::make_shared<Page>(1, std::vector<VectorPtr>{vectorFromValues(BIGINT(), {Value(numRows_)})});
}

} // namespace presto::exec
