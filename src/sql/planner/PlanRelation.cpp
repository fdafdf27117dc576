#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlParser.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/TableScanNode.h"
#include "sql/planner/UnnestNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::sql {
namespace {

ScopePtr orEmpty(const ScopePtr& scope) {
  return scope ? scope : std::make_shared<const Scope>(nullptr, std::vector<Field>{}, false);
}

} // namespace

RelationPlan RelationPlanner::planRelation(const Relation& relation, const ScopePtr& outerScope) {
  switch (relation.kind()) {
    case NodeKind::kTable: return planTable(relation.as<Table>(), outerScope);
    case NodeKind::kAliasedRelation: return planAliased(relation.as<AliasedRelation>(), outerScope);
    case NodeKind::kTableSubquery: {
      auto plan = planQuery(*relation.as<TableSubquery>().query, outerScope);
      for (auto& field : plan.fields) {
        field.qualifier.clear();
      }
      return plan;
    }
    case NodeKind::kValues: return planValues(relation.as<Values>(), outerScope);
    case NodeKind::kJoin: return planJoin(relation.as<Join>(), outerScope);
    case NodeKind::kQuerySpecification:
    case NodeKind::kSetOperation: return planQueryBody(relation.as<QueryBody>(), outerScope);
    case NodeKind::kUnnest: {
      RelationPlan empty{std::make_shared<ValuesNode>(ids_.next(), std::vector<Symbol>{},
                             std::vector<std::vector<RowExpressionPtr>>{{}}),
          {}};
      return planUnnest(relation.as<Unnest>(), std::move(empty), outerScope);
    }
    case NodeKind::kLateral: {
      RelationPlan empty{std::make_shared<ValuesNode>(ids_.next(), std::vector<Symbol>{},
                             std::vector<std::vector<RowExpressionPtr>>{{}}),
          {}};
      return planLateral(relation.as<Lateral>(), std::move(empty), outerScope);
    }
    case NodeKind::kSampledRelation:
      userError(errors::NOT_SUPPORTED, relation.location, "TABLESAMPLE is not supported yet");
    default: userError(errors::NOT_SUPPORTED, relation.location, "Unsupported relation");
  }
}

RelationPlan RelationPlanner::planTable(const Table& table, const ScopePtr& outerScope) {
  const auto& parts = table.name.parts;
  if (parts.size() == 1 && outerScope) {
    if (auto withQuery = outerScope->findNamedQuery(parts[0]->value)) {
      auto plan = planQuery(*withQuery->query, withQueryScopes_.at(withQuery.get()));
      if (!withQuery->columnNames.empty() && withQuery->columnNames.size() != plan.fields.size()) {
        semanticError(withQuery->location, "WITH column alias list has {} entries but WITH query({}) has {} columns",
            withQuery->columnNames.size(), withQuery->name->value, plan.fields.size());
      }
      for (size_t i = 0; i < plan.fields.size(); ++i) {
        plan.fields[i].qualifier = {withQuery->name->value};
        if (!withQuery->columnNames.empty()) {
          plan.fields[i].name = withQuery->columnNames[i]->value;
        }
      }
      return plan;
    }
  }
  const auto& metadata = context_.metadata();
  auto name = metadata.qualify(context_.session(), table.name);
  auto info = metadata.findTable(name, table.location);
  if (!info) {
    if (auto view = metadata.findView(name)) {
      StatementPtr statement;
      try {
        statement = parseStatement(view->sql);
      } catch (const PrestoException& error) {
        userError(errors::INVALID_VIEW, table.location, "Failed analyzing stored view '{}': {}", name.toString(), error.what());
      }
      if (!statement->is<Query>()) {
        userError(errors::INVALID_VIEW, table.location, "View '{}' is not a query", name.toString());
      }
      auto plan = planQuery(statement->as<Query>(), nullptr);
      for (auto& field : plan.fields) {
        field.qualifier = {name.catalog, name.schema, name.object};
      }
      return plan;
    }
    semanticError(table.location, "Table '{}' does not exist", name.toString());
  }
  std::vector<Field> fields;
  std::vector<Symbol> symbols;
  std::vector<connector::ColumnHandlePtr> handles;
  for (const auto& column : info->metadata.columns) {
    connector::ColumnHandlePtr handle;
    for (const auto& candidate : info->columns) {
      if (candidate->name() == column.name) {
        handle = candidate;
      }
    }
    if (!handle) {
      continue;
    }
    auto symbol = context_.symbols().newSymbol(column.name, column.type);
    Field field;
    field.qualifier = {name.catalog, name.schema, name.object};
    field.name = column.name;
    field.symbol = symbol;
    field.hidden = column.hidden;
    fields.push_back(field);
    symbols.push_back(symbol);
    handles.push_back(handle);
  }
  return {std::make_shared<TableScanNode>(ids_.next(), info, symbols, handles), fields};
}

RelationPlan RelationPlanner::planAliased(const AliasedRelation& aliased, const ScopePtr& outerScope) {
  auto plan = planRelation(*aliased.relation, outerScope);
  size_t visible = 0;
  for (const auto& field : plan.fields) {
    visible += field.hidden ? 0 : 1;
  }
  if (!aliased.columnNames.empty() && aliased.columnNames.size() != visible) {
    semanticError(aliased.location, "Column alias list has {} entries but '{}' has {} columns available",
        aliased.columnNames.size(), aliased.alias->value, visible);
  }
  size_t next = 0;
  for (auto& field : plan.fields) {
    field.qualifier = {aliased.alias->value};
    field.qualifiedOnly = false;
    if (!aliased.columnNames.empty() && !field.hidden) {
      field.name = aliased.columnNames[next++]->value;
    }
  }
  return plan;
}

RelationPlan RelationPlanner::planValues(const Values& values, const ScopePtr& outerScope) {
  ExpressionContext context{orEmpty(outerScope), "VALUES cannot contain aggregations or window functions"};
  std::vector<std::vector<RowExpressionPtr>> rows;
  for (const auto& row : values.rows) {
    ExpressionAnalyzer analyzer(context_, context);
    std::vector<RowExpressionPtr> items;
    if (row->is<Row>()) {
      for (const auto& item : row->as<Row>().items) {
        items.push_back(analyzer.analyze(item));
      }
    } else {
      items.push_back(analyzer.analyze(row));
    }
    if (!rows.empty() && rows[0].size() != items.size()) {
      semanticError(row->location, "Values rows have mismatched sizes: {} vs {}", rows[0].size(), items.size());
    }
    rows.push_back(std::move(items));
  }
  std::vector<Field> fields;
  std::vector<Symbol> symbols;
  for (size_t column = 0; column < rows[0].size(); ++column) {
    TypePtr type = UNKNOWN();
    for (const auto& row : rows) {
      auto common = commonSuperType({type, row[column]->type()});
      if (!common) {
        semanticError(values.location, "Values rows have mismatched types: {} vs {}", type->toString(),
            row[column]->type()->toString());
      }
      type = *common;
    }
    for (auto& row : rows) {
      row[column] = coerce(row[column], type);
    }
    auto symbol = context_.symbols().newSymbol("field", type);
    Field field;
    field.symbol = symbol;
    fields.push_back(field);
    symbols.push_back(symbol);
  }
  return {std::make_shared<ValuesNode>(ids_.next(), symbols, std::move(rows)), fields};
}

RelationPlan RelationPlanner::planUnnest(const Unnest& unnest, RelationPlan left, const ScopePtr& outerScope) {
  auto scope = std::make_shared<const Scope>(outerScope, left.fields, false);
  ExpressionContext context{scope, "UNNEST cannot contain aggregations or window functions"};
  std::vector<RowExpressionPtr> expressions;
  for (const auto& expression : unnest.expressions) {
    expressions.push_back(ExpressionAnalyzer(context_, context).analyze(expression));
  }
  PlanNodePtr current = left.root;
  auto inputs = toSymbols(current, expressions, "unnest");
  std::vector<UnnestNode::Mapping> mappings;
  RelationPlan result{nullptr, left.fields};
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto& type = inputs[i]->type();
    UnnestNode::Mapping mapping{inputs[i], {}};
    if (type->kind() == TypeKind::kArray) {
      const auto& element = type->childAt(0);
      if (element->kind() == TypeKind::kRow) {
        const auto& row = asRow(*element);
        for (size_t field = 0; field < row.size(); ++field) {
          mapping.outputs.push_back(context_.symbols().newSymbol(
              row.nameOf(field).empty() ? "field" : row.nameOf(field), row.childAt(field)));
        }
      } else {
        mapping.outputs.push_back(context_.symbols().newSymbol("field", element));
      }
    } else if (type->kind() == TypeKind::kMap) {
      mapping.outputs.push_back(context_.symbols().newSymbol("key", type->childAt(0)));
      mapping.outputs.push_back(context_.symbols().newSymbol("value", type->childAt(1)));
    } else {
      semanticError(unnest.expressions[i]->location, "Cannot unnest type: {}", type->toString());
    }
    for (const auto& symbol : mapping.outputs) {
      Field field;
      field.symbol = symbol;
      result.fields.push_back(field);
    }
    mappings.push_back(std::move(mapping));
  }
  std::optional<Symbol> ordinality;
  if (unnest.withOrdinality) {
    ordinality = context_.symbols().newSymbol("ordinality", BIGINT());
    Field field;
    field.symbol = *ordinality;
    result.fields.push_back(field);
  }
  result.root =
      std::make_shared<UnnestNode>(ids_.next(), current, left.root->outputSymbols(), std::move(mappings), ordinality);
  return result;
}

RelationPlan RelationPlanner::planLateral(const Lateral& lateral, RelationPlan left, const ScopePtr& outerScope) {
  auto leftScope = std::make_shared<const Scope>(outerScope, left.fields, false);
  auto boundary = std::make_shared<Scope>(leftScope, std::vector<Field>{}, true);
  auto subquery = planQuery(*lateral.query, boundary);
  RelationPlan result{nullptr, left.fields};
  for (auto field : subquery.fields) {
    field.qualifier.clear();
    result.fields.push_back(field);
  }
  result.root = std::make_shared<LateralJoinNode>(
      ids_.next(), left.root, subquery.root, boundary->outerReferences(), LateralJoinNode::Type::kInner);
  return result;
}

} // namespace presto::sql
