#include "exec/aggregation/RegistryAggregateResolver.h"

#include "common/Check.h"
#include "function/FunctionRegistry.h"
#include "function/aggregate/AggregateFunction.h"

namespace presto::exec {
namespace {

/// An AggregateFunction whose accumulator sits at this aggregate's offset in each group row.
class RegistryAggregate : public Aggregate {
 public:
  RegistryAggregate(std::shared_ptr<const AggregateFunction> function, bool finalOutput)
      : Aggregate(finalOutput ? function->resultType() : function->intermediateType()),
        function_(std::move(function)) {}

  int32_t accumulatorSize() const override { return static_cast<int32_t>(function_->accumulatorSize()); }
  int32_t accumulatorAlignment() const override { return 16; }

  void initializeNewGroups(char** groups, const std::vector<vector_size_t>& indices) override {
    pointers_.resize(indices.size());
    for (size_t i = 0; i < indices.size(); ++i) {
      pointers_[i] = groups[indices[i]] + offset_;
    }
    function_->initialize(pointers_.data(), pointers_.size());
  }
  void addRawInput(char** groups, const SelectivityVector& rows, const std::vector<VectorPtr>& arguments) override {
    function_->addInput(accumulators(groups, rows), rows, arguments);
  }
  void addIntermediate(char** groups, const SelectivityVector& rows, const VectorPtr& intermediate) override {
    function_->addIntermediate(accumulators(groups, rows), rows, intermediate);
  }
  void extractValues(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    result = function_->extractFinal(accumulators(groups, numGroups), static_cast<size_t>(numGroups));
  }
  void extractAccumulators(char** groups, vector_size_t numGroups, VectorPtr& result) override {
    result = function_->extractIntermediate(accumulators(groups, numGroups), static_cast<size_t>(numGroups));
  }
  void destroy(char** groups, vector_size_t numGroups) override {
    function_->destroy(accumulators(groups, numGroups), static_cast<size_t>(numGroups));
  }

 private:
  char* const* accumulators(char** groups, const SelectivityVector& rows) {
    pointers_.assign(static_cast<size_t>(rows.size()), nullptr);
    rows.applyToSelected([&](vector_size_t row) { pointers_[static_cast<size_t>(row)] = groups[row] + offset_; });
    return pointers_.data();
  }
  char* const* accumulators(char** groups, vector_size_t numGroups) {
    pointers_.resize(static_cast<size_t>(numGroups));
    for (vector_size_t i = 0; i < numGroups; ++i) {
      pointers_[static_cast<size_t>(i)] = groups[i] + offset_;
    }
    return pointers_.data();
  }

  const std::shared_ptr<const AggregateFunction> function_;
  std::vector<char*> pointers_;
};

} // namespace

std::unique_ptr<Aggregate> RegistryAggregateResolver::create(const AggregateCall& call, AggregationStep step) const {
  auto resolved = registry_->resolve(call.function, call.rawInputTypes, FunctionKind::kAggregate);
  PRESTO_CHECK(resolved->entry->aggregateFactory != nullptr, "{} is not an aggregate function", call.function);
  auto function = resolved->entry->aggregateFactory(FunctionBinding{resolved->argumentTypes, resolved->returnType, {}});
  bool finalOutput = step == AggregationStep::kFinal || step == AggregationStep::kSingle;
  return std::make_unique<RegistryAggregate>(std::move(function), finalOutput);
}

} // namespace presto::exec
