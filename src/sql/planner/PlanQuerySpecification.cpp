#include "sql/analyzer/AggregateExtractor.h"
#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/SubqueryPlanner.h"
#include "sql/planner/ValuesNode.h"

namespace presto::sql {
namespace {

/// One column of the select list after `*` expansion.
struct SelectOutput {
  /// The select item's expression; null for a column of `*`.
  ExpressionPtr expression;
  /// The column of `*`.
  RowExpressionPtr starColumn;
  std::optional<std::string> name;
  SourceLocation location;
};

std::vector<std::string> qualifierOf(const Expression& prefix) {
  if (prefix.is<Identifier>()) {
    return {prefix.as<Identifier>().value};
  }
  if (prefix.is<Dereference>()) {
    auto parts = qualifierOf(*prefix.as<Dereference>().base);
    parts.push_back(prefix.as<Dereference>().field->value);
    return parts;
  }
  semanticError(prefix.location, "Invalid prefix of '.*'");
}

void collectSymbols(const RowExpression& expression, std::vector<Symbol>& symbols) {
  if (expression.kind() == RowExpressionKind::kVariableReference) {
    const auto* variable = expression.as<VariableReferenceExpression>();
    for (const auto& existing : symbols) {
      if (existing->name() == variable->name()) {
        return;
      }
    }
    symbols.push_back(std::make_shared<VariableReferenceExpression>(variable->name(), variable->type()));
    return;
  }
  for (const auto& argument : expression.arguments()) {
    collectSymbols(*argument, symbols);
  }
}

bool containsSymbol(const std::vector<Symbol>& symbols, const Symbol& symbol) {
  for (const auto& existing : symbols) {
    if (sameSymbol(existing, symbol)) {
      return true;
    }
  }
  return false;
}

std::vector<SelectOutput> expandSelectItems(const Select& select, const Scope& sourceScope, bool hasFrom) {
  std::vector<SelectOutput> outputs;
  for (const auto& item : select.selectItems) {
    if (item->is<SingleColumn>()) {
      const auto& column = item->as<SingleColumn>();
      outputs.push_back({column.expression, nullptr, selectItemName(column), item->location});
      continue;
    }
    const auto& all = item->as<AllColumns>();
    if (!hasFrom) {
      semanticError(item->location, "SELECT * not allowed in queries without FROM clause");
    }
    std::vector<std::string> qualifier;
    if (all.prefix) {
      qualifier = qualifierOf(*all.prefix);
    }
    size_t before = outputs.size();
    for (const auto& field : sourceScope.fields()) {
      if (field.hidden || (qualifier.empty() && field.qualifiedOnly)) {
        continue;
      }
      if (!qualifier.empty() && !(field.name && field.matches(qualifier, *field.name))) {
        continue;
      }
      outputs.push_back({nullptr, field.symbol, field.name, item->location});
    }
    if (all.prefix && outputs.size() == before) {
      semanticError(all.prefix->location, "Unable to resolve reference {}", formatExpression(*all.prefix));
    }
    if (!all.prefix && outputs.size() == before) {
      semanticError(item->location, "SELECT * not allowed from relation that has no columns");
    }
  }
  return outputs;
}

} // namespace

std::optional<std::string> selectItemName(const SingleColumn& column) {
  if (column.alias) {
    return column.alias->value;
  }
  if (column.expression->is<Identifier>()) {
    return column.expression->as<Identifier>().value;
  }
  if (column.expression->is<Dereference>()) {
    return column.expression->as<Dereference>().field->value;
  }
  return std::nullopt;
}

RelationPlan RelationPlanner::planQuerySpecification(const QuerySpecification& specification, const ScopePtr& outerScope) {
  RelationPlan from;
  if (specification.from) {
    from = planRelation(*specification.from, outerScope);
  } else {
    from.root = std::make_shared<ValuesNode>(ids_.next(), std::vector<Symbol>{}, std::vector<std::vector<RowExpressionPtr>>{{}});
  }
  auto sourceScope = std::make_shared<const Scope>(outerScope, from.fields, true);
  PlanNodePtr current = from.root;

  if (specification.where) {
    SubqueryPlanner subqueries(*this, current);
    ExpressionContext where{sourceScope, "WHERE clause cannot contain aggregations or window functions", nullptr, nullptr, &subqueries};
    auto predicate = ExpressionAnalyzer(context_, where).analyzePredicate(specification.where, "WHERE clause");
    current = std::make_shared<FilterNode>(ids_.next(), current, predicate);
  }

  auto selectOutputs = expandSelectItems(*specification.select, *sourceScope, specification.from != nullptr);
  std::vector<ExpressionPtr> selectExpressions;
  for (const auto& output : selectOutputs) {
    if (output.expression) {
      selectExpressions.push_back(output.expression);
    }
  }
  std::vector<ExpressionPtr> orderByExpressions;
  for (const auto& item : specification.orderBy) {
    orderByExpressions.push_back(item->sortKey);
  }

  auto searched = selectExpressions;
  searched.push_back(specification.having);
  searched.insert(searched.end(), orderByExpressions.begin(), orderByExpressions.end());
  auto aggregates = extractAggregates(context_, searched);
  bool aggregated = specification.groupBy || !aggregates.empty() || specification.having;

  std::vector<Substitution> substitutions;
  GroupingCheck grouping;
  if (aggregated) {
    auto result = planAggregation(specification, current, sourceScope, aggregates, selectExpressions);
    substitutions = std::move(result.substitutions);
    grouping = std::move(result.grouping);
  }
  ExpressionContext post{sourceScope, "", &substitutions, aggregated ? &grouping : nullptr, nullptr};

  if (specification.having) {
    SubqueryPlanner subqueries(*this, current);
    post.subqueries = &subqueries;
    auto predicate = ExpressionAnalyzer(context_, post).analyzePredicate(specification.having, "HAVING clause");
    current = std::make_shared<FilterNode>(ids_.next(), current, predicate);
    post.subqueries = nullptr;
  }

  auto windowSearched = selectExpressions;
  windowSearched.insert(windowSearched.end(), orderByExpressions.begin(), orderByExpressions.end());
  auto windowCalls = extractWindowFunctions(windowSearched);
  if (!windowCalls.empty()) {
    planWindowFunctions(specification, current, windowCalls, post, substitutions);
  }

  // The select list.
  std::vector<Symbol> outputs;
  std::vector<Assignment> assignments;
  std::vector<Field> outputFields;
  {
    SubqueryPlanner subqueries(*this, current);
    post.subqueries = &subqueries;
    for (size_t i = 0; i < selectOutputs.size(); ++i) {
      const auto& output = selectOutputs[i];
      RowExpressionPtr value = output.starColumn;
      if (!output.expression && aggregated) {
        auto it = grouping.keys.find(output.starColumn->as<VariableReferenceExpression>()->name());
        if (it == grouping.keys.end()) {
          semanticError(output.location,
              "'{}' must be an aggregate expression or appear in GROUP BY clause", output.name.value_or("*"));
        }
        value = it->second;
      }
      if (output.expression) {
        value = ExpressionAnalyzer(context_, post).analyze(output.expression);
      }
      Symbol symbol;
      if (value->kind() == RowExpressionKind::kVariableReference) {
        auto candidate = std::static_pointer_cast<const VariableReferenceExpression>(value);
        if (!containsSymbol(outputs, candidate)) {
          symbol = candidate;
        }
      }
      if (!symbol) {
        symbol = context_.symbols().newSymbol(output.name.value_or("expr"), value->type());
      }
      outputs.push_back(symbol);
      assignments.push_back({symbol, value});
      Field field;
      field.name = output.name;
      field.symbol = symbol;
      outputFields.push_back(field);
    }
    post.subqueries = nullptr;
  }

  // ORDER BY sees the output columns first, then the source's.
  std::vector<RowExpressionPtr> sortExpressions;
  if (!specification.orderBy.empty()) {
    std::vector<Substitution> orderSubstitutions = substitutions;
    for (size_t i = 0; i < selectOutputs.size(); ++i) {
      if (selectOutputs[i].expression) {
        orderSubstitutions.push_back({selectOutputs[i].expression, outputs[i]});
      }
    }
    ExpressionContext order = post;
    order.scope = std::make_shared<Scope>(sourceScope, outputFields, false);
    order.substitutions = &orderSubstitutions;
    order.aggregateError = "";
    sortExpressions = analyzeOrderBy(specification.orderBy, outputs, order);
  }
  std::vector<Symbol> referenced;
  for (const auto& expression : sortExpressions) {
    collectSymbols(*expression, referenced);
  }
  for (const auto& symbol : referenced) {
    if (!containsSymbol(outputs, symbol)) {
      if (specification.select->distinct) {
        semanticError(specification.orderBy[0]->location,
            "For SELECT DISTINCT, ORDER BY expressions must appear in select list");
      }
      assignments.push_back({symbol, symbol});
    }
  }
  current = std::make_shared<ProjectNode>(ids_.next(), current, std::move(assignments));

  if (specification.select->distinct) {
    std::vector<Symbol> keys;
    for (const auto& symbol : outputs) {
      if (!containsSymbol(keys, symbol)) {
        keys.push_back(symbol);
      }
    }
    current = std::make_shared<AggregationNode>(
        ids_.next(), restrictOutputs(current, keys), keys, std::vector<AggregationNode::Output>{});
  }
  auto keys = toSortKeys(current, sortExpressions, specification.orderBy);
  current = planLimit(current, keys, specification.offset, specification.limit);
  return {restrictOutputs(current, outputs), outputFields};
}

} // namespace presto::sql
