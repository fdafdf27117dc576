#include "sql/metadata/SemanticError.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/LogicalPlanner.h"
#include "sql/planner/OutputNode.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/TableWriterNode.h"
#include "type/TypeCoercion.h"

namespace presto::sql {
namespace {

PlanNodePtr writerPlan(PlanNodePtr source, WriterTarget target, std::vector<Symbol> columns,
    std::vector<std::string> names, AnalyzerContext& context, PlanNodeIdAllocator& ids) {
  auto rows = context.symbols().newSymbol("rows", BIGINT());
  auto fragment = context.symbols().newSymbol("fragment", VARBINARY());
  auto writer = std::make_shared<TableWriterNode>(ids.next(), std::move(source), target, std::move(columns), std::move(names), rows, fragment);
  auto total = context.symbols().newSymbol("rows", BIGINT());
  auto finish = std::make_shared<TableFinishNode>(ids.next(), writer, std::move(target), total);
  return std::make_shared<OutputNode>(ids.next(), finish, std::vector<std::string>{"rows"}, std::vector<Symbol>{total});
}

std::string typeNames(const std::vector<TypePtr>& types) {
  std::string text;
  for (const auto& type : types) {
    text += (text.empty() ? "" : ", ") + type->toString();
  }
  return "[" + text + "]";
}

} // namespace

PlanNodePtr LogicalPlanner::planInsert(const Insert& insert, AnalyzerContext& context, PlanNodeIdAllocator& ids) {
  auto name = metadata_.qualify(session_, insert.target);
  auto table = metadata_.requireTable(name, insert.target.location());
  std::vector<const connector::ColumnMetadata*> visible;
  for (const auto& column : table->metadata.columns) {
    if (!column.hidden) {
      visible.push_back(&column);
    }
  }
  // The table columns the query's columns go to, in query order.
  std::vector<const connector::ColumnMetadata*> targets;
  if (insert.columns.empty()) {
    targets = visible;
  } else {
    for (const auto& identifier : insert.columns) {
      auto it = std::find_if(visible.begin(), visible.end(), [&](const auto* column) { return column->name == identifier->value; });
      if (it == visible.end()) {
        semanticError(identifier->location, "Insert column name does not exist in target table: {}", identifier->value);
      }
      if (std::find(targets.begin(), targets.end(), *it) != targets.end()) {
        semanticError(identifier->location, "Insert column name is specified more than once: {}", identifier->value);
      }
      targets.push_back(*it);
    }
  }
  RelationPlanner planner(context, ids);
  auto query = planner.planQuery(*insert.query, nullptr);
  std::vector<TypePtr> tableTypes;
  std::vector<TypePtr> queryTypes;
  for (const auto* column : targets) {
    tableTypes.push_back(column->type);
  }
  for (const auto& field : query.fields) {
    queryTypes.push_back(field.symbol->type());
  }
  bool compatible = tableTypes.size() == queryTypes.size();
  for (size_t i = 0; compatible && i < tableTypes.size(); ++i) {
    compatible = TypeCoercion::canCoerce(queryTypes[i], tableTypes[i]);
  }
  if (!compatible) {
    semanticError(insert.query->location, "Insert query has mismatched column types: Table: {}, Query: {}",
        typeNames(tableTypes), typeNames(queryTypes));
  }
  // One value per table column, in table order: the query's (coerced) or NULL.
  std::vector<RowExpressionPtr> values;
  std::vector<std::string> names;
  for (const auto* column : visible) {
    auto it = std::find(targets.begin(), targets.end(), column);
    if (it == targets.end()) {
      values.push_back(std::make_shared<ConstantExpression>(Value::null(), column->type));
    } else {
      values.push_back(coerce(query.fields[it - targets.begin()].symbol, column->type));
    }
    names.push_back(column->name);
  }
  PlanNodePtr root = query.root;
  auto columns = planner.toSymbols(root, values, "expr");
  WriterTarget target{name, table, {}, false};
  return writerPlan(planner.restrictOutputs(root, columns), std::move(target), columns, names, context, ids);
}

PlanNodePtr LogicalPlanner::planCreateTableAsSelect(
    const CreateTableAsSelect& create, AnalyzerContext& context, PlanNodeIdAllocator& ids) {
  auto name = metadata_.qualify(session_, create.name);
  if (metadata_.findTable(name, create.name.location())) {
    if (!create.notExists) {
      userError(errors::ALREADY_EXISTS, create.name.location(), "Destination table '{}' already exists", name.toString());
    }
  }
  RelationPlanner planner(context, ids);
  auto query = planner.planQuery(*create.query, nullptr);
  if (!create.columnAliases.empty() && create.columnAliases.size() != query.fields.size()) {
    semanticError(create.location, "Column alias list has {} entries but query has {} columns",
        create.columnAliases.size(), query.fields.size());
  }
  connector::TableMetadata table;
  table.name = {name.schema, name.object};
  std::vector<Symbol> columns;
  std::vector<std::string> names;
  for (size_t i = 0; i < query.fields.size(); ++i) {
    std::string column = create.columnAliases.empty() ? query.fields[i].name.value_or("") : create.columnAliases[i]->value;
    if (column.empty()) {
      semanticError(create.query->location, "Column name not specified at position {}", i + 1);
    }
    if (std::find(names.begin(), names.end(), column) != names.end()) {
      semanticError(create.query->location, "Column name '{}' specified more than once", column);
    }
    if (query.fields[i].symbol->type()->kind() == TypeKind::kUnknown) {
      semanticError(create.query->location, "Column type is unknown: {}", column);
    }
    table.columns.push_back({.name = column, .type = query.fields[i].symbol->type()});
    columns.push_back(query.fields[i].symbol);
    names.push_back(column);
  }
  for (const auto& property : create.properties) {
    userError(errors::INVALID_TABLE_PROPERTY, property->location, "Table properties are not supported yet: {}",
        property->name->value);
  }
  WriterTarget target{name, nullptr, table, create.notExists};
  PlanNodePtr source = planner.restrictOutputs(query.root, columns);
  if (!create.withData) {
    // WITH NO DATA: the table takes the query's columns and none of its rows.
    source = std::make_shared<LimitNode>(ids.next(), source, 0);
  }
  return writerPlan(source, std::move(target), columns, names, context, ids);
}

} // namespace presto::sql
