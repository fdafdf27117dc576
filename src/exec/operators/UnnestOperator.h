#pragma once

#include "exec/Operator.h"
#include "exec/plan/RowNodes.h"

namespace presto::exec {

/// Expands array and map columns into rows (zipping several, padding shorter ones with NULL),
/// repeating the replicated columns; output columns are dictionaries over the input's vectors
/// and the collections' element vectors.
class UnnestOperator : public Operator {
 public:
  UnnestOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const UnnestNode> node);
  bool needsInput() const override { return input_ == nullptr && !noMoreInput_; }
  void addInput(PagePtr input) override { input_ = std::move(input); }
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && input_ == nullptr; }

 private:
  const std::shared_ptr<const UnnestNode> node_;
  PagePtr input_;
};

} // namespace presto::exec
