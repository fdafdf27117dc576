#include "exec/plan/PlanNode.h"

#include <fmt/format.h>

#include "common/Check.h"

namespace presto::exec {

const std::vector<PlanNodePtr>& PlanNode::sources() const {
  static const std::vector<PlanNodePtr> kNoSources;
  return kNoSources;
}

std::string PlanNode::toString() const {
  std::string out;
  appendTo(out, 0);
  return out;
}

void PlanNode::appendTo(std::string& out, int depth) const {
  out += fmt::format("{:{}}-- {}[{}] {} -> {}\n", "", depth * 2, name(), id_, details(), outputType_->toString());
  for (const auto& source : sources()) {
    source->appendTo(out, depth + 1);
  }
}

TypePtr makeRowType(std::vector<std::string> names, std::vector<TypePtr> types) {
  PRESTO_CHECK(names.size() == types.size(), "{} names for {} types", names.size(), types.size());
  return ROW(std::move(names), std::move(types));
}

TypePtr appendColumns(const PlanNode& source, std::vector<std::string> names, std::vector<TypePtr> types) {
  auto allNames = source.outputRowType().names();
  auto allTypes = source.outputTypes();
  allNames.insert(allNames.end(), names.begin(), names.end());
  allTypes.insert(allTypes.end(), types.begin(), types.end());
  return makeRowType(std::move(allNames), std::move(allTypes));
}

TypePtr selectColumns(const PlanNode& source, const std::vector<int32_t>& channels) {
  std::vector<std::string> names;
  std::vector<TypePtr> types;
  const auto& row = source.outputRowType();
  for (auto channel : channels) {
    PRESTO_CHECK(channel >= 0 && static_cast<size_t>(channel) < row.size(), "channel {} out of range", channel);
    names.push_back(row.nameOf(static_cast<size_t>(channel)));
    types.push_back(row.childAt(static_cast<size_t>(channel)));
  }
  return makeRowType(std::move(names), std::move(types));
}

} // namespace presto::exec
