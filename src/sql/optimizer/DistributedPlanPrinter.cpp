#include "sql/optimizer/DistributedPlanPrinter.h"

#include <sstream>

#include "sql/optimizer/AddExchanges.h"

namespace presto::sql {

std::string printDistributedPlan(const DistributedPlan& plan) {
  std::string out;
  for (const auto& fragment : plan.fragments) {
    if (!out.empty()) {
      out += "\n";
    }
    out += "Fragment " + std::to_string(fragment.id) + " [" + partitioningName(fragment.partitioning) + "]\n";
    out += "    Output layout: [" + symbolNames(fragment.outputLayout) + "]\n";
    out += "    Output partitioning: " + fragment.output.toString() + "\n";
    std::istringstream nodes(printPlan(*fragment.root));
    std::string line;
    while (std::getline(nodes, line)) {
      out += "    " + line + "\n";
    }
  }
  return out;
}

std::string printDistributedPlanJson(const DistributedPlan& plan) {
  std::string out = "{\"hashPartitionCount\":" + std::to_string(plan.hashPartitionCount) + ",\"fragments\":[";
  for (const auto& fragment : plan.fragments) {
    std::string layout;
    for (const auto& symbol : fragment.outputLayout) {
      layout += (layout.empty() ? "" : ",") + jsonString(symbol->name());
    }
    std::string sources;
    for (auto source : fragment.sourceFragments) {
      sources += (sources.empty() ? "" : ",") + std::to_string(source);
    }
    out += (fragment.id > 0 ? "," : "") + ("{\"id\":" + std::to_string(fragment.id)) +
        ",\"partitioning\":" + jsonString(partitioningName(fragment.partitioning)) + ",\"outputLayout\":[" + layout +
        "],\"outputPartitioning\":" + jsonString(fragment.output.toString()) + ",\"sourceFragments\":[" + sources +
        "],\"root\":" + printPlanJson(*fragment.root) + "}";
  }
  return out + "]}";
}

std::string explainDistributed(const PlanNodePtr& optimizedPlan, ExplainFormat format, const Session& session,
    const MetadataManager& metadata, const FunctionRegistry& functions) {
  auto plan = fragmentPlan(addExchanges(optimizedPlan, session, metadata, functions));
  return format == ExplainFormat::kJson ? printDistributedPlanJson(plan) : printDistributedPlan(plan);
}

} // namespace presto::sql
