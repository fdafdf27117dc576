#include "sql/optimizer/OptimizerContext.h"

#include <algorithm>
#include <sstream>

namespace presto::sql {
namespace {

void collectNames(const PlanNode& node, SymbolAllocator& symbols, PlanNodeId& maxId) {
  maxId = std::max(maxId, node.id());
  for (const auto& symbol : node.outputSymbols()) {
    symbols.reserve(symbol->name());
  }
  for (const auto& source : node.sources()) {
    collectNames(*source, symbols, maxId);
  }
}

PlanNodeId firstFreeId(const PlanNodePtr& plan, SymbolAllocator& symbols) {
  PlanNodeId maxId = 0;
  collectNames(*plan, symbols, maxId);
  return maxId + 1;
}

std::set<std::string> disabledRules(const Session& session) {
  std::set<std::string> names;
  std::stringstream list(session.property(kDisabledOptimizerRules).value_or(""));
  std::string name;
  while (std::getline(list, name, ',')) {
    auto begin = name.find_first_not_of(" \t");
    auto end = name.find_last_not_of(" \t");
    if (begin != std::string::npos) {
      names.insert(name.substr(begin, end - begin + 1));
    }
  }
  return names;
}

} // namespace

OptimizerContext::OptimizerContext(
    const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata, const FunctionRegistry& functions)
    : session_(session),
      metadata_(metadata),
      functions_(functions),
      expressions_(functions),
      ids_(firstFreeId(plan, symbols_)),
      disabled_(disabledRules(session)) {}

} // namespace presto::sql
