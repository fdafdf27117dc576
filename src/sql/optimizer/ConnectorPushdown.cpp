#include <map>

#include "sql/optimizer/ColumnDomains.h"
#include "sql/optimizer/Conjuncts.h"
#include "sql/optimizer/OptimizerRules.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/TableScanNode.h"

namespace presto::sql {
namespace {

/// `scan` reading through `handle`, with `constraint` recorded.
PlanNodePtr withHandle(const TableScanNode& scan, connector::TableHandlePtr handle, connector::TupleDomain constraint,
    OptimizerContext& context) {
  auto table = std::make_shared<TableInfo>(*scan.table());
  table->handle = std::move(handle);
  return std::make_shared<TableScanNode>(
      context.nextId(), std::move(table), scan.outputSymbols(), scan.columns(), std::move(constraint));
}

class PushFilterIntoTableScan : public Rule {
 public:
  std::string name() const override { return "push_filter_into_table_scan"; }
  bool matches(const PlanNode& node) const override {
    return node.as<FilterNode>() && node.source()->as<TableScanNode>();
  }

  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* scan = node->source()->as<TableScanNode>();
    std::map<std::string, std::string> columnOf;
    for (size_t i = 0; i < scan->outputSymbols().size(); ++i) {
      columnOf.emplace(scan->outputSymbols()[i]->name(), scan->columns()[i]->name());
    }
    std::map<std::string, connector::Domain> domains;
    std::vector<std::pair<std::string, RowExpressionPtr>> translated;
    std::vector<RowExpressionPtr> remaining;
    for (const auto& conjunct : extractConjuncts(node->as<FilterNode>()->predicate())) {
      auto domain = conjunctDomain(*conjunct);
      auto column = domain ? columnOf.find(domain->symbol) : columnOf.end();
      if (column == columnOf.end()) {
        remaining.push_back(conjunct);
        continue;
      }
      auto [it, inserted] = domains.emplace(column->second, domain->domain);
      if (!inserted) {
        it->second = it->second.intersect(domain->domain);
      }
      translated.emplace_back(column->second, conjunct);
    }
    if (translated.empty()) {
      return nullptr;
    }
    auto offered = connector::TupleDomain::withColumnDomains(std::move(domains)).intersect(scan->constraint());
    if (offered == scan->constraint()) {
      return nullptr;
    }
    auto result = scan->table()->connector->metadata().applyFilter(scan->table()->handle, offered);
    if (!result) {
      return nullptr;
    }
    // Conjuncts on columns the connector does not guarantee keep being evaluated.
    for (const auto& [column, conjunct] : translated) {
      if (result->remainingFilter.isNone() || result->remainingFilter.domain(column)) {
        remaining.push_back(conjunct);
      }
    }
    auto newScan = withHandle(*scan, result->handle, offered, context);
    if (remaining.empty()) {
      return newScan;
    }
    return std::make_shared<FilterNode>(node->id(), newScan, ExpressionFactory::andOf(remaining));
  }
};

class PushLimitIntoTableScan : public Rule {
 public:
  std::string name() const override { return "push_limit_into_table_scan"; }
  bool matches(const PlanNode& node) const override {
    return node.as<LimitNode>() && node.source()->as<TableScanNode>();
  }

  PlanNodePtr apply(const PlanNodePtr& node, OptimizerContext& context) const override {
    const auto* scan = node->source()->as<TableScanNode>();
    auto count = node->as<LimitNode>()->count();
    auto result = scan->table()->connector->metadata().applyLimit(scan->table()->handle, count);
    if (!result || result->handle->toJson() == scan->table()->handle->toJson()) {
      return nullptr;
    }
    auto newScan = withHandle(*scan, result->handle, scan->constraint(), context);
    if (result->limitGuaranteed) {
      return newScan;
    }
    return std::make_shared<LimitNode>(node->id(), newScan, count);
  }
};

} // namespace

RulePtr makePushFilterIntoTableScanRule() {
  return std::make_unique<PushFilterIntoTableScan>();
}

RulePtr makePushLimitIntoTableScanRule() {
  return std::make_unique<PushLimitIntoTableScan>();
}

} // namespace presto::sql
