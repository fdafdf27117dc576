#include "sql/optimizer/NodeSymbols.h"

#include "sql/planner/AggregationNode.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/GroupIdNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/OutputNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/SortNode.h"
#include "sql/planner/TableWriterNode.h"
#include "sql/planner/UnnestNode.h"
#include "sql/planner/ValuesNode.h"
#include "sql/planner/WindowNode.h"

namespace presto::sql {
namespace {

void addSymbols(const std::vector<Symbol>& symbols, SymbolNames& names) {
  for (const auto& symbol : symbols) {
    names.insert(symbol->name());
  }
}

void addSortKeys(const std::vector<SortKey>& keys, SymbolNames& names) {
  for (const auto& key : keys) {
    names.insert(key.symbol->name());
  }
}

void addAggregationSymbols(const AggregationNode& aggregation, SymbolNames& names) {
  addSymbols(aggregation.groupingKeys(), names);
  for (const auto& output : aggregation.aggregates()) {
    for (const auto& argument : output.aggregate.arguments) {
      addReferencedSymbols(*argument, names);
    }
    if (output.aggregate.filter) {
      names.insert((*output.aggregate.filter)->name());
    }
    addSortKeys(output.aggregate.orderBy, names);
  }
}

void addWindowSymbols(const WindowNode& window, SymbolNames& names) {
  addSymbols(window.partitionBy(), names);
  addSortKeys(window.orderBy(), names);
  for (const auto& function : window.functions()) {
    for (const auto& argument : function.arguments) {
      addReferencedSymbols(*argument, names);
    }
    if (function.frame.startValue) {
      names.insert((*function.frame.startValue)->name());
    }
    if (function.frame.endValue) {
      names.insert((*function.frame.endValue)->name());
    }
  }
}

void addJoinSymbols(const PlanNode& node, SymbolNames& names) {
  if (auto join = node.as<JoinNode>()) {
    for (const auto& clause : join->criteria()) {
      names.insert(clause.left->name());
      names.insert(clause.right->name());
    }
    if (join->filter()) {
      addReferencedSymbols(*join->filter(), names);
    }
  } else if (auto semiJoin = node.as<SemiJoinNode>()) {
    addSymbols(semiJoin->sourceKeys(), names);
    addSymbols(semiJoin->filteringKeys(), names);
    if (semiJoin->filter()) {
      addReferencedSymbols(*semiJoin->filter(), names);
    }
  } else if (auto apply = node.as<ApplyNode>()) {
    addSymbols(apply->correlation(), names);
    for (const auto& predicate : apply->predicates()) {
      if (predicate.value) {
        names.insert(predicate.value->name());
        names.insert(predicate.subqueryValue->name());
      }
    }
  } else if (auto lateral = node.as<LateralJoinNode>()) {
    addSymbols(lateral->correlation(), names);
  }
}

} // namespace

SymbolNames symbolsReadBy(const PlanNode& node) {
  SymbolNames names;
  if (auto filter = node.as<FilterNode>()) {
    addReferencedSymbols(*filter->predicate(), names);
  } else if (auto project = node.as<ProjectNode>()) {
    for (const auto& assignment : project->assignments()) {
      addReferencedSymbols(*assignment.expression, names);
    }
  } else if (auto aggregation = node.as<AggregationNode>()) {
    addAggregationSymbols(*aggregation, names);
  } else if (auto window = node.as<WindowNode>()) {
    addWindowSymbols(*window, names);
  } else if (auto sort = node.as<SortNode>()) {
    addSortKeys(sort->orderBy(), names);
  } else if (auto topN = node.as<TopNNode>()) {
    addSortKeys(topN->orderBy(), names);
  } else if (auto markDistinct = node.as<MarkDistinctNode>()) {
    addSymbols(markDistinct->distinctSymbols(), names);
  } else if (auto values = node.as<ValuesNode>()) {
    for (const auto& row : values->rows()) {
      for (const auto& value : row) {
        addReferencedSymbols(*value, names);
      }
    }
  } else if (auto unnest = node.as<UnnestNode>()) {
    addSymbols(unnest->replicate(), names);
    for (const auto& mapping : unnest->mappings()) {
      names.insert(mapping.input->name());
    }
  } else if (auto groupId = node.as<GroupIdNode>()) {
    for (const auto& column : groupId->groupingColumns()) {
      names.insert(column.input->name());
    }
    addSymbols(groupId->aggregationArguments(), names);
  } else if (auto setOperation = node.as<SetOperationNode>()) {
    for (const auto& inputs : setOperation->inputs()) {
      addSymbols(inputs, names);
    }
  } else if (auto writer = node.as<TableWriterNode>()) {
    addSymbols(writer->columns(), names);
  } else if (node.as<OutputNode>()) {
    addSymbols(node.outputSymbols(), names);
  } else {
    addJoinSymbols(node, names);
  }
  return names;
}

bool subtreeReads(const PlanNode& root, const SymbolNames& symbols) {
  for (const auto& name : symbolsReadBy(root)) {
    if (symbols.count(name) > 0) {
      return true;
    }
  }
  for (const auto& source : root.sources()) {
    if (subtreeReads(*source, symbols)) {
      return true;
    }
  }
  return false;
}

} // namespace presto::sql
