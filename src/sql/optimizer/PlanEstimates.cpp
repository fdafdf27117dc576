#include "sql/optimizer/PlanEstimates.h"

#include <cmath>

#include <fmt/format.h>

#include "sql/optimizer/CardinalityEstimator.h"

namespace presto::sql {
namespace {

/// The context and estimator one EXPLAIN shares across its nodes.
struct EstimatorState {
  EstimatorState(const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata,
      const FunctionRegistry& functions)
      : context(plan, session, metadata, functions), estimator(context) {}

  OptimizerContext context;
  CardinalityEstimator estimator;
};

} // namespace

PlanAnnotator rowEstimates(
    const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata, const FunctionRegistry& functions) {
  auto state = std::make_shared<EstimatorState>(plan, session, metadata, functions);
  return [state](const PlanNodePtr& node) {
    return fmt::format("{{rows: {}}}", static_cast<int64_t>(std::llround(state->estimator.rows(node))));
  };
}

} // namespace presto::sql
