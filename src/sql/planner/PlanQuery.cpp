#include "sql/metadata/SemanticError.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/SortNode.h"

namespace presto::sql {

PlanNodePtr RelationPlanner::appendProjections(const PlanNodePtr& source, const std::vector<Assignment>& assignments) {
  std::vector<Assignment> all;
  for (const auto& symbol : source->outputSymbols()) {
    all.push_back({symbol, symbol});
  }
  all.insert(all.end(), assignments.begin(), assignments.end());
  return std::make_shared<ProjectNode>(ids_.next(), source, std::move(all));
}

std::vector<Symbol> RelationPlanner::toSymbols(
    PlanNodePtr& plan, const std::vector<RowExpressionPtr>& expressions, const std::string& hint) {
  std::vector<Symbol> symbols;
  std::vector<Assignment> added;
  for (const auto& expression : expressions) {
    if (expression->kind() == RowExpressionKind::kVariableReference) {
      symbols.push_back(std::static_pointer_cast<const VariableReferenceExpression>(expression));
      continue;
    }
    Symbol existing;
    for (const auto& assignment : added) {
      if (assignment.expression->equals(*expression)) {
        existing = assignment.symbol;
      }
    }
    if (!existing) {
      existing = context_.symbols().newSymbol(hint, expression->type());
      added.push_back({existing, expression});
    }
    symbols.push_back(existing);
  }
  if (!added.empty()) {
    plan = appendProjections(plan, added);
  }
  return symbols;
}

PlanNodePtr RelationPlanner::restrictOutputs(const PlanNodePtr& plan, const std::vector<Symbol>& symbols) {
  const auto& outputs = plan->outputSymbols();
  bool same = outputs.size() == symbols.size();
  for (size_t i = 0; same && i < symbols.size(); ++i) {
    same = sameSymbol(outputs[i], symbols[i]);
  }
  if (same) {
    return plan;
  }
  std::vector<Assignment> assignments;
  for (const auto& symbol : symbols) {
    assignments.push_back({symbol, symbol});
  }
  return std::make_shared<ProjectNode>(ids_.next(), plan, std::move(assignments));
}

ScopePtr RelationPlanner::declareWithQueries(const With& with, const ScopePtr& outerScope) {
  if (with.recursive) {
    userError(errors::NOT_SUPPORTED, with.location, "Recursive WITH queries are not supported");
  }
  ScopePtr scope = outerScope;
  std::set<std::string> names;
  for (const auto& query : with.queries) {
    if (!names.insert(query->name->value).second) {
      semanticError(query->location, "WITH query name '{}' specified more than once", query->name->value);
    }
    withQueryScopes_[query.get()] = scope;
    auto next = std::make_shared<Scope>(scope, std::vector<Field>{}, false);
    next->addNamedQuery(query->name->value, query);
    scope = next;
  }
  return scope;
}

RelationPlan RelationPlanner::planQuery(const Query& query, const ScopePtr& outerScope) {
  ScopePtr scope = outerScope;
  if (query.with) {
    scope = declareWithQueries(*query.with, outerScope);
  }
  auto plan = planQueryBody(*query.body, scope);
  if (!query.orderBy.empty() || query.offset || query.limit) {
    plan = planOrderAndLimit(std::move(plan), query, scope);
  }
  return plan;
}

RelationPlan RelationPlanner::planQueryBody(const QueryBody& body, const ScopePtr& scope) {
  switch (body.kind()) {
    case NodeKind::kQuerySpecification: return planQuerySpecification(body.as<QuerySpecification>(), scope);
    case NodeKind::kSetOperation: return planSetOperation(body.as<SetOperation>(), scope);
    case NodeKind::kTableSubquery: {
      auto plan = planQuery(*body.as<TableSubquery>().query, scope);
      for (auto& field : plan.fields) {
        field.qualifier.clear();
      }
      return plan;
    }
    default: {
      auto plan = planRelation(body, scope);
      // A query's columns are exactly its visible fields.
      std::vector<Field> visible;
      std::vector<Symbol> symbols;
      for (auto& field : plan.fields) {
        if (!field.hidden) {
          visible.push_back(field);
          symbols.push_back(field.symbol);
        }
      }
      return {restrictOutputs(plan.root, symbols), visible};
    }
  }
}

RelationPlan RelationPlanner::planOrderAndLimit(RelationPlan plan, const Query& query, const ScopePtr& scope) {
  std::vector<Field> outputFields;
  std::vector<Symbol> outputs;
  for (const auto& field : plan.fields) {
    Field visible = field;
    visible.qualifier.clear();
    outputFields.push_back(visible);
    outputs.push_back(field.symbol);
  }
  ExpressionContext context;
  context.scope = std::make_shared<Scope>(scope, outputFields, false);
  context.aggregateError = "ORDER BY clause cannot contain aggregations or window functions";
  PlanNodePtr current = plan.root;
  auto keys = toSortKeys(current, analyzeOrderBy(query.orderBy, outputs, context), query.orderBy);
  current = planLimit(current, keys, query.offset, query.limit);
  plan.root = restrictOutputs(current, outputs);
  return plan;
}

} // namespace presto::sql
