#include "sql/metadata/SemanticError.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/SetOperationNode.h"

namespace presto::sql {
namespace {

const char* operationName(SetOperation::Operator op) {
  switch (op) {
    case SetOperation::Operator::kUnion: return "UNION";
    case SetOperation::Operator::kIntersect: return "INTERSECT";
    case SetOperation::Operator::kExcept: return "EXCEPT";
  }
  return "UNION";
}

} // namespace

RelationPlan RelationPlanner::planSetOperation(const SetOperation& operation, const ScopePtr& scope) {
  std::vector<RelationPlan> inputs;
  inputs.push_back(planQueryBody(*operation.left, scope));
  inputs.push_back(planQueryBody(*operation.right, scope));
  const char* name = operationName(operation.op);
  size_t width = inputs[0].fields.size();
  if (inputs[1].fields.size() != width) {
    semanticError(operation.location, "{} query has different number of fields: {}, {}", name, width,
        inputs[1].fields.size());
  }
  std::vector<TypePtr> types;
  for (size_t column = 0; column < width; ++column) {
    const auto& leftType = inputs[0].fields[column].symbol->type();
    const auto& rightType = inputs[1].fields[column].symbol->type();
    auto common = commonSuperType({leftType, rightType});
    if (!common) {
      semanticError(operation.location, "column {} in {} query has incompatible types: {}, {}", column + 1, name,
          leftType->toString(), rightType->toString());
    }
    if (operation.op != SetOperation::Operator::kUnion && !(*common)->isComparable()) {
      semanticError(operation.location, "Type {} is not comparable and therefore cannot be used in {}",
          (*common)->toString(), name);
    }
    types.push_back(*common);
  }
  std::vector<PlanNodePtr> sources;
  std::vector<std::vector<Symbol>> symbolsBySource;
  for (auto& input : inputs) {
    std::vector<RowExpressionPtr> coerced;
    for (size_t column = 0; column < width; ++column) {
      coerced.push_back(coerce(input.fields[column].symbol, types[column]));
    }
    PlanNodePtr root = input.root;
    symbolsBySource.push_back(toSymbols(root, coerced, "expr"));
    sources.push_back(root);
  }
  std::vector<Symbol> outputs;
  std::vector<Field> fields;
  for (size_t column = 0; column < width; ++column) {
    auto symbol = context_.symbols().newSymbol(inputs[0].fields[column].name.value_or("expr"), types[column]);
    outputs.push_back(symbol);
    Field field;
    field.name = inputs[0].fields[column].name;
    field.symbol = symbol;
    fields.push_back(field);
  }
  auto kind = operation.op == SetOperation::Operator::kUnion     ? SetOperationNode::Kind::kUnion
      : operation.op == SetOperation::Operator::kIntersect ? SetOperationNode::Kind::kIntersect
                                                           : SetOperationNode::Kind::kExcept;
  bool distinct = operation.distinct;
  PlanNodePtr node = std::make_shared<SetOperationNode>(ids_.next(), kind,
      kind == SetOperationNode::Kind::kUnion ? false : distinct, std::move(sources), outputs, std::move(symbolsBySource));
  if (kind == SetOperationNode::Kind::kUnion && distinct) {
    node = std::make_shared<AggregationNode>(ids_.next(), node, outputs, std::vector<AggregationNode::Output>{});
  }
  return {node, fields};
}

} // namespace presto::sql
