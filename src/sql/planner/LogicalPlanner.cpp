#include "sql/planner/LogicalPlanner.h"

#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "sql/parser/SqlParser.h"
#include "sql/planner/OutputNode.h"
#include "sql/planner/PlanPrinter.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/ValuesNode.h"

namespace presto::sql {

PlanNodePtr LogicalPlanner::plan(const Statement& statement) {
  AnalyzerContext context(session_, metadata_, functions_);
  PlanNodeIdAllocator ids;
  return planStatement(statement, context, ids);
}

PlanNodePtr LogicalPlanner::plan(std::string_view sql) {
  return plan(*parseStatement(sql));
}

std::string LogicalPlanner::explain(const Statement& statement) {
  return explainText(plan(statement));
}

std::string LogicalPlanner::explainText(const PlanNodePtr& plan) const {
  return printPlan(optimizer_ ? *optimizer_(plan) : *plan);
}

std::string LogicalPlanner::explain(std::string_view sql) {
  return explain(*parseStatement(sql));
}

PlanNodePtr LogicalPlanner::planStatement(const Statement& statement, AnalyzerContext& context, PlanNodeIdAllocator& ids) {
  switch (statement.kind()) {
    case NodeKind::kQuery: return planQuery(statement.as<Query>(), context, ids);
    case NodeKind::kInsert: return planInsert(statement.as<Insert>(), context, ids);
    case NodeKind::kCreateTableAsSelect: return planCreateTableAsSelect(statement.as<CreateTableAsSelect>(), context, ids);
    case NodeKind::kExecute: return planExecute(statement.as<Execute>(), context, ids);
    case NodeKind::kExplain: return planExplain(statement.as<Explain>(), context, ids);
    case NodeKind::kShowCatalogs:
    case NodeKind::kShowSchemas:
    case NodeKind::kShowTables:
    case NodeKind::kShowColumns:
    case NodeKind::kShowFunctions:
    case NodeKind::kShowSession: {
      auto rewritten = parseStatement(rewriteShowStatement(statement));
      return planQuery(rewritten->as<Query>(), context, ids);
    }
    default:
      userError(errors::NOT_SUPPORTED, statement.location,
          "Statement is executed by the query runner and has no logical plan");
  }
}

PlanNodePtr LogicalPlanner::planQuery(const Query& query, AnalyzerContext& context, PlanNodeIdAllocator& ids) {
  RelationPlanner planner(context, ids);
  auto plan = planner.planQuery(query, nullptr);
  std::vector<std::string> names;
  std::vector<Symbol> symbols;
  for (size_t i = 0; i < plan.fields.size(); ++i) {
    names.push_back(plan.fields[i].name.value_or("_col" + std::to_string(i)));
    symbols.push_back(plan.fields[i].symbol);
  }
  return std::make_shared<OutputNode>(ids.next(), plan.root, std::move(names), std::move(symbols));
}

PlanNodePtr LogicalPlanner::planExecute(const Execute& execute, AnalyzerContext& context, PlanNodeIdAllocator& ids) {
  const auto& sql = session_.preparedStatement(execute.name->value);
  auto statement = parseStatement(sql);
  std::vector<RowExpressionPtr> parameters;
  auto empty = std::make_shared<const Scope>(nullptr, std::vector<Field>{}, false);
  for (const auto& parameter : execute.parameters) {
    ExpressionContext parameterContext{empty, "Parameters cannot contain aggregations or window functions"};
    auto value = ExpressionAnalyzer(context, parameterContext).analyze(parameter);
    if (value->kind() != RowExpressionKind::kConstant) {
      semanticError(parameter->location, "Parameter value must be a constant: {}", formatExpression(*parameter));
    }
    parameters.push_back(value);
  }
  context.setParameters(std::move(parameters));
  return planStatement(*statement, context, ids);
}

std::string LogicalPlanner::explainText(const PlanNodePtr& plan, const Explain& explain) const {
  bool distributed = false;
  auto format = ExplainFormat::kText;
  for (const auto& option : explain.options) {
    if (option->type == ExplainOption::Type::kType) {
      distributed = option->value == "DISTRIBUTED";
      if (option->value != "LOGICAL" && !(distributed && distributedExplainer_)) {
        userError(errors::NOT_SUPPORTED, option->location, "EXPLAIN (TYPE {}) is not supported", option->value);
      }
    }
    if (option->type == ExplainOption::Type::kFormat) {
      if (option->value != "TEXT" && option->value != "JSON") {
        userError(errors::NOT_SUPPORTED, option->location, "EXPLAIN (FORMAT {}) is not supported", option->value);
      }
      format = option->value == "JSON" ? ExplainFormat::kJson : ExplainFormat::kText;
    }
  }
  auto optimized = optimizer_ ? optimizer_(plan) : plan;
  if (distributed) {
    return distributedExplainer_(optimized, format);
  }
  if (format == ExplainFormat::kJson) {
    return printPlanJson(*optimized);
  }
  return estimates_ ? printPlan(optimized, estimates_(optimized)) : printPlan(*optimized);
}

PlanNodePtr LogicalPlanner::planExplain(const Explain& explain, AnalyzerContext& context, PlanNodeIdAllocator& ids) {
  if (explain.analyze) {
    userError(errors::NOT_SUPPORTED, explain.location, "EXPLAIN ANALYZE needs the execution engine");
  }
  auto text = explainText(planStatement(*explain.statement, context, ids), explain);
  auto symbol = context.symbols().newSymbol("query_plan", VARCHAR());
  auto values = std::make_shared<ValuesNode>(ids.next(), std::vector<Symbol>{symbol},
      std::vector<std::vector<RowExpressionPtr>>{{std::make_shared<ConstantExpression>(Value(text), VARCHAR())}});
  return std::make_shared<OutputNode>(ids.next(), values, std::vector<std::string>{"Query Plan"}, std::vector<Symbol>{symbol});
}

} // namespace presto::sql
