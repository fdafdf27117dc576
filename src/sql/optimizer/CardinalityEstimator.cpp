#include "sql/optimizer/CardinalityEstimator.h"

#include <algorithm>
#include <cmath>

#include "sql/optimizer/Conjuncts.h"
#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/SortNode.h"
#include "sql/planner/TableScanNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::sql {
namespace {

constexpr double kEqualitySelectivity = 0.1;
constexpr double kRangeSelectivity = 0.33;
constexpr double kLikeSelectivity = 0.25;
constexpr double kDefaultSelectivity = 0.5;
constexpr double kGroupingReduction = 0.1;

bool isRangeComparison(const RowExpression& conjunct) {
  return isCallOf(conjunct, operators::kLessThan) || isCallOf(conjunct, operators::kLessThanOrEqual) ||
      isCallOf(conjunct, operators::kGreaterThan) || isCallOf(conjunct, operators::kGreaterThanOrEqual) ||
      isCallOf(conjunct, operators::kBetween);
}

} // namespace

double CardinalityEstimator::rows(const PlanNodePtr& node) {
  auto it = cache_.find(node.get());
  if (it != cache_.end()) {
    return it->second.second;
  }
  double estimated = std::max(1.0, estimate(node));
  cache_.emplace(node.get(), std::make_pair(node, estimated));
  return estimated;
}

double CardinalityEstimator::joinRows(
    double leftRows, double rightRows, const std::vector<std::pair<double, double>>& keyDistinctValues) {
  if (keyDistinctValues.empty()) {
    return leftRows * rightRows;
  }
  double divisor = 1;
  for (const auto& [left, right] : keyDistinctValues) {
    divisor = std::max({divisor, std::min(left, leftRows), std::min(right, rightRows)});
  }
  return std::max(1.0, leftRows * rightRows / divisor);
}

double CardinalityEstimator::conjunctionSelectivity(const PlanNodePtr& source, const RowExpressionPtr& predicate) {
  // Conjuncts are often correlated (a brand and a container, two bounds of one column), so only
  // the most selective counts fully: the next one with its square root, then the fourth root, ...
  // (exponential backoff).
  std::vector<double> selectivities;
  for (const auto& conjunct : extractConjuncts(predicate)) {
    selectivities.push_back(filterSelectivity(source, *conjunct));
  }
  std::sort(selectivities.begin(), selectivities.end());
  double selectivity = 1;
  double exponent = 1;
  for (auto conjunctSelectivity : selectivities) {
    selectivity *= std::pow(conjunctSelectivity, exponent);
    exponent /= 2;
  }
  return selectivity;
}

double CardinalityEstimator::filterSelectivity(const PlanNodePtr& source, const RowExpression& conjunct) {
  if (isSpecialForm(conjunct, SpecialForm::kOr)) {
    // Disjuncts as if disjoint: `n = 'A' OR n = 'B'` keeps two values' rows.
    double selectivity = 0;
    for (const auto& disjunct : conjunct.arguments()) {
      selectivity += conjunctionSelectivity(source, disjunct);
    }
    return std::min(1.0, selectivity);
  }
  if (isCallOf(conjunct, operators::kEqual)) {
    for (const auto& argument : conjunct.arguments()) {
      if (auto symbol = asSymbol(argument)) {
        if (auto distinct = distinctValues(source, symbol->name()); distinct && *distinct >= 1) {
          return 1 / *distinct;
        }
      }
    }
    return kEqualitySelectivity;
  }
  if (isSpecialForm(conjunct, SpecialForm::kIn)) {
    return std::min(1.0, kEqualitySelectivity * static_cast<double>(conjunct.arguments().size() - 1));
  }
  if (isRangeComparison(conjunct)) {
    return kRangeSelectivity;
  }
  if (isCallOf(conjunct, "like")) {
    return kLikeSelectivity;
  }
  return kDefaultSelectivity;
}

const connector::TableStatistics& CardinalityEstimator::tableStatistics(const TableInfo& table) {
  auto it = statistics_.find(table.handle.get());
  if (it == statistics_.end()) {
    it = statistics_.emplace(table.handle.get(), table.connector->metadata().getTableStatistics(*table.handle)).first;
  }
  return it->second;
}

double CardinalityEstimator::estimate(const PlanNodePtr& node) {
  if (auto scan = node->as<TableScanNode>()) {
    return tableStatistics(*scan->table()).rowCount.value_or(kUnknownTableRows);
  }
  if (auto filter = node->as<FilterNode>()) {
    return rows(filter->source()) * conjunctionSelectivity(filter->source(), filter->predicate());
  }
  if (auto aggregation = node->as<AggregationNode>()) {
    if (aggregation->groupingKeys().empty()) {
      return 1;
    }
    double groups = 1;
    for (const auto& key : aggregation->groupingKeys()) {
      auto distinct = distinctValues(aggregation->source(), key->name());
      groups *= distinct.value_or(rows(aggregation->source()) * kGroupingReduction);
    }
    return std::min(groups, rows(aggregation->source()));
  }
  if (auto join = node->as<JoinNode>()) {
    std::vector<std::pair<double, double>> keys;
    for (const auto& clause : join->criteria()) {
      double bound = std::min(unfilteredDistinctValues(join->left(), clause.left->name()),
          unfilteredDistinctValues(join->right(), clause.right->name()));
      keys.emplace_back(std::min(distinctValues(join->left(), clause.left->name()).value_or(bound), bound),
          std::min(distinctValues(join->right(), clause.right->name()).value_or(bound), bound));
    }
    double leftRows = rows(join->left());
    double rightRows = rows(join->right());
    double inner = joinRows(leftRows, rightRows, keys) * (join->filter() ? kDefaultSelectivity : 1);
    switch (join->type()) {
      case JoinNode::Type::kInner: return inner;
      case JoinNode::Type::kLeft: return std::max(inner, leftRows);
      case JoinNode::Type::kRight: return std::max(inner, rightRows);
      case JoinNode::Type::kFull: return std::max({inner, leftRows, rightRows});
    }
  }
  if (auto limit = node->as<LimitNode>()) {
    return std::min(static_cast<double>(limit->count()), rows(limit->source()));
  }
  if (auto topN = node->as<TopNNode>()) {
    return std::min(static_cast<double>(topN->count()), rows(topN->source()));
  }
  if (auto values = node->as<ValuesNode>()) {
    return static_cast<double>(values->rows().size());
  }
  if (node->as<EnforceSingleRowNode>()) {
    return 1;
  }
  if (node->as<SetOperationNode>()) {
    double total = 0;
    for (const auto& source : node->sources()) {
      total += rows(source);
    }
    return total;
  }
  // Project, Sort, SemiJoin, Window, MarkDistinct, ...: as many rows as the (first) source.
  return node->sources().empty() ? 1 : rows(node->sources()[0]);
}

double CardinalityEstimator::unfilteredDistinctValues(const PlanNodePtr& node, const std::string& symbol) {
  if (auto scan = node->as<TableScanNode>()) {
    for (size_t i = 0; i < scan->outputSymbols().size(); ++i) {
      if (scan->outputSymbols()[i]->name() != symbol) {
        continue;
      }
      const auto& statistics = tableStatistics(*scan->table());
      auto column = statistics.columns.find(scan->columns()[i]->name());
      if (column != statistics.columns.end() && column->second.distinctValuesCount) {
        return *column->second.distinctValuesCount;
      }
    }
    return rows(node);
  }
  if (auto project = node->as<ProjectNode>()) {
    for (const auto& assignment : project->assignments()) {
      auto source = asSymbol(assignment.expression);
      if (assignment.symbol->name() == symbol && source) {
        return unfilteredDistinctValues(project->source(), source->name());
      }
    }
    return rows(node);
  }
  if (node->as<FilterNode>() || node->as<JoinNode>() || node->as<SemiJoinNode>() || node->as<AggregationNode>() ||
      node->as<SortNode>()) {
    for (const auto& source : node->sources()) {
      if (namesOf(source->outputSymbols()).count(symbol) > 0) {
        return unfilteredDistinctValues(source, symbol);
      }
    }
  }
  return rows(node);
}

std::optional<double> CardinalityEstimator::distinctValues(const PlanNodePtr& node, const std::string& symbol) {
  std::optional<double> distinct;
  if (auto scan = node->as<TableScanNode>()) {
    for (size_t i = 0; i < scan->outputSymbols().size(); ++i) {
      if (scan->outputSymbols()[i]->name() != symbol) {
        continue;
      }
      const auto& statistics = tableStatistics(*scan->table());
      auto column = statistics.columns.find(scan->columns()[i]->name());
      if (column != statistics.columns.end()) {
        distinct = column->second.distinctValuesCount;
      }
    }
  } else if (auto project = node->as<ProjectNode>()) {
    for (const auto& assignment : project->assignments()) {
      auto source = asSymbol(assignment.expression);
      if (assignment.symbol->name() == symbol && source) {
        distinct = distinctValues(project->source(), source->name());
      }
    }
  } else if (node->as<JoinNode>() || node->as<SemiJoinNode>() || node->as<FilterNode>() || node->as<AggregationNode>() ||
      node->as<SortNode>()) {
    for (const auto& source : node->sources()) {
      if (namesOf(source->outputSymbols()).count(symbol) > 0) {
        distinct = distinctValues(source, symbol);
      }
    }
  }
  if (distinct) {
    distinct = std::min(*distinct, rows(node));
  }
  return distinct;
}

} // namespace presto::sql
