#include "exec/plan/AggregationNodes.h"

#include <fmt/format.h>

#include "common/Check.h"

namespace presto::exec {
namespace {

TypePtr aggregationOutputType(const PlanNode& source, AggregationStep step, const std::vector<int32_t>& keys,
    const std::vector<AggregateCall>& aggregates, std::vector<std::string> names) {
  PRESTO_CHECK(names.size() == aggregates.size(), "{} names for {} aggregates", names.size(), aggregates.size());
  const auto& input = source.outputRowType();
  std::vector<std::string> outputNames;
  std::vector<TypePtr> outputTypes;
  for (auto key : keys) {
    outputNames.push_back(input.nameOf(static_cast<size_t>(key)));
    outputTypes.push_back(input.childAt(static_cast<size_t>(key)));
  }
  bool partialOutput = step == AggregationStep::kPartial || step == AggregationStep::kIntermediate;
  for (size_t i = 0; i < aggregates.size(); ++i) {
    outputNames.push_back(std::move(names[i]));
    outputTypes.push_back(partialOutput ? aggregates[i].intermediateType : aggregates[i].resultType);
  }
  return makeRowType(std::move(outputNames), std::move(outputTypes));
}

TypePtr groupIdOutputType(const PlanNode& source, const std::vector<int32_t>& keys,
    const std::vector<int32_t>& passThrough, std::string groupIdName) {
  std::vector<int32_t> channels = keys;
  channels.insert(channels.end(), passThrough.begin(), passThrough.end());
  auto selected = selectColumns(source, channels);
  auto names = asRow(*selected).names();
  auto types = selected->children();
  names.push_back(std::move(groupIdName));
  types.push_back(BIGINT());
  return makeRowType(std::move(names), std::move(types));
}

} // namespace

std::string_view aggregationStepName(AggregationStep step) {
  switch (step) {
    case AggregationStep::kPartial: return "PARTIAL";
    case AggregationStep::kIntermediate: return "INTERMEDIATE";
    case AggregationStep::kFinal: return "FINAL";
    case AggregationStep::kSingle: return "SINGLE";
  }
  return "UNKNOWN";
}

AggregationNode::AggregationNode(std::string id, PlanNodePtr source, AggregationStep step,
    std::vector<int32_t> groupingKeys, std::vector<AggregateCall> aggregates, std::vector<std::string> aggregateNames,
    std::vector<int32_t> preGroupedKeys)
    : SingleSourceNode(std::move(id),
          aggregationOutputType(*source, step, groupingKeys, aggregates, std::move(aggregateNames)), source),
      step_(step), groupingKeys_(std::move(groupingKeys)), aggregates_(std::move(aggregates)),
      preGroupedKeys_(std::move(preGroupedKeys)) {
  for (const auto& aggregate : aggregates_) {
    PRESTO_CHECK(!aggregate.distinct || step_ == AggregationStep::kSingle,
        "DISTINCT aggregates are computed in a single step");
  }
}

std::string AggregationNode::details() const {
  std::string text = fmt::format("{} keys={} [", aggregationStepName(step_), fmt::join(groupingKeys_, ","));
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    text += fmt::format("{}{}({}{})", i ? ", " : "", aggregates_[i].function, aggregates_[i].distinct ? "DISTINCT " : "",
        fmt::join(aggregates_[i].inputs, ","));
  }
  return text + "]";
}

GroupIdNode::GroupIdNode(std::string id, PlanNodePtr source, std::vector<int32_t> groupingKeys,
    std::vector<std::vector<int32_t>> groupingSets, std::vector<int32_t> passThrough, std::string groupIdName)
    : SingleSourceNode(
          std::move(id), groupIdOutputType(*source, groupingKeys, passThrough, std::move(groupIdName)), source),
      groupingKeys_(std::move(groupingKeys)), groupingSets_(std::move(groupingSets)),
      passThrough_(std::move(passThrough)) {}

} // namespace presto::exec
