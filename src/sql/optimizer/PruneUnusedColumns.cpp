#include "sql/optimizer/PruneUnusedColumns.h"

#include "sql/optimizer/NodeSymbols.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/TableScanNode.h"
#include "sql/planner/ValuesNode.h"
#include "sql/planner/WindowNode.h"

namespace presto::sql {
namespace {

bool isUsed(const Symbol& symbol, const SymbolNames& required) {
  return required.count(symbol->name()) > 0;
}

class Pruner {
 public:
  /// `node` restricted to produce at least `required` (it may produce more).
  PlanNodePtr prune(const PlanNodePtr& node, const SymbolNames& required) {
    if (auto scan = node->as<TableScanNode>()) {
      return pruneScan(node, *scan, required);
    }
    if (auto values = node->as<ValuesNode>()) {
      return pruneValues(node, *values, required);
    }
    if (auto project = node->as<ProjectNode>()) {
      std::vector<Assignment> assignments;
      for (const auto& assignment : project->assignments()) {
        if (isUsed(assignment.symbol, required)) {
          assignments.push_back(assignment);
        }
      }
      auto pruned = std::make_shared<ProjectNode>(node->id(), project->source(), std::move(assignments));
      return replaceSources(pruned, {prune(project->source(), symbolsReadBy(*pruned))});
    }
    if (auto aggregation = node->as<AggregationNode>()) {
      std::vector<AggregationNode::Output> aggregates;
      for (const auto& output : aggregation->aggregates()) {
        if (isUsed(output.symbol, required)) {
          aggregates.push_back(output);
        }
      }
      auto pruned = std::make_shared<AggregationNode>(node->id(), aggregation->source(), aggregation->groupingKeys(),
          std::move(aggregates), aggregation->step(), aggregation->groupIdSymbol(), aggregation->groupingSetCount());
      return replaceSources(pruned, {prune(aggregation->source(), symbolsReadBy(*pruned))});
    }
    if (auto window = node->as<WindowNode>()) {
      return pruneWindow(node, *window, required);
    }
    if (auto markDistinct = node->as<MarkDistinctNode>(); markDistinct && !isUsed(markDistinct->marker(), required)) {
      return prune(markDistinct->source(), required);
    }
    if (auto setOperation = node->as<SetOperationNode>(); setOperation && setOperation->kind() == SetOperationNode::Kind::kUnion) {
      return pruneUnion(node, *setOperation, required);
    }
    // Any other node: its sources must produce what it reads and what it passes up.
    auto needed = symbolsReadBy(*node);
    needed.insert(required.begin(), required.end());
    return rewriteSources(node, [&](const PlanNodePtr& source) { return prune(source, needed); });
  }

 private:
  PlanNodePtr pruneScan(const PlanNodePtr& node, const TableScanNode& scan, const SymbolNames& required) {
    std::vector<Symbol> outputs;
    std::vector<connector::ColumnHandlePtr> columns;
    for (size_t i = 0; i < scan.outputSymbols().size(); ++i) {
      if (isUsed(scan.outputSymbols()[i], required)) {
        outputs.push_back(scan.outputSymbols()[i]);
        columns.push_back(scan.columns()[i]);
      }
    }
    if (outputs.size() == scan.outputSymbols().size()) {
      return node;
    }
    if (outputs.empty() && !scan.outputSymbols().empty()) {
      outputs.push_back(scan.outputSymbols()[0]);
      columns.push_back(scan.columns()[0]);
    }
    return std::make_shared<TableScanNode>(node->id(), scan.table(), std::move(outputs), std::move(columns), scan.constraint());
  }

  /// The positions of the used outputs; the first one when none is used (rows must keep a column).
  static std::vector<size_t> usedPositions(const std::vector<Symbol>& outputs, const SymbolNames& required) {
    std::vector<size_t> positions;
    for (size_t i = 0; i < outputs.size(); ++i) {
      if (isUsed(outputs[i], required)) {
        positions.push_back(i);
      }
    }
    if (positions.empty() && !outputs.empty()) {
      positions.push_back(0);
    }
    return positions;
  }

  PlanNodePtr pruneValues(const PlanNodePtr& node, const ValuesNode& values, const SymbolNames& required) {
    auto positions = usedPositions(node->outputSymbols(), required);
    if (positions.size() == node->outputSymbols().size()) {
      return node;
    }
    std::vector<Symbol> outputs;
    for (auto position : positions) {
      outputs.push_back(node->outputSymbols()[position]);
    }
    std::vector<std::vector<RowExpressionPtr>> rows;
    for (const auto& row : values.rows()) {
      rows.emplace_back();
      for (auto position : positions) {
        rows.back().push_back(row[position]);
      }
    }
    return std::make_shared<ValuesNode>(node->id(), std::move(outputs), std::move(rows));
  }

  PlanNodePtr pruneWindow(const PlanNodePtr& node, const WindowNode& window, const SymbolNames& required) {
    std::vector<WindowNode::Function> functions;
    for (const auto& function : window.functions()) {
      if (isUsed(function.output, required)) {
        functions.push_back(function);
      }
    }
    if (functions.empty()) {
      return prune(window.source(), required);
    }
    auto pruned = std::make_shared<WindowNode>(
        node->id(), window.source(), window.partitionBy(), window.orderBy(), std::move(functions));
    auto needed = symbolsReadBy(*pruned);
    needed.insert(required.begin(), required.end());
    return replaceSources(pruned, {prune(window.source(), needed)});
  }

  PlanNodePtr pruneUnion(const PlanNodePtr& node, const SetOperationNode& unionNode, const SymbolNames& required) {
    auto positions = usedPositions(node->outputSymbols(), required);
    std::vector<Symbol> outputs;
    std::vector<std::vector<Symbol>> inputs(node->sources().size());
    for (auto position : positions) {
      outputs.push_back(node->outputSymbols()[position]);
      for (size_t source = 0; source < inputs.size(); ++source) {
        inputs[source].push_back(unionNode.inputs()[source][position]);
      }
    }
    std::vector<PlanNodePtr> sources;
    for (size_t source = 0; source < inputs.size(); ++source) {
      sources.push_back(prune(node->sources()[source], namesOf(inputs[source])));
    }
    return std::make_shared<SetOperationNode>(
        node->id(), unionNode.kind(), unionNode.distinct(), std::move(sources), std::move(outputs), std::move(inputs));
  }
};

class PruneUnusedColumns : public OptimizerPass {
 public:
  std::string name() const override { return "prune_unused_columns"; }
  PlanNodePtr optimize(const PlanNodePtr& plan, OptimizerContext&) const override {
    return Pruner().prune(plan, namesOf(plan->outputSymbols()));
  }
};

} // namespace

OptimizerPassPtr makePruneUnusedColumnsPass() {
  return std::make_unique<PruneUnusedColumns>();
}

} // namespace presto::sql
