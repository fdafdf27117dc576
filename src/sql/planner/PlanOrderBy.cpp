#include "sql/metadata/SemanticError.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/OffsetNode.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/SortNode.h"

namespace presto::sql {
namespace {

/// The value of a LIMIT/OFFSET/FETCH row count: an integer literal or a bound parameter.
int64_t rowCountValue(const ExpressionPtr& rowCount, const AnalyzerContext& context, const char* clause) {
  if (rowCount->is<LongLiteral>()) {
    return rowCount->as<LongLiteral>().value;
  }
  if (rowCount->is<Parameter>()) {
    const auto& parameters = context.parameters();
    auto position = rowCount->as<Parameter>().position;
    if (position < static_cast<int32_t>(parameters.size()) &&
        parameters[position]->kind() == RowExpressionKind::kConstant && parameters[position]->type()->isIntegral()) {
      auto value = parameters[position]->as<ConstantExpression>()->value();
      if (!value.isNull()) {
        return value.as<int64_t>();
      }
    }
    semanticError(rowCount->location, "Parameter value provided for {} is not an integer", clause);
  }
  semanticError(rowCount->location, "{} row count must be an integer", clause);
}

} // namespace

std::vector<RowExpressionPtr> RelationPlanner::analyzeOrderBy(
    const std::vector<SortItemPtr>& orderBy, const std::vector<Symbol>& outputs, ExpressionContext context) {
  std::vector<RowExpressionPtr> expressions;
  for (const auto& item : orderBy) {
    const auto& key = item->sortKey;
    if (key->is<LongLiteral>()) {
      int64_t position = key->as<LongLiteral>().value;
      if (position < 1 || position > static_cast<int64_t>(outputs.size())) {
        semanticError(key->location, "ORDER BY position {} is not in select list", position);
      }
      expressions.push_back(outputs[position - 1]);
      continue;
    }
    ExpressionAnalyzer analyzer(context_, context);
    auto expression = analyzer.analyze(key);
    if (!expression->type()->isOrderable()) {
      semanticError(key->location, "Type {} is not orderable, and therefore cannot be used in ORDER BY",
          expression->type()->toString());
    }
    expressions.push_back(expression);
  }
  return expressions;
}

std::vector<SortKey> RelationPlanner::toSortKeys(
    PlanNodePtr& current, const std::vector<RowExpressionPtr>& expressions, const std::vector<SortItemPtr>& orderBy) {
  auto symbols = toSymbols(current, expressions, "expr");
  std::vector<SortKey> keys;
  for (size_t i = 0; i < symbols.size(); ++i) {
    const auto& item = *orderBy[i];
    keys.push_back({symbols[i], !item.descending, item.nullOrdering == SortItem::NullOrdering::kFirst});
  }
  return keys;
}

PlanNodePtr RelationPlanner::planLimit(
    PlanNodePtr current, const std::vector<SortKey>& orderBy, const OffsetPtr& offset, const NodePtr& limit) {
  std::optional<int64_t> count;
  if (limit && limit->is<Limit>()) {
    if (const auto& rowCount = limit->as<Limit>().rowCount) {
      count = rowCountValue(rowCount, context_, "LIMIT");
      if (*count < 0) {
        semanticError(rowCount->location, "LIMIT row count must be greater or equal to 0 (actual value: {})", *count);
      }
    }
  } else if (limit && limit->is<FetchFirst>()) {
    const auto& fetch = limit->as<FetchFirst>();
    if (fetch.withTies) {
      userError(errors::NOT_SUPPORTED, limit->location, "FETCH FIRST ... WITH TIES is not supported");
    }
    count = fetch.rowCount ? rowCountValue(fetch.rowCount, context_, "FETCH FIRST") : 1;
  }
  if (!orderBy.empty()) {
    if (count && !offset) {
      return std::make_shared<TopNNode>(ids_.next(), current, *count, orderBy);
    }
    current = std::make_shared<SortNode>(ids_.next(), current, orderBy);
  }
  if (offset) {
    int64_t skip = rowCountValue(offset->rowCount, context_, "OFFSET");
    if (skip < 0) {
      semanticError(offset->rowCount->location, "OFFSET row count must be greater or equal to 0 (actual value: {})", skip);
    }
    if (skip > 0) {
      current = std::make_shared<OffsetNode>(ids_.next(), current, skip);
    }
  }
  if (count) {
    current = std::make_shared<LimitNode>(ids_.next(), current, *count);
  }
  return current;
}

} // namespace presto::sql
