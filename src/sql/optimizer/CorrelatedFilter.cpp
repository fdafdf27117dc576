#include "sql/optimizer/CorrelatedFilter.h"

#include "sql/optimizer/Conjuncts.h"
#include "sql/optimizer/NodeSymbols.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/ProjectNode.h"

namespace presto::sql {
namespace {

bool readsAny(const SymbolNames& read, const SymbolNames& symbols) {
  for (const auto& name : read) {
    if (symbols.count(name) > 0) {
      return true;
    }
  }
  return false;
}

/// `project` extended to also pass `needed` symbols of its source through.
PlanNodePtr passThrough(const ProjectNode& project, const PlanNodePtr& source, const SymbolNames& needed,
    OptimizerContext& context) {
  auto assignments = project.assignments();
  auto outputs = namesOf(project.outputSymbols());
  for (const auto& symbol : source->outputSymbols()) {
    if (needed.count(symbol->name()) > 0 && outputs.count(symbol->name()) == 0) {
      assignments.push_back({symbol, symbol});
    }
  }
  return std::make_shared<ProjectNode>(context.nextId(), source, std::move(assignments));
}

} // namespace

std::optional<PulledCorrelation> pullCorrelatedConjuncts(
    const PlanNodePtr& subquery, const SymbolNames& correlation, OptimizerContext& context) {
  std::vector<const ProjectNode*> projects;
  PlanNodePtr node = subquery;
  while (auto project = node->as<ProjectNode>()) {
    if (readsAny(symbolsReadBy(*project), correlation)) {
      return std::nullopt;
    }
    projects.push_back(project);
    node = project->source();
  }
  const auto* filter = node->as<FilterNode>();
  if (!filter || subtreeReads(*filter->source(), correlation)) {
    return std::nullopt;
  }
  PulledCorrelation pulled;
  std::vector<RowExpressionPtr> uncorrelated;
  SymbolNames needed;
  for (const auto& conjunct : extractConjuncts(filter->predicate())) {
    auto read = referencedSymbols(*conjunct);
    if (readsAny(read, correlation)) {
      pulled.correlatedConjuncts.push_back(conjunct);
      needed.insert(read.begin(), read.end());
    } else {
      uncorrelated.push_back(conjunct);
    }
  }
  PlanNodePtr plan = filter->source();
  if (!uncorrelated.empty()) {
    plan = std::make_shared<FilterNode>(context.nextId(), plan, ExpressionFactory::andOf(uncorrelated));
  }
  for (auto it = projects.rbegin(); it != projects.rend(); ++it) {
    plan = passThrough(**it, plan, needed, context);
  }
  pulled.plan = plan;
  return pulled;
}

} // namespace presto::sql
