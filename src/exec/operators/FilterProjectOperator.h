#pragma once

#include <memory>

#include "exec/Operator.h"
#include "exec/plan/FilterProjectNode.h"
#include "expression/ExprSet.h"

namespace presto::exec {

/// Evaluates a filter and then the projections on the rows that pass, with the vectorized
/// evaluator (which evaluates on dictionary bases and constants rather than on every row). The
/// output shares the input's vectors: when only some rows pass, columns are dictionaries over
/// the projected vectors rather than copies.
class FilterProjectOperator : public Operator {
 public:
  FilterProjectOperator(
      DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const FilterProjectNode> node);
  bool needsInput() const override { return input_ == nullptr && !noMoreInput_; }
  void addInput(PagePtr input) override { input_ = std::move(input); }
  PagePtr getOutput() override;
  bool isFinished() override { return noMoreInput_ && input_ == nullptr; }

 private:
  /// Fills `selected_` with the rows passing the filter; returns their number.
  vector_size_t filterRows(const Page& page);

  std::unique_ptr<ExprSet> filter_;
  std::unique_ptr<ExprSet> projections_;
  PagePtr input_;
  std::vector<vector_size_t> selected_;
};

} // namespace presto::exec
